namespace Simulation.Core.Experiments;

/// <summary>
/// A policy variant against the baseline on one metric, from per-replication differences
/// d_r = policy_r − baseline_r (same replication, same seeds: common random numbers).
/// <list type="bullet">
/// <item><see cref="MeanDiff"/> and its Student-t 95% interval over the n paired differences.</item>
/// <item><see cref="PLower"/>: share of replications in which the policy value is lower than the
/// baseline value, ties counting half (so a metric the policy never changes gives 0.5). An
/// empirical frequency, not a p-value.</item>
/// <item><see cref="VarianceReduction"/> = (var(a) + var(b)) / var(a − b): the variance of a
/// difference between independent runs over that of the paired difference. Above 1 means CRN
/// helps. NaN (written null) when var(a − b) = 0, e.g. a metric the policy cannot change.</item>
/// </list>
/// </summary>
public sealed record PairedComparison(double MeanDiff, double Ci95Low, double Ci95High, double PLower, double VarianceReduction, long N)
{
    /// <summary>Half-width of the 95% interval of the mean difference.</summary>
    public double HalfWidth => (Ci95High - Ci95Low) / 2;
}
