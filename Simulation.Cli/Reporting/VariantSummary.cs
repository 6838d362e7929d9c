namespace Simulation.Cli.Reporting;

/// <summary>One variant of summary.json: its metric summaries in file order, and its description if the runner wrote one.</summary>
public sealed record VariantSummary(string Name, IReadOnlyList<string> MetricOrder, IReadOnlyDictionary<string, MetricSummary> Metrics, string Description = "")
{
    /// <summary>The summary of a metric, or null if the runner did not write it.</summary>
    public MetricSummary? Find(string metric) => Metrics.TryGetValue(metric, out var s) ? s : null;
}
