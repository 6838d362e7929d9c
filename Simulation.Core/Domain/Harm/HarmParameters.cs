using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Harm;

/// <summary>Typed harm parameters (MODEL.md §2.12).</summary>
public sealed record HarmParameters
{
    /// <summary>Capsize probability given distress.</summary>
    public required double CapsizeGivenDistress { get; init; }
    /// <summary>Share of people in the water after a capsize.</summary>
    public required double ShareInWaterGivenCapsize { get; init; }
    /// <summary>Drowning probability of a person in the water.</summary>
    public required double DrowningProbabilityInWater { get; init; }
    /// <summary>Hypothermia death rate per hour at the reference coldness.</summary>
    public required double HypothermiaRatePerHour { get; init; }
    /// <summary>Load above which crush incidents become possible.</summary>
    public required int CrushThresholdPeople { get; init; }
    /// <summary>Crush incident probability per extra person.</summary>
    public required double CrushIncidentProbabilityPerExtraPerson { get; init; }
    /// <summary>Mean deaths per crush incident.</summary>
    public required double CrushDeathsPerIncidentMean { get; init; }

    /// <summary>Reads the harm parameters.</summary>
    public static HarmParameters From(ParameterSet p) => new()
    {
        CapsizeGivenDistress = p.Number("harm.capsize_given_distress_probability"),
        ShareInWaterGivenCapsize = p.Number("harm.share_in_water_given_capsize"),
        DrowningProbabilityInWater = p.Number("harm.drowning_probability_in_water"),
        HypothermiaRatePerHour = p.Number("harm.hypothermia_rate_per_hour"),
        CrushThresholdPeople = p.Integer("harm.crush_threshold_people"),
        CrushIncidentProbabilityPerExtraPerson = p.Number("harm.crush_incident_probability_per_extra_person"),
        CrushDeathsPerIncidentMean = p.Number("harm.crush_deaths_per_incident_mean"),
    };

    /// <summary>Cold-water factor: 1 at 10 °C, 0 at 20 °C and above, 2 at 0 °C.</summary>
    public static double Coldness(double waterTemperatureC) => Math.Max(0, (20 - waterTemperatureC) / 10);

    /// <summary>Probability of a crush incident on a boat with a given load.</summary>
    public double CrushIncidentProbability(int load) =>
        Math.Min(1, CrushIncidentProbabilityPerExtraPerson * Math.Max(0, load - CrushThresholdPeople));

    /// <summary>Probability a person in the water dies of cold after the given hours.</summary>
    public double HypothermiaProbability(double hoursInWater, double waterTemperatureC) =>
        1 - Math.Exp(-HypothermiaRatePerHour * Coldness(waterTemperatureC) * Math.Max(0, hoursInWater));
}
