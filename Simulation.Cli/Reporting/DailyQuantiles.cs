namespace Simulation.Cli.Reporting;

/// <summary>One row of daily.csv: quantiles across replications of one series on one day (per-day values, not cumulative,
/// except for the cumulative_* series).</summary>
public sealed record DailyQuantiles(
    string Variant, string Series, int Day, DateOnly? Date, double Median, double P05, double P25, double P75, double P95);
