using Simulation.Core.Engine.Random;

namespace Simulation.Core.Engine.Examples;

/// <summary>
/// PHOLD (Fujimoto 1990), an engine validation and benchmark model, not part of ChannelSim's domain.
/// N logical processes start with one event each at lookahead + Exp(mean). Processing an event at
/// LP i counts it at i, draws a destination uniformly and schedules one event there at
/// now + lookahead + Exp(mean). The run ends at the first event with time ≥ the end time, so the
/// queue holds about N events throughout: the classic "hold" workload for an event list.
/// </summary>
public static class Phold
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>Runs PHOLD on a fresh simulator and returns the event count and an order-sensitive checksum.</summary>
    public static PholdResult Run(int logicalProcesses, double endTime, ulong seed, double lookahead = 0.0, double meanDelay = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(logicalProcesses, 1);
        var simulator = new Simulator(logicalProcesses + 16);
        var handler = new Handler
        {
            Rng = new RandomStream(seed),
            Counts = new int[logicalProcesses],
            Checksum = FnvOffset,
            Lookahead = lookahead,
            MeanDelay = meanDelay,
        };
        for (int lp = 0; lp < logicalProcesses; lp++)
            simulator.ScheduleAt(lookahead + handler.Draw(), kind: 0, entity: lp);
        simulator.Run(ref handler, endTime);
        return new PholdResult(simulator.ProcessedEvents, handler.Checksum, handler.LastEventHours);
    }

    private struct Handler : IEventHandler
    {
        public RandomStream Rng;
        public int[] Counts;
        public ulong Checksum;
        public double Lookahead;
        public double MeanDelay;
        public double LastEventHours;

        // Inverse transform on 1 − U, the usual PHOLD draw, so runs compare event for event with
        // other implementations that use xoshiro256** seeded the same way.
        public double Draw() => -MeanDelay * Math.Log(1.0 - Rng.NextDouble());

        public void Handle(Simulator simulator, in SimEvent simEvent)
        {
            int lp = simEvent.Entity;
            Counts[lp]++;
            // FNV-1a over LP ids in processing order: any change in event order changes the checksum.
            Checksum = (Checksum ^ (uint)lp) * FnvPrime;
            LastEventHours = simEvent.TimeHours;
            int destination = Rng.NextInt(Counts.Length);
            simulator.Schedule(Lookahead + Draw(), kind: 0, entity: destination);
        }
    }
}
