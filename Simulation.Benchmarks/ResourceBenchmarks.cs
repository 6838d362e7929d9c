using BenchmarkDotNet.Attributes;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Examples;

namespace Simulation.Benchmarks;

/// <summary>
/// <see cref="Resource"/> on its own (request/release cycles with a queue) and inside a whole M/M/1 and
/// M/M/5 model. Per model event (2 per customer) for the models, per cycle for the micro benchmark.
/// </summary>
[MemoryDiagnoser]
public class ResourceBenchmarks
{
    private const int Customers = 100_000;
    private const int Cycles = 10_000;
    private Simulator _simulator = null!;
    private Resource _pool = null!;

    private struct Drain : IEventHandler
    {
        public void Handle(Simulator simulator, in SimEvent simEvent) { }
    }

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new Simulator(64);
        _pool = new Resource(_simulator, capacity: 1, initialQueueCapacity: 64);
    }

    /// <summary>One holder, eight waiters, then eight hand-overs and a final release.</summary>
    [Benchmark(OperationsPerInvoke = Cycles * 9)]
    public long RequestReleaseWithQueue()
    {
        var drain = new Drain();
        for (int c = 0; c < Cycles; c++)
        {
            _pool.Request(1, 0);
            for (int e = 1; e <= 8; e++) _pool.Request(1, e);
            for (int e = 0; e < 9; e++)
            {
                _pool.Release();
                _simulator.Step(ref drain);
            }
        }
        return _pool.Grants;
    }

    [Benchmark(OperationsPerInvoke = 2 * Customers)]
    public double MM1() => MmcQueue.Run(0.9, 1.0, 1, Customers, seed: 42).MeanWaitHours;

    [Benchmark(OperationsPerInvoke = 2 * Customers)]
    public double MM5() => MmcQueue.Run(4.0, 1.0, 5, Customers, seed: 42).MeanWaitHours;
}
