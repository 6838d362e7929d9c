namespace Simulation.Cli.Reporting;

/// <summary>
/// Paired difference (policy minus baseline) of one metric, as written by the runner in summary.json.
/// </summary>
/// <param name="MeanDiff">Mean of the per-replication differences, policy minus baseline.</param>
/// <param name="Ci95Low">Lower end of the 95% confidence interval of the mean difference.</param>
/// <param name="Ci95High">Upper end of the 95% confidence interval of the mean difference.</param>
/// <param name="PLower">The runner's estimate of the probability that the policy gives a lower value than the baseline.</param>
/// <param name="VarianceReduction">Variance of the unpaired difference over that of the paired one (common random numbers at work); NaN if absent.</param>
public sealed record PairedComparison(double MeanDiff, double Ci95Low, double Ci95High, double PLower, double VarianceReduction)
{
    /// <summary>The effect across plausible parameter sets (run --ensemble), or null.</summary>
    public EnsembleSpread? Ensemble { get; init; }
}

/// <summary>
/// A policy's effect across plausible parameter sets as summary.json gives it: median and 90% range
/// (p05, p95) of the per-set paired mean differences, and the shares of sets below and above zero.
/// </summary>
public sealed record EnsembleSpread(double Median, double P05, double P95, double ShareBelowZero, double ShareAboveZero)
{
    /// <summary>True when the 90% range straddles zero.</summary>
    public bool SignDependsOnParameters => P05 < 0 && P95 > 0;
}
