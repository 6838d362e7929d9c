namespace Simulation.Core.Experiments;

/// <summary>
/// Across-replication summary of one metric of one variant. <see cref="Sd"/> is the n−1 sample
/// standard deviation; the 95% interval is mean ± t(0.975, n−1)·sd/√n (Student t); quantiles use
/// definition R7 (linear interpolation between order statistics, as numpy and Excel). Values that
/// are undefined (sd and CI with n &lt; 2) are NaN and written as null.
/// </summary>
public sealed record MetricSummary(double Mean, double Sd, double Ci95Low, double Ci95High, double P05, double P50, double P95, long N)
{
    /// <summary>Half-width of the 95% interval.</summary>
    public double HalfWidth => (Ci95High - Ci95Low) / 2;
}
