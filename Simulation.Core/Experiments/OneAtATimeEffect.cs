using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// One-at-a-time effect of one axis on one metric: the metric with the axis at its low and at its
/// high value (all else at base), and the paired difference high − low over the same replications.
/// </summary>
public sealed record OneAtATimeEffect(int Axis, Metric Metric, MetricSummary Low, MetricSummary High, MetricSummary Baseline, PairedComparison HighMinusLow)
{
    /// <summary>Paired difference low − base (the tornado's low bar, with its interval); null in tests that build effects by hand.</summary>
    public PairedComparison? LowMinusBase { get; init; }
    /// <summary>Paired difference high − base.</summary>
    public PairedComparison? HighMinusBase { get; init; }

    /// <summary>|high mean − low mean|: the tornado bar's width and the ranking key.</summary>
    public double Swing => Math.Abs(High.Mean - Low.Mean);
}
