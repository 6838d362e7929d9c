using Simulation.Core.Engine;

namespace Simulation.Tests.Engine;

public class ResourceTests
{
    private const int Grant = 1;

    private struct GrantRecorder : IEventHandler
    {
        public List<(double Time, int Entity)> Granted;
        public void Handle(Simulator simulator, in SimEvent simEvent)
        {
            if (simEvent.Kind == Grant) Granted.Add((simulator.NowHours, simEvent.Entity));
        }
    }

    [Fact]
    public void WaitingRequestsAreGrantedInArrivalOrderAtTheReleaseTime()
    {
        var sim = new Simulator();
        var pool = new Resource(sim, capacity: 2, initialQueueCapacity: 4);
        var rec = new GrantRecorder { Granted = new() };
        Assert.True(pool.Request(Grant, entity: 1));
        Assert.True(pool.Request(Grant, entity: 2));
        for (int e = 3; e <= 12; e++) Assert.False(pool.Request(Grant, e)); // forces the ring to grow
        Assert.Equal(10, pool.QueueLength);
        for (int i = 0; i < 10; i++)
        {
            sim.Run(ref rec, sim.NowHours + 1.0);
            pool.Release();
            sim.Step(ref rec);
        }
        Assert.Equal(10, rec.Granted.Count);
        for (int i = 0; i < 10; i++) Assert.Equal((i + 1.0, i + 3), rec.Granted[i]);
        Assert.Equal(2, pool.InUse);
        Assert.Equal(12, pool.Grants);
    }

    [Fact]
    public void UtilisationAndWaitAreAccountedOverTime()
    {
        var sim = new Simulator();
        var pool = new Resource(sim, capacity: 2);
        var rec = new GrantRecorder { Granted = new() };
        Assert.True(pool.Request(Grant, 1));       // t=0: 1 busy
        sim.Run(ref rec, 2.0);
        Assert.True(pool.Request(Grant, 2));       // t=2: 2 busy
        Assert.False(pool.Request(Grant, 3));      // t=2: entity 3 waits
        sim.Run(ref rec, 5.0);
        pool.Release();                            // t=5: unit passes to entity 3 (waited 3 h)
        sim.Run(ref rec, 6.0);
        Assert.Equal(new[] { (5.0, 3) }, rec.Granted);
        pool.Release();                            // t=6: 1 busy
        sim.Run(ref rec, 10.0);
        // Busy unit-hours: 1×2 + 2×4 + 1×4 = 14 over 2 units × 10 h.
        Assert.Equal(14.0, pool.BusyUnitHours(), 12);
        Assert.Equal(0.7, pool.Utilisation(), 12);
        Assert.Equal(3.0, pool.TotalWaitHours, 12);
        Assert.Equal(3, pool.Grants);
    }

    [Fact]
    public void WithdrawnRequestIsNeverGrantedAndOthersKeepTheirOrder()
    {
        var sim = new Simulator();
        var pool = new Resource(sim, capacity: 1);
        var rec = new GrantRecorder { Granted = new() };
        Assert.True(pool.Request(Grant, 1));
        for (int e = 2; e <= 5; e++) pool.Request(Grant, e);
        Assert.True(pool.Withdraw(3));
        Assert.False(pool.Withdraw(3));
        Assert.False(pool.Withdraw(99));
        Assert.Equal(3, pool.QueueLength);
        for (int i = 0; i < 3; i++)
        {
            sim.Run(ref rec, sim.NowHours + 1.0);
            pool.Release();
            sim.Step(ref rec);
        }
        Assert.Equal(new[] { (1.0, 2), (2.0, 4), (3.0, 5) }, rec.Granted);
        Assert.Equal(0, pool.QueueLength);
    }

    [Fact]
    public void ReleaseWithoutAUnitInUseThrows()
    {
        var pool = new Resource(new Simulator(), capacity: 1);
        Assert.Throws<InvalidOperationException>(pool.Release);
    }

    [Fact]
    public void RequestAndReleaseAllocateNothingOnceTheQueueHasGrown()
    {
        var sim = new Simulator();
        var pool = new Resource(sim, capacity: 1, initialQueueCapacity: 64);
        var rec = new GrantRecorder { Granted = new(200_000) };
        void Cycle()
        {
            pool.Request(Grant, 1);
            for (int e = 0; e < 32; e++) pool.Request(Grant, e);
            for (int e = 0; e < 33; e++)
            {
                pool.Release();
                sim.Step(ref rec);
            }
        }
        Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3000; i++) Cycle();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, pool.InUse);
    }
}
