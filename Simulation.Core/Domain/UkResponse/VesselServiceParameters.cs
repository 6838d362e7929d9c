using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>One UK service (Border Force or RNLI): a pool of identical vessels.</summary>
public sealed record VesselServiceParameters
{
    /// <summary>Vessels in the pool.</summary>
    public required int Vessels { get; init; }
    /// <summary>Transit speed.</summary>
    public required double SpeedKnots { get; init; }
    /// <summary>Distance from station to scene.</summary>
    public required double ResponseDistanceNm { get; init; }
    /// <summary>People per trip.</summary>
    public required int CapacityPeople { get; init; }
    /// <summary>Time to take one boat's people aboard.</summary>
    public required double TransferHours { get; init; }
    /// <summary>Distance from scene to port.</summary>
    public required double ReturnDistanceNm { get; init; }
    /// <summary>Landing and readiness time at port.</summary>
    public required double TurnaroundHours { get; init; }

    /// <summary>Hours from tasking to arrival on scene.</summary>
    public double ResponseHours => SpeedKnots <= 0 ? 0 : ResponseDistanceNm / SpeedKnots;
    /// <summary>Hours from scene to port.</summary>
    public double ReturnHours => SpeedKnots <= 0 ? 0 : ReturnDistanceNm / SpeedKnots;

    /// <summary>Hours on scene and under way from pick-up to landing for a number of people (shuttles when over capacity).</summary>
    public double PickupToLandingHours(int people)
    {
        int trips = Math.Max(1, (people + CapacityPeople - 1) / CapacityPeople);
        return trips * TransferHours + (trips - 1) * 2 * ReturnHours + ReturnHours;
    }

    /// <summary>Reads one service by its path prefix (uk.border_force or uk.rnli).</summary>
    public static VesselServiceParameters From(ParameterSet p, string prefix, string countKey) => new()
    {
        Vessels = p.Integer(prefix + "." + countKey),
        SpeedKnots = p.Number(prefix + ".speed_knots"),
        ResponseDistanceNm = p.Number(prefix + ".response_distance_nm"),
        CapacityPeople = p.Integer(prefix + ".capacity_people"),
        TransferHours = p.Number(prefix + ".transfer_hours"),
        ReturnDistanceNm = p.Number(prefix + ".return_distance_nm"),
        TurnaroundHours = p.Number(prefix + ".turnaround_hours"),
    };
}
