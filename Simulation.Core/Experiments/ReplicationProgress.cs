namespace Simulation.Core.Experiments;

/// <summary>Replications finished so far out of those the current batch aims at (this shard's share).</summary>
public readonly record struct ReplicationProgress(long Completed, long Total);
