using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Crossing;

/// <summary>Typed crossing and French rescue parameters (MODEL.md §2.7).</summary>
public sealed record CrossingParameters
{
    /// <summary>Mean crossing distance.</summary>
    public required double TransitDistanceNmMean { get; init; }
    /// <summary>Spread of the distance.</summary>
    public required double TransitDistanceNmSd { get; init; }
    /// <summary>Mean boat speed.</summary>
    public required double SpeedKnotsMean { get; init; }
    /// <summary>Spread of boat speed.</summary>
    public required double SpeedKnotsSd { get; init; }
    /// <summary>Share of the transit in French waters.</summary>
    public required double FrenchWatersShare { get; init; }
    /// <summary>Engine failure hazard per hour.</summary>
    public required double EngineFailureRatePerHour { get; init; }
    /// <summary>Deflation hazard per hour.</summary>
    public required double DeflationRatePerHour { get; init; }
    /// <summary>Load above which overloading adds hazard.</summary>
    public required int RatedCapacityPeople { get; init; }
    /// <summary>Hazard per hour per extra person.</summary>
    public required double OverloadHazardPerPersonPerHour { get; init; }
    /// <summary>Hazard per hour per metre of wave height.</summary>
    public required double SeaStateHazardPerMetrePerHour { get; init; }
    /// <summary>Probability a boat in distress in French waters refuses help.</summary>
    public required double RefuseHelpProbability { get; init; }
    /// <summary>Mean French time to reach people in the water.</summary>
    public required double FrenchResponseHoursMean { get; init; }

    /// <summary>Reads the crossing parameters.</summary>
    public static CrossingParameters From(ParameterSet p) => new()
    {
        TransitDistanceNmMean = p.Number("crossing.transit_distance_nm_mean"),
        TransitDistanceNmSd = p.Number("crossing.transit_distance_nm_sd"),
        SpeedKnotsMean = p.Number("crossing.speed_knots_mean"),
        SpeedKnotsSd = p.Number("crossing.speed_knots_sd"),
        FrenchWatersShare = p.Number("crossing.french_waters_share"),
        EngineFailureRatePerHour = p.Number("crossing.engine_failure_rate_per_hour"),
        DeflationRatePerHour = p.Number("crossing.deflation_rate_per_hour"),
        RatedCapacityPeople = p.Integer("crossing.rated_capacity_people"),
        OverloadHazardPerPersonPerHour = p.Number("crossing.overload_hazard_per_person_per_hour"),
        SeaStateHazardPerMetrePerHour = p.Number("crossing.sea_state_hazard_per_metre_per_hour"),
        RefuseHelpProbability = p.Number("french.rescue.refuse_help_probability"),
        FrenchResponseHoursMean = p.Number("french.rescue.response_hours_mean"),
    };

    /// <summary>Distress hazard per hour under way for a load and a wave height.</summary>
    public double DistressHazardPerHour(int load, double waveHeightM) =>
        EngineFailureRatePerHour + DeflationRatePerHour +
        OverloadHazardPerPersonPerHour * Math.Max(0, load - RatedCapacityPeople) +
        SeaStateHazardPerMetrePerHour * waveHeightM;
}
