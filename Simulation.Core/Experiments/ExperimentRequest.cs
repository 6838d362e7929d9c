using System.Collections.Immutable;

namespace Simulation.Core.Experiments;

/// <summary>A run (or compare) as the command line asks for it: plan, provenance and output directory.</summary>
public sealed record ExperimentRequest
{
    /// <summary>"run" or "compare".</summary>
    public required string Command { get; init; }
    /// <summary>The command line as typed.</summary>
    public required string CommandLine { get; init; }
    /// <summary>Scenario files as given.</summary>
    public required ImmutableArray<string> ScenarioPaths { get; init; }
    /// <summary>Hash of the scenario input(s).</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Fully resolved scenario(s) as YAML.</summary>
    public required string ResolvedScenario { get; init; }
    /// <summary>Name of the scenario (for the manifest and the report).</summary>
    public string ScenarioName { get; init; } = "";
    /// <summary>The question the scenario answers (for the manifest and the report).</summary>
    public string ScenarioDescription { get; init; } = "";
    /// <summary>The scenario files as written, extended files first, so their '# source:' comments reach the report.</summary>
    public ImmutableArray<string> ScenarioSourceTexts { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Variants equal to the reference and combined policies; null: derived from the plan's variants.</summary>
    public VariantRelations? Relations { get; init; }
    /// <summary>Command-line overrides (--set key.path=value) applied to every variant; already in the scenario hash.</summary>
    public ImmutableArray<string> Overrides { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Plausible parameter sets to repeat every variant under (run --ensemble); null for a plain run.</summary>
    public EnsemblePlan? Ensemble { get; init; }
    /// <summary>What to run.</summary>
    public required ExperimentPlan Plan { get; init; }
    /// <summary>Where outputs go (created if needed).</summary>
    public required string OutputDirectory { get; init; }
    /// <summary>Continue from the directory's checkpoint.</summary>
    public bool Resume { get; init; }
    /// <summary>Discard whatever the directory holds and start over.</summary>
    public bool Force { get; init; }
    /// <summary>
    /// Keep checkpoint/replications.ckpt after a complete whole run (it is removed by default: it
    /// holds every replication again, 155 MB for 3,000 replications of a year, and the results hold
    /// everything a report needs). Shards always keep theirs: it is what merge reads.
    /// </summary>
    public bool KeepCheckpoint { get; init; }
    /// <summary>Also write Parquet copies of replications and daily bands.</summary>
    public bool WriteParquet { get; init; }
    /// <summary>
    /// Daily series are kept for the first this-many replications: bands from 1,000 replications put
    /// the p05/p95 edges within about ±0.7 percentile points, and memory stays at
    /// 1,000 × series × days doubles per variant (15 MB for a 366-day year) however many replications run.
    /// </summary>
    public int DailyReplicationCap { get; init; } = 1000;
}
