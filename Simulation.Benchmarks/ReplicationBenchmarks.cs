using BenchmarkDotNet.Attributes;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Benchmarks;

/// <summary>
/// One replication of the calibrated 2024 baseline (the catalog defaults) at a fixed seed, on one
/// thread, with the model and result reused as a runner would. Events per replication are printed
/// in the global setup and reported as a column-free log line.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ReplicationBenchmarks
{
    private const ulong Seed = 20240101;
    private ChannelModel _model = null!;
    private ReplicationResult _result = null!;
    private long _replication;

    /// <summary>Builds the model once and reports the events of one replication.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _model = new ChannelModel(ParameterCatalog.Defaults());
        _result = new ReplicationResult(_model.Days);
        _model.RunReplication(Seed, 0, _result);
        Console.WriteLine($"// ReplicationBenchmarks: {EventsPerReplication(_model, _result)} events in replication 0 of the 2024 baseline");
    }

    /// <summary>Events one replication processes (also usable from a console path).</summary>
    public static long EventsPerReplication(ChannelModel model, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        model.RunReplication(Seed, 0, result);
        return result.EventsProcessed;
    }

    /// <summary>One replication of the 2024 baseline; the replication index cycles so work varies like a real batch.</summary>
    [Benchmark]
    public double OneReplicationOfTheBaseline()
    {
        _model.RunReplication(Seed, _replication++ & 63, _result);
        return _result[Metric.ArrivalsUk];
    }
}
