using BenchmarkDotNet.Attributes;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Benchmarks;

/// <summary>
/// The hold model: a queue kept at a fixed size while each step pops the earliest event and schedules one
/// at now + Exp(1). Compares the engine's 4-ary heap (with its fused pop+push) against a binary heap and the
/// BCL PriorityQueue, all with deterministic (time, sequence) ordering. Reported per hold step.
/// </summary>
[MemoryDiagnoser]
public class EventQueueBenchmarks
{
    private const int Holds = 200_000;

    [Params(1_000, 100_000)]
    public int QueueSize { get; set; }

    private struct Hold : IEventHandler
    {
        public RandomStream Rng;
        public void Handle(Simulator simulator, in SimEvent simEvent) =>
            simulator.Schedule(Samplers.Exponential(Rng, 1.0), simEvent.Kind, simEvent.Entity);
    }

    private sealed class KeyComparer : IComparer<(double Time, long Sequence)>
    {
        public int Compare((double Time, long Sequence) x, (double Time, long Sequence) y)
        {
            int c = x.Time.CompareTo(y.Time);
            return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
        }
    }

    private Simulator _simulator = null!;
    private BinaryEventHeap _binary = null!;
    private PriorityQueue<int, (double, long)> _bcl = null!;
    private readonly RandomStream _rng = new(1);
    private long _bclSequence;
    private double _binaryNow, _bclNow;

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new Simulator(QueueSize + 16);
        _binary = new BinaryEventHeap(QueueSize + 16);
        _bcl = new PriorityQueue<int, (double, long)>(QueueSize + 16, new KeyComparer());
        var rng = new RandomStream(7);
        for (int i = 0; i < QueueSize; i++)
        {
            double t = Samplers.Exponential(rng, 1.0);
            _simulator.ScheduleAt(t, 0, i);
            _binary.Push(t, i);
            _bcl.Enqueue(i, (t, _bclSequence++));
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Holds)]
    public double EngineSimulator()
    {
        var hold = new Hold { Rng = _rng };
        long target = _simulator.ProcessedEvents + Holds;
        while (_simulator.ProcessedEvents < target) _simulator.Step(ref hold);
        return _simulator.NowHours;
    }

    [Benchmark(OperationsPerInvoke = Holds)]
    public double BinaryHeap()
    {
        for (int i = 0; i < Holds; i++)
        {
            var e = _binary.Pop();
            _binaryNow = e.Time;
            _binary.Push(_binaryNow + Samplers.Exponential(_rng, 1.0), e.Entity);
        }
        return _binaryNow;
    }

    [Benchmark(OperationsPerInvoke = Holds)]
    public double BclPriorityQueue()
    {
        for (int i = 0; i < Holds; i++)
        {
            _bcl.TryDequeue(out int entity, out var key);
            _bclNow = key.Item1;
            _bcl.Enqueue(entity, (_bclNow + Samplers.Exponential(_rng, 1.0), _bclSequence++));
        }
        return _bclNow;
    }
}
