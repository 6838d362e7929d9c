using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Engine;

public class SimulatorTests
{
    private struct Recorder : IEventHandler
    {
        public List<SimEvent> Seen;
        public void Handle(Simulator simulator, in SimEvent simEvent) => Seen.Add(simEvent);
    }

    // Schedules a follow-up event for every event it sees: the steady "hold" pattern of a model.
    private struct Hold : IEventHandler
    {
        public RandomStream Rng;
        public void Handle(Simulator simulator, in SimEvent simEvent) =>
            simulator.Schedule(Samplers.Exponential(Rng, 1.0), simEvent.Kind, simEvent.Entity);
    }

    private static int[] Kinds(List<SimEvent> seen)
    {
        var kinds = new int[seen.Count];
        for (int i = 0; i < kinds.Length; i++) kinds[i] = seen[i].Kind;
        return kinds;
    }

    private static List<SimEvent> RunAll(Simulator sim, double endHours = double.PositiveInfinity)
    {
        var rec = new Recorder { Seen = new() };
        sim.Run(ref rec, endHours);
        return rec.Seen;
    }

    [Fact]
    public void EventsAtTheSameTimeFireByPriorityThenSchedulingOrder()
    {
        var sim = new Simulator();
        sim.Schedule(1.0, kind: 1);
        sim.Schedule(1.0, kind: 2, priority: -1);
        sim.Schedule(1.0, kind: 3);
        sim.Schedule(0.5, kind: 4);
        sim.Schedule(1.0, kind: 5, priority: Simulator.MaxPriority);
        sim.Schedule(1.0, kind: 6, priority: Simulator.MinPriority);
        Assert.Equal(new[] { 4, 6, 2, 1, 3, 5 }, Kinds(RunAll(sim)));
    }

    [Fact]
    public void ManyEventsAtTheSameTimeAndPriorityFireInSchedulingOrder()
    {
        var sim = new Simulator(4);
        for (int i = 0; i < 1000; i++) sim.ScheduleAt(7.0, kind: i);
        int[] kinds = Kinds(RunAll(sim));
        for (int i = 0; i < 1000; i++) Assert.Equal(i, kinds[i]);
    }

    [Fact]
    public void DeliveredEventCarriesItsTimePriorityTokenKindAndEntity()
    {
        var sim = new Simulator();
        long token = sim.Schedule(2.5, kind: 9, entity: 77, priority: 3);
        Assert.True(sim.TryNext(double.PositiveInfinity, out SimEvent e));
        Assert.Equal(new SimEvent(2.5, 3, token, 9, 77), e);
        Assert.Equal(2.5, sim.NowHours);
    }

    [Fact]
    public void CancelledEventIsNeverDeliveredNorCountedAndOthersAreUnaffected()
    {
        var sim = new Simulator();
        sim.Schedule(1.0, kind: 1);
        long doomed = sim.Schedule(2.0, kind: 2);
        sim.Schedule(2.0, kind: 3);
        sim.Schedule(3.0, kind: 4);
        sim.Cancel(doomed);
        Assert.Equal(new[] { 1, 3, 4 }, Kinds(RunAll(sim)));
        Assert.Equal(3, sim.ProcessedEvents);
        Assert.Equal(0, sim.PendingEvents);
    }

    [Fact]
    public void CancellingAnAlreadyFiredOrUnknownTokenIsHarmless()
    {
        var sim = new Simulator();
        long first = sim.Schedule(1.0, kind: 1);
        sim.Schedule(2.0, kind: 2);
        Assert.True(sim.TryNext(double.PositiveInfinity, out _));
        sim.Cancel(first);
        sim.Cancel(first);
        sim.Cancel(12345);
        sim.Cancel(-1);
        long later = sim.Schedule(0.5, kind: 3);
        Assert.Equal(new[] { 3, 2 }, Kinds(RunAll(sim)));
        Assert.True(later > first);
        Assert.Equal(3, sim.ProcessedEvents);
    }

    [Fact]
    public void CancellingManyFiredTokensDoesNotLeakIntoLaterRuns()
    {
        // Every fired token is cancelled afterwards; the remembered set must stay bounded by the queue
        // and no live event may be dropped.
        var sim = new Simulator();
        for (int i = 0; i < 10; i++) sim.Schedule(i, kind: i);
        int delivered = 0;
        while (sim.TryNext(double.PositiveInfinity, out SimEvent e))
        {
            delivered++;
            sim.Cancel(e.Token);
            if (delivered < 5000) sim.Schedule(10, kind: e.Kind);
        }
        Assert.Equal(5009, delivered);
    }

    [Fact]
    public void EventExactlyAtTheEndStaysQueuedAndTheClockMovesToTheEnd()
    {
        var sim = new Simulator();
        sim.Schedule(1.0, kind: 1);
        sim.Schedule(5.0, kind: 2);
        sim.Schedule(6.0, kind: 3);
        Assert.Equal(new[] { 1 }, Kinds(RunAll(sim, 5.0)));
        Assert.Equal(5.0, sim.NowHours);
        Assert.Equal(2, sim.PendingEvents);
        Assert.Equal(new[] { 2, 3 }, Kinds(RunAll(sim)));
    }

    [Fact]
    public void RunOnAnEmptyQueueOnlyAdvancesTheClock()
    {
        var sim = new Simulator();
        Assert.Empty(RunAll(sim, 12.0));
        Assert.Equal(12.0, sim.NowHours);
        Assert.Equal(0, sim.ProcessedEvents);
        Assert.False(sim.TryNext(double.PositiveInfinity, out _));
    }

