namespace Simulation.Cli.Reporting;

/// <summary>Summary statistics of one metric for one variant, as written by the runner in summary.json.</summary>
/// <remarks>Missing or null numbers are read as <see cref="double.NaN"/> so that a partial summary still renders.</remarks>
public sealed record MetricSummary(
    double Mean, double Sd, double Ci95Low, double Ci95High, double P05, double P50, double P95, int N);
