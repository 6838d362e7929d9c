using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Domain;

/// <summary>
/// A model that runs one replication at a time. One instance belongs to one thread; it may keep
/// and reuse buffers between replications, but a replication's result depends only on its inputs.
/// </summary>
public interface IReplicationModel
{
    /// <summary>Days in the horizon (the length of every daily series).</summary>
    int Days { get; }

    /// <summary>
    /// Runs replication <paramref name="replication"/> with seeds derived from
    /// <paramref name="masterSeed"/> and writes its outcomes into <paramref name="result"/> (cleared first).
    /// </summary>
    void RunReplication(ulong masterSeed, long replication, ReplicationResult result);
}
