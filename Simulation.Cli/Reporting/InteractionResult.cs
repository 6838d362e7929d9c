namespace Simulation.Cli.Reporting;

/// <summary>One combined variant of summary.json's "interactions": its parts, the baseline they are measured against, and per metric the interaction.</summary>
public sealed record InteractionResult(string Variant, IReadOnlyList<string> Parts, string Baseline, IReadOnlyDictionary<string, InteractionEstimate> Metrics)
{
    /// <summary>The estimate for a metric, or null if absent.</summary>
    public InteractionEstimate? Find(string metric) => Metrics.TryGetValue(metric, out var e) ? e : null;
}

/// <summary>
/// Interaction of a combined policy on one metric: the combination's effect minus the sum of its parts' effects,
/// with the paired 95% interval of the per-replication interaction.
/// </summary>
public sealed record InteractionEstimate(double CombinedEffect, double SumOfPartEffects, double Interaction, double Ci95Low, double Ci95High, int N);