    [Fact]
    public void RunToAnEndBeforeNowThrows()
    {
        var sim = new Simulator();
        RunAll(sim, 10.0);
        var rec = new Recorder { Seen = new() };
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(ref rec, 9.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(ref rec, double.NaN));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void BadDelayThrows(double delayHours)
    {
        var sim = new Simulator();
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(delayHours, kind: 0));
        Assert.Equal(0, sim.PendingEvents);
    }

    [Fact]
    public void SchedulingInThePastOrOutsideThePriorityRangeThrows()
    {
        var sim = new Simulator();
        RunAll(sim, 3.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleAt(2.9, kind: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(1, 0, 0, Simulator.MaxPriority + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(1, 0, 0, Simulator.MinPriority - 1));
    }

    [Fact]
    public void ProcessedEventsCountsDeliveredEventsAcrossRunsAndSteps()
    {
        var sim = new Simulator();
        for (int i = 1; i <= 5; i++) sim.Schedule(i, kind: i);
        var rec = new Recorder { Seen = new() };
        Assert.True(sim.Step(ref rec));
        Assert.Equal(1, sim.ProcessedEvents);
        sim.Run(ref rec, 3.5);
        Assert.Equal(3, sim.ProcessedEvents);
        sim.Run(ref rec, double.PositiveInfinity);
        Assert.Equal(5, sim.ProcessedEvents);
        Assert.False(sim.Step(ref rec));
        Assert.Equal(5, sim.ProcessedEvents);
    }

    [Fact]
    public void PendingEventsExcludesTheEventBeingHandled()
    {
        var sim = new Simulator();
        sim.Schedule(1, kind: 1);
        sim.Schedule(2, kind: 2);
        Assert.True(sim.TryNext(double.PositiveInfinity, out _));
        Assert.Equal(1, sim.PendingEvents);
        sim.Schedule(1, kind: 3);
        Assert.Equal(2, sim.PendingEvents);
    }

    [Fact]
    public void ResetEmptiesTheQueueAndRewindsClockCounterAndTokens()
    {
        var sim = new Simulator();
        long firstToken = sim.Schedule(1, kind: 1);
        long doomed = sim.Schedule(2, kind: 2);
        sim.Schedule(3, kind: 3);
        sim.Cancel(doomed);
        Assert.True(sim.TryNext(double.PositiveInfinity, out _));
        sim.Reset();
        Assert.Equal(0, sim.NowHours);
        Assert.Equal(0, sim.ProcessedEvents);
        Assert.Equal(0, sim.PendingEvents);
        Assert.Equal(firstToken, sim.Schedule(4, kind: 4));
        // The token cancelled before the reset must not cancel the new event that reuses its number.
        sim.Schedule(5, kind: 5);
        Assert.Equal(new[] { 4, 5 }, Kinds(RunAll(sim)));
    }

    [Fact]
    public void HeapMatchesASortedReferenceOverRandomOperations()
    {
        // 100k random operations (schedule, pop, cancel, with many exact time ties) against a
        // SortedSet ordered by the documented key (time, priority, scheduling order).
        var rng = new RandomStream(2024);
        var sim = new Simulator(4);
        var reference = new SortedSet<(double Time, int Priority, long Token)>();
        for (int op = 0; op < 100_000; op++)
        {
            int choice = rng.NextInt(10);
            if (choice < 5 || reference.Count == 0)
            {
                // Coarse times make ties common, so priority and FIFO tie-breaking are exercised.
                double delay = rng.NextInt(20) * 0.5;
                int priority = rng.NextInt(5) - 2;
                long token = sim.Schedule(delay, kind: op, priority: priority);
                reference.Add((sim.NowHours + delay, priority, token));
            }
            else if (choice < 9)
            {
                var expected = reference.Min;
                reference.Remove(expected);
                Assert.True(sim.TryNext(double.PositiveInfinity, out SimEvent e));
                Assert.Equal(expected, (e.TimeHours, e.Priority, e.Token));
            }
            else
            {
                var victim = reference.ElementAt(rng.NextInt(reference.Count));
                reference.Remove(victim);
                sim.Cancel(victim.Token);
            }
        }
        while (reference.Count > 0)
        {
            var expected = reference.Min;
            reference.Remove(expected);
            Assert.True(sim.TryNext(double.PositiveInfinity, out SimEvent e));
            Assert.Equal(expected, (e.TimeHours, e.Priority, e.Token));
        }
        Assert.False(sim.TryNext(double.PositiveInfinity, out _));
    }

    [Fact]
    public void SteadyStateSchedulingAndProcessingAllocateNothing()
    {
        var sim = new Simulator(2048);
        var hold = new Hold { Rng = new RandomStream(7) };
        for (int i = 0; i < 1000; i++) sim.Schedule(Samplers.Exponential(hold.Rng, 1.0), kind: 0, entity: i);
        sim.Run(ref hold, 200.0); // warm-up: JIT tiers settle, nothing left to grow
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            sim.TryNext(double.PositiveInfinity, out SimEvent e);
            sim.Schedule(Samplers.Exponential(hold.Rng, 1.0), e.Kind, e.Entity);
        }
        sim.Run(ref hold, sim.NowHours + 100.0);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(sim.ProcessedEvents > 300_000);
    }
}
