using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>Typed UK response and Windspire parameters (MODEL.md §2.8 and §2.9), joint-operations ships included.</summary>
public sealed record UkResponseParameters
{
    /// <summary>Border Force vessels.</summary>
    public required VesselServiceParameters BorderForce { get; init; }
    /// <summary>RNLI lifeboats.</summary>
    public required VesselServiceParameters Rnli { get; init; }
    /// <summary>Share of incidents where the RNLI is nearest and tasked first.</summary>
    public required double RnliNearestAssetShare { get; init; }
    /// <summary>Wait after which the RNLI is tasked.</summary>
    public required double RnliWaitThresholdHours { get; init; }
    /// <summary>Probability a boat heads for a beach when no vessel is free.</summary>
    public required double SelfLandProbabilityWhenBusy { get; init; }
    /// <summary>Longest wait before a boat heads for a beach.</summary>
    public required double MaxWaitHours { get; init; }
    /// <summary>Time to reach a beach.</summary>
    public required double BeachRunHours { get; init; }
    /// <summary>Extra distress hazard while waiting.</summary>
    public required double WaitingHazardPerHour { get; init; }
    /// <summary>Probability Border Force seeks a return (UK waters).</summary>
    public required double WindspireReturnProbability { get; init; }
    /// <summary>Probability France permits a return.</summary>
    public required double WindspirePermissionProbability { get; init; }
    /// <summary>Probability a medical emergency blocks a return.</summary>
    public required double WindspireMedicalEmergencyProbability { get; init; }
    /// <summary>Wave height above which returns are blocked.</summary>
    public required double WindspireMaxWaveHeightM { get; init; }
    /// <summary>Extra vessel hours for a return.</summary>
    public required double WindspireExtraHours { get; init; }
    /// <summary>UK vessels may work in French waters.</summary>
    public required bool OperateInFrenchWaters { get; init; }
    /// <summary>Share of French-waters distress answered by a free UK vessel.</summary>
    public required double FrenchWatersResponseShare { get; init; }
    /// <summary>Probability of seeking a return for a rescue in French waters.</summary>
    public required double WindspireReturnProbabilityFrenchWaters { get; init; }
    /// <summary>Chartered joint-operations rescue ships.</summary>
    public required JointOperationsParameters JointOperations { get; init; }

    /// <summary>Reads the UK response parameters.</summary>
    public static UkResponseParameters From(ParameterSet p) => new()
    {
        BorderForce = VesselServiceParameters.From(p, "uk.border_force", "vessels"),
        Rnli = VesselServiceParameters.From(p, "uk.rnli", "lifeboats"),
        RnliNearestAssetShare = p.Number("uk.rnli.nearest_asset_share"),
        RnliWaitThresholdHours = p.Number("uk.rnli.wait_threshold_hours"),
        SelfLandProbabilityWhenBusy = p.Number("uk.response.self_land_probability_when_busy"),
        MaxWaitHours = p.Number("uk.response.max_wait_hours"),
        BeachRunHours = p.Number("uk.response.beach_run_hours"),
        WaitingHazardPerHour = p.Number("uk.response.waiting_hazard_per_hour"),
        WindspireReturnProbability = p.Number("uk.windspire.return_probability"),
        WindspirePermissionProbability = p.Number("uk.windspire.permission_probability"),
        WindspireMedicalEmergencyProbability = p.Number("uk.windspire.medical_emergency_probability"),
        WindspireMaxWaveHeightM = p.Number("uk.windspire.max_wave_height_m"),
        WindspireExtraHours = p.Number("uk.windspire.extra_hours"),
        OperateInFrenchWaters = p.Boolean("uk.windspire.operate_in_french_waters"),
        FrenchWatersResponseShare = p.Number("uk.windspire.french_waters_response_share"),
        WindspireReturnProbabilityFrenchWaters = p.Number("uk.windspire.return_probability_french_waters"),
        JointOperations = JointOperationsParameters.From(p),
    };
}
