using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Harm;

/// <summary>Typed harm parameters (MODEL.md §2.12).</summary>
public sealed record HarmParameters
{
    /// <summary>Probability that a boat in distress capsizes, at or below the crowding level on a flat sea.</summary>
    public required double CapsizeGivenDistress { get; init; }
    /// <summary>Load above which crowding multiplies the risk of capsize, boarding and launch deaths.</summary>
    public required int CrowdingLevelPeople { get; init; }
    /// <summary>Log-rate of that multiplier per person above the crowding level.</summary>
    public required double CrowdingRatePerPerson { get; init; }
    /// <summary>Log-rate of the capsize multiplier per metre of wave height.</summary>
    public required double CapsizeSeaStateRatePerMetre { get; init; }
    /// <summary>Share of the people on board who end up in the water when a boat capsizes.</summary>
    public required double ShareInWaterGivenCapsize { get; init; }
    /// <summary>Mean share of the people in the water who drown, at the crowding level.</summary>
    public required double DrowningProbabilityInWater { get; init; }
    /// <summary>Relative rise of that mean per 10 people above the crowding level.</summary>
    public required double DrowningIncreasePer10People { get; init; }
    /// <summary>Concentration of the Beta distribution of an incident's drowning share (small: over-dispersed).</summary>
    public required double IncidentSeverityConcentration { get; init; }
    /// <summary>Hypothermia death rate per hour at the reference coldness.</summary>
    public required double HypothermiaRatePerHour { get; init; }
    /// <summary>Load above which crush incidents become possible.</summary>
    public required int CrushThresholdPeople { get; init; }
    /// <summary>Crush incident probability per extra person (before the crowding multiplier).</summary>
    public required double CrushIncidentProbabilityPerExtraPerson { get; init; }
    /// <summary>Mean deaths in a crush incident at the threshold load.</summary>
    public required double CrushDeathsPerIncidentMean { get; init; }
    /// <summary>Gamma shape of the extra deaths in a crush incident (negative binomial; small: over-dispersed).</summary>
    public required double CrushDeathsDispersionShape { get; init; }

    /// <summary>Reads the harm parameters.</summary>
    public static HarmParameters From(ParameterSet p) => new()
    {
        CapsizeGivenDistress = p.Number("harm.capsize_given_distress_probability"),
        CrowdingLevelPeople = p.Integer("harm.crowding_level_people"),
        CrowdingRatePerPerson = p.Number("harm.crowding_rate_per_person"),
        CapsizeSeaStateRatePerMetre = p.Number("harm.capsize_sea_state_rate_per_metre"),
        ShareInWaterGivenCapsize = p.Number("harm.share_in_water_given_capsize"),
        DrowningProbabilityInWater = p.Number("harm.drowning_probability_in_water"),
        DrowningIncreasePer10People = p.Number("harm.drowning_increase_per_10_people"),
        IncidentSeverityConcentration = p.Number("harm.incident_severity_concentration"),
        HypothermiaRatePerHour = p.Number("harm.hypothermia_rate_per_hour"),
        CrushThresholdPeople = p.Integer("harm.crush_threshold_people"),
        CrushIncidentProbabilityPerExtraPerson = p.Number("harm.crush_incident_probability_per_extra_person"),
        CrushDeathsPerIncidentMean = p.Number("harm.crush_deaths_per_incident_mean"),
        CrushDeathsDispersionShape = p.Number("harm.crush_deaths_dispersion_shape"),
    };

    /// <summary>Cold-water factor: 1 at 10 °C, 0 at 20 °C and above, 2 at 0 °C.</summary>
    public static double Coldness(double waterTemperatureC) => Math.Max(0, (20 - waterTemperatureC) / 10);

    /// <summary>
    /// Risk multiplier of a load: 1 up to the crowding level, then exp(rate · people above it). Deaths per
    /// boat rose ~8× from 2022 to 2024 while mean loads rose from 41 to 53, so the risk must climb
    /// steeply with the people packed beyond what the boat can hold, not in proportion to the load.
    /// </summary>
    public double CrowdingFactor(int load) => Math.Exp(CrowdingRatePerPerson * Math.Max(0, load - CrowdingLevelPeople));

    /// <summary>Capsize probability of a boat in distress with a load, on a sea of the given wave height.</summary>
    public double CapsizeProbability(int load, double waveHeightM) =>
        Math.Min(0.95, CapsizeGivenDistress * CrowdingFactor(load) * Math.Exp(CapsizeSeaStateRatePerMetre * Math.Max(0, waveHeightM)));

    /// <summary>Mean share of the people in the water who drown in one capsize, rising with the load.</summary>
    public double DrowningShareMean(int load) =>
        Math.Min(0.9, DrowningProbabilityInWater * (1 + DrowningIncreasePer10People * Math.Max(0, load - CrowdingLevelPeople) / 10.0));

    /// <summary>Probability of a crush incident on a boat with a given load.</summary>
    public double CrushIncidentProbability(int load) =>
        Math.Min(0.9, CrushIncidentProbabilityPerExtraPerson * Math.Max(0, load - CrushThresholdPeople) * CrowdingFactor(load));

    /// <summary>Mean deaths in a crush incident, in proportion to the load.</summary>
    public double CrushDeathsMean(int load) => CrushDeathsPerIncidentMean * Math.Max(1.0, (double)load / CrushThresholdPeople);

    /// <summary>Probability a person in the water dies of cold after the given hours.</summary>
    public double HypothermiaProbability(double hoursInWater, double waterTemperatureC) =>
        1 - Math.Exp(-HypothermiaRatePerHour * Coldness(waterTemperatureC) * Math.Max(0, hoursInWater));
}
