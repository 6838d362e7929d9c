using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// Typed parameters of chartered joint-operations rescue ships (MODEL.md §2.9: "just one more
/// vessel with its own base, speed and rules"): stationed near the median line, answering distress
/// on both sides of it, and returning the people they rescue to France under Windspire rules.
/// </summary>
public sealed record JointOperationsParameters
{
    /// <summary>Ships on station (0 = none).</summary>
    public required int Ships { get; init; }
    /// <summary>Mean distance from the ship's station to a boat in distress.</summary>
    public required double StationDistanceNm { get; init; }
    /// <summary>Transit speed.</summary>
    public required double SpeedKnots { get; init; }
    /// <summary>People per trip.</summary>
    public required int CapacityPeople { get; init; }
    /// <summary>Time on scene to take one boat's people aboard.</summary>
    public required double OnSceneHours { get; init; }
    /// <summary>Distance from the scene to the landing port (Dover, or a French port for a return).</summary>
    public required double PortDistanceNm { get; init; }
    /// <summary>Time from reaching port until the ship is back on station and free.</summary>
    public required double TurnaroundHours { get; init; }

    /// <summary>Hours from tasking to arrival on scene.</summary>
    public double ResponseHours => SpeedKnots <= 0 ? 0 : StationDistanceNm / SpeedKnots;

    /// <summary>Hours from scene to port.</summary>
    public double PortHours => SpeedKnots <= 0 ? 0 : PortDistanceNm / SpeedKnots;

    /// <summary>Hours on scene and under way from pick-up to landing for a number of people (shuttles when over capacity).</summary>
    public double PickupToLandingHours(int people)
    {
        int trips = Math.Max(1, (people + CapacityPeople - 1) / CapacityPeople);
        return trips * OnSceneHours + (trips - 1) * 2 * PortHours + PortHours;
    }

    /// <summary>Reads the joint-operations parameters.</summary>
    public static JointOperationsParameters From(ParameterSet p) => new()
    {
        Ships = p.Integer("uk.joint_operations.ships"),
        StationDistanceNm = p.Number("uk.joint_operations.station_distance_nm"),
        SpeedKnots = p.Number("uk.joint_operations.speed_knots"),
        CapacityPeople = p.Integer("uk.joint_operations.capacity_people"),
        OnSceneHours = p.Number("uk.joint_operations.on_scene_hours"),
        PortDistanceNm = p.Number("uk.joint_operations.port_distance_nm"),
        TurnaroundHours = p.Number("uk.joint_operations.turnaround_hours"),
    };
}
