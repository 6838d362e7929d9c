using System.Collections.Immutable;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>What to run: variants (baseline first), seeds, replications, threads and the shard.</summary>
public sealed record ExperimentPlan
{
    /// <summary>Variants, baseline first; every variant of replication r uses the same seeds (common random numbers).</summary>
    public required ImmutableArray<ScenarioVariant> Variants { get; init; }
    /// <summary>Master seed.</summary>
    public required ulong MasterSeed { get; init; }
    /// <summary>Replications (the first batch when <see cref="Precision"/> is set).</summary>
    public required long Replications { get; init; }
    /// <summary>Worker threads; never changes a result.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;
    /// <summary>The share of replications this process runs.</summary>
    public ShardSpec Shard { get; init; } = ShardSpec.Whole;
    /// <summary>Optional sequential-stopping rule (whole runs only).</summary>
    public PrecisionTarget? Precision { get; init; }
}
