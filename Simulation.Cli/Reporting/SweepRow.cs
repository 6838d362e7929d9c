namespace Simulation.Cli.Reporting;

/// <summary>
/// One row of a one-at-a-time sensitivity sweep, read from <c>sweep.csv</c> in a results directory.
/// </summary>
/// <remarks>
/// <para>File format (UTF-8, comma separated, invariant culture: '.' decimal point, no thousands separator,
/// one header line, then one row per parameter and metric; extra columns are ignored):</para>
/// <code>
/// parameter,low_value,high_value,metric,low_mean,high_mean,baseline_mean
/// launch.prevented_on_land_share,0.35,0.55,arrivals_uk,7010.4,5136.1,6042.5
/// </code>
/// <list type="bullet">
/// <item><c>parameter</c>: dotted parameter path from the catalogue that was varied.</item>
/// <item><c>low_value</c>, <c>high_value</c>: the two settings tried, as text (a number, a date or a name).</item>
/// <item><c>metric</c>: metric name from MetricNames.All.</item>
/// <item><c>low_mean</c>, <c>high_mean</c>: mean of the metric across replications with the parameter at its low or high setting.</item>
/// <item><c>baseline_mean</c>: mean of the metric with every parameter at its baseline value (same for every row of a metric).</item>
/// <item>optional <c>low_diff_ci95_low</c>, <c>low_diff_ci95_high</c>, <c>high_diff_ci95_low</c>, <c>high_diff_ci95_high</c>: the paired
/// 95% intervals of low − baseline and high − baseline (same replications, common random numbers).</item>
/// </list>
/// </remarks>
public sealed record SweepRow(
    string Parameter, string LowValue, string HighValue, string Metric, double LowMean, double HighMean, double BaselineMean)
{
    /// <summary>Paired 95% interval of low − baseline (NaN when the file predates these columns).</summary>
    public (double Low, double High) LowDiffCi { get; init; } = (double.NaN, double.NaN);
    /// <summary>Paired 95% interval of high − baseline.</summary>
    public (double Low, double High) HighDiffCi { get; init; } = (double.NaN, double.NaN);

    /// <summary>Width of the bar in the tornado chart: how far the metric moves across the parameter's range.</summary>
    public double Swing => Math.Abs(HighMean - LowMean);
}
