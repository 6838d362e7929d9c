namespace Simulation.Core.Calibration;

/// <summary>Why a calibration stopped (the text written to calibration.json and printed).</summary>
public static class CalibrationStopping
{
    /// <summary>The plausible set reached design.target_plausible.</summary>
    public const string TargetPlausibleReached = "target_plausible_reached";
    /// <summary>The last allowed wave finished with fewer plausible sets than the target.</summary>
    public const string MaxWavesReached = "max_waves_reached";

    /// <summary>
    /// The reason to stop after <paramref name="wavesDone"/> waves with <paramref name="plausible"/> confirmed
    /// points, or null to run another wave. The target is checked first: reaching it in the last wave counts as reaching it.
    /// </summary>
    public static string? Reason(int plausible, int wavesDone, int targetPlausible, int maxWaves)
    {
        if (plausible >= targetPlausible) return TargetPlausibleReached;
        if (wavesDone >= maxWaves) return MaxWavesReached;
        return null;
    }
}
