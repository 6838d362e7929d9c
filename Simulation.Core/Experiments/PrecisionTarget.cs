using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// Sequential stopping: add replications until the relative 95% half-width of <see cref="Metric"/>
/// is at most <see cref="RelativeHalfWidth"/> (0.01 = ±1% of the mean), but never beyond
/// <see cref="MaxReplications"/>. With policy variants the rule applies to every paired difference,
/// relative to the baseline mean, because that difference is what a comparison reports.
/// </summary>
public sealed record PrecisionTarget(double RelativeHalfWidth, Metric Metric, long MaxReplications);
