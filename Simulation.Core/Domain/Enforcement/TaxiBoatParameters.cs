using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Enforcement;

/// <summary>Typed taxi-boat pick-up parameters (MODEL.md §2.5).</summary>
public sealed record TaxiBoatParameters
{
    /// <summary>Mean travel from the waterway to the first pick-up.</summary>
    public required double TravelHoursMean { get; init; }
    /// <summary>Mean number of pick-up points (1–3); the number is 1 + Binomial(2, (mean − 1)/2).</summary>
    public required double PickupPointsMean { get; init; }
    /// <summary>Mean wait in the water per group.</summary>
    public required double WaitInWaterHoursMean { get; init; }
    /// <summary>Land prevention of waiting groups relative to beach launches.</summary>
    public required double LandPreventionFactor { get; init; }
    /// <summary>Per-person drowning probability while boarding.</summary>
    public required double BoardingDrowningProbability { get; init; }
    /// <summary>Hypothermia death rate per hour in the water at the reference coldness.</summary>
    public required double HypothermiaRatePerHour { get; init; }

    /// <summary>Reads the taxi-boat parameters.</summary>
    public static TaxiBoatParameters From(ParameterSet p) => new()
    {
        TravelHoursMean = p.Number("taxi_boat.travel_hours_mean"),
        PickupPointsMean = p.Number("taxi_boat.pickup_points_mean"),
        WaitInWaterHoursMean = p.Number("taxi_boat.wait_in_water_hours_mean"),
        LandPreventionFactor = p.Number("taxi_boat.land_prevention_factor"),
        BoardingDrowningProbability = p.Number("taxi_boat.boarding_drowning_probability_per_person"),
        HypothermiaRatePerHour = p.Number("taxi_boat.hypothermia_rate_per_hour"),
    };
}
