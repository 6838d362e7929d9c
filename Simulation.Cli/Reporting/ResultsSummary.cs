namespace Simulation.Cli.Reporting;

/// <summary>Content of summary.json. The first variant is the baseline; comparisons omit it.</summary>
public sealed record ResultsSummary
{
    /// <summary>Version of channelsim that wrote the results.</summary>
    public string Version { get; init; } = "";
    /// <summary>Master seed as written (kept as text so a 64-bit seed is never rounded).</summary>
    public string Seed { get; init; } = "";
    /// <summary>SHA-256 of the scenario file.</summary>
    public string ScenarioSha256 { get; init; } = "";
    /// <summary>Replications per variant.</summary>
    public int Replications { get; init; }
    /// <summary>Stopping rule as described by the runner.</summary>
    public string StoppingRule { get; init; } = "";
    /// <summary>Plausible parameter sets behind the "ensemble" ranges (run --ensemble); 0 for a plain run.</summary>
    public int EnsembleSets { get; init; }
    /// <summary>Replications of every variant under each set.</summary>
    public int EnsembleReplicationsPerSet { get; init; }
    /// <summary>Variants in file order; the first is the baseline.</summary>
    public IReadOnlyList<VariantSummary> Variants { get; init; } = [];
    /// <summary>Paired comparisons: policy name, then metric name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, PairedComparison>> Comparisons { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, PairedComparison>>();

    /// <summary>Variants whose resolved parameters equal the reference's: their zero "effect" is not an effect.</summary>
    public IReadOnlySet<string> IdenticalToReference { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>Combined policies with their interactions, in file order.</summary>
    public IReadOnlyList<InteractionResult> Interactions { get; init; } = [];

    /// <summary>The baseline variant (the first one).</summary>
    public VariantSummary Baseline => Variants[0];

    /// <summary>True when <paramref name="variant"/> has exactly the reference's parameters.</summary>
    public bool IsIdentical(string variant) => IdenticalToReference.Contains(variant);

    /// <summary>The comparison of a policy against the baseline on a metric, or null if absent.</summary>
    public PairedComparison? FindComparison(string variant, string metric) =>
        Comparisons.TryGetValue(variant, out var byMetric) && byMetric.TryGetValue(metric, out var c) ? c : null;
}
