namespace Simulation.Cli.Reporting;

/// <summary>Everything read from a results directory. Only summary.json is required.</summary>
public sealed record ResultsDirectory
{
    /// <summary>The directory that was read.</summary>
    public required string Path { get; init; }
    /// <summary>summary.json.</summary>
    public required ResultsSummary Summary { get; init; }
    /// <summary>manifest.json, or null if absent.</summary>
    public ResultsManifest? Manifest { get; init; }
    /// <summary>daily.csv rows, or empty if absent.</summary>
    public IReadOnlyList<DailyQuantiles> Daily { get; init; } = [];
    /// <summary>replications.csv, or null if absent.</summary>
    public ReplicationTable? Replications { get; init; }
    /// <summary>sweep.csv rows, or empty if absent.</summary>
    public IReadOnlyList<SweepRow> Sweep { get; init; } = [];

    /// <summary>Variant names in summary order; the first is the baseline.</summary>
    public IReadOnlyList<string> VariantNames => Summary.Variants.Select(v => v.Name).ToList();

    /// <summary>Rows of one daily series for one variant, in day order.</summary>
    public IReadOnlyList<DailyQuantiles> DailySeries(string variant, string series) =>
        Daily.Where(r => r.Variant == variant && r.Series == series).OrderBy(r => r.Day).ToList();

    /// <summary>Description of a variant from the manifest, else from summary.json, or empty.</summary>
    public string VariantDescription(string variant) =>
        Manifest is not null && Manifest.VariantDescriptions.TryGetValue(variant, out var d) && d.Length > 0
            ? d
            : Summary.Variants.FirstOrDefault(v => v.Name == variant)?.Description ?? "";
}
