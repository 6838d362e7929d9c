namespace Simulation.Core.Experiments;

/// <summary>
/// One day of one daily series of one variant, across replications: median, the 50% band
/// (p25..p75) and the 90% band (p05..p95), quantile definition R7.
/// </summary>
public readonly record struct DailyBand(double Median, double P05, double P25, double P75, double P95);
