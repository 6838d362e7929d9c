using Simulation.Core.Engine;

namespace Simulation.Tests.Engine;

public class SimulatorTests
{
    private struct Recorder : IEventHandler
    {
        public List<(double Time, int Kind)> Seen;
        public void Handle(Simulator simulator, in SimEvent simEvent) => Seen.Add((simEvent.TimeHours, simEvent.Kind));
    }

    [Fact]
    public void EventsAtTheSameTimeFireByPriorityThenSchedulingOrder()
    {
        var sim = new Simulator();
        sim.Schedule(1.0, kind: 1);
        sim.Schedule(1.0, kind: 2, priority: -1);
        sim.Schedule(1.0, kind: 3);
        sim.Schedule(0.5, kind: 4);
        var rec = new Recorder { Seen = new() };
        sim.Run(ref rec, double.PositiveInfinity);
        Assert.Equal(new[] { 4, 2, 1, 3 }, rec.Seen.Select(s => s.Kind).ToArray());
    }
}
