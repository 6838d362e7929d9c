namespace Simulation.Cli.Reporting;

/// <summary>Content of replications.csv: raw per-replication metric values, by variant then metric.</summary>
public sealed class ReplicationTable
{
    private readonly Dictionary<string, Dictionary<string, List<double>>> _values = new(StringComparer.Ordinal);
    private readonly List<string> _variants = [];

    /// <summary>Metric columns in file order.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>Variants in order of first appearance.</summary>
    public IReadOnlyList<string> Variants => _variants;

    internal ReplicationTable(IReadOnlyList<string> metrics) => Metrics = metrics;

    internal void Add(string variant, string metric, double value)
    {
        if (!_values.TryGetValue(variant, out var byMetric))
        {
            byMetric = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            _values.Add(variant, byMetric);
            _variants.Add(variant);
        }
        if (!byMetric.TryGetValue(metric, out var list))
        {
            list = [];
            byMetric.Add(metric, list);
        }
        list.Add(value);
    }

    /// <summary>Values of a metric for a variant in replication order; empty if absent.</summary>
    public IReadOnlyList<double> Values(string variant, string metric) =>
        _values.TryGetValue(variant, out var byMetric) && byMetric.TryGetValue(metric, out var list) ? list : [];
}
