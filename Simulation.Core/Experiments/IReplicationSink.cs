namespace Simulation.Core.Experiments;

/// <summary>Receives replications as workers finish them (called from worker threads, once per chunk).</summary>
public interface IReplicationSink
{
    /// <summary>Records finished replications; their rows are already in <paramref name="store"/>.</summary>
    void Completed(ReadOnlySpan<long> replications, ReplicationStore store);
}
