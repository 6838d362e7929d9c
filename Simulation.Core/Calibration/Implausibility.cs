namespace Simulation.Core.Calibration;

/// <summary>
/// History-matching implausibility: how many standard deviations the simulated mean lies from the
/// observed value, where the variance adds the observation error, the model discrepancy and the
/// simulation noise of the mean (see docs/CALIBRATION.md).
/// </summary>
public static class Implausibility
{
    /// <summary>
    /// I = |observed − mean| / √(observation_sd² + discrepancy_sd² + s²/n), with s the sample standard
    /// deviation of the metric over the n replications (s²/n is the variance of the simulated mean).
    /// </summary>
    public static double Of(double observed, double simulatedMean, double simulatedSd, int replications, double observationSd, double discrepancySd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        double variance = observationSd * observationSd + discrepancySd * discrepancySd + simulatedSd * simulatedSd / replications;
        return Math.Abs(observed - simulatedMean) / Math.Sqrt(variance);
    }

    /// <summary>
    /// The implausibility used when a point is confirmed: the distance from the observed value to the far
    /// end of the simulated mean's three-standard-error interval, in units of √(observation_sd² + discrepancy_sd²).
    /// At most the cut-off c means that every model mean compatible with the replications lies within
    /// c·√(obs² + disc²) of the observation, so a later run with other random numbers stays inside that band.
    /// </summary>
    public static double Robust(double observed, double simulatedMean, double simulatedSd, int replications, double observationSd, double discrepancySd)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        double margin = RobustStandardErrors * simulatedSd / Math.Sqrt(replications);
        return (Math.Abs(observed - simulatedMean) + margin) / Math.Sqrt(observationSd * observationSd + discrepancySd * discrepancySd);
    }

    /// <summary>Standard errors of the simulated mean added to the distance in <see cref="Robust"/>.</summary>
    public const double RobustStandardErrors = 3.0;

    /// <summary>The largest value (NaN counts as larger than any number: an undefined target never passes).</summary>
    public static double Largest(ReadOnlySpan<double> values)
    {
        double largest = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) return double.NaN;
            if (v > largest) largest = v;
        }
        return largest;
    }

    /// <summary>
    /// The second-largest value; with a single target it is that target's value, so the rule never
    /// waives the only target.
    /// </summary>
    public static double SecondLargest(ReadOnlySpan<double> values)
    {
        if (values.Length == 1) return values[0];
        double first = double.NegativeInfinity, second = double.NegativeInfinity;
        int nan = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) { nan++; continue; }
            if (v > first) { second = first; first = v; }
            else if (v > second) second = v;
        }
        return nan >= 2 ? double.NaN : nan == 1 ? first : second;
    }

    /// <summary>The value the rule compares with the cut-off.</summary>
    public static double Decisive(ReadOnlySpan<double> values, ImplausibilityRule rule) =>
        rule == ImplausibilityRule.Maximum ? Largest(values) : SecondLargest(values);

    /// <summary>True when the rule's value is at most the cut-off (NaN never is).</summary>
    public static bool Passes(ReadOnlySpan<double> values, ImplausibilityRule rule, double cutoff) => Decisive(values, rule) <= cutoff;
}
