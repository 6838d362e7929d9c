using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain;

/// <summary>
/// What the mechanisms of one model share: the clock, the boat pool, the per-boat random
/// substreams, the parameters in force, the tallies and the optional trace. Built once per model
/// and begun again for each replication, so nothing here is allocated per replication.
/// </summary>
internal sealed class ReplicationContext
{
    /// <summary>Simulated hours per day (the clock runs in hours).</summary>
    public const double HoursPerDay = 24;

    // One stream object serves every per-boat draw: it is reseeded from (stream, launch slot,
    // phase) at each use, so a handler keeps drawing from the last substream it asked for.
    private readonly RandomStream _boatRng = new(0);

    public ReplicationContext(DateOnly startDate, int days, ModelParameters initial)
    {
        StartDate = startDate;
        Days = days;
        P = initial;
    }

    public Simulator Sim { get; } = new(4096);
    public BoatPool Boats { get; } = new();
    public Tallies Tallies { get; } = new();
    public DateOnly StartDate { get; }
    public int Days { get; }
    public ulong ReplicationSeed { get; private set; }
    /// <summary>Parameters in force now (swapped by dated policy changes).</summary>
    public ModelParameters P { get; private set; }
    /// <summary>Attached only when an analyst traces one replication; null otherwise, and nothing is formatted.</summary>
    public IEventTrace? Trace { get; private set; }

    /// <summary>Index of the current day, the last day for events at the horizon itself.</summary>
    public int Today => Math.Min((int)(Sim.NowHours / HoursPerDay), Days - 1);

    public void AttachTrace(IEventTrace? trace) => Trace = trace;

    /// <summary>Starts a replication: clock emptied, boats forgotten, tallies zeroed, first parameters in force.</summary>
    public void Begin(ulong replicationSeed, ReplicationResult result, ModelParameters initial)
    {
        Sim.Reset();
        ReplicationSeed = replicationSeed;
        P = initial;
        Boats.Clear();
        Tallies.Reset(result);
    }

    public void UseParameters(ModelParameters parameters) => P = parameters;

    /// <summary>Seed of a replication-level stream.</summary>
    public ulong StreamSeed(StreamId stream) => SeedDerivation.ForStream(ReplicationSeed, stream);

    /// <summary>Seed of a day-keyed substream: a policy that changes how many draws day d needs cannot shift day d + 1.</summary>
    public ulong StreamSeed(StreamId stream, int day) => SeedDerivation.ForStream(ReplicationSeed, stream, day);

    /// <summary>Boat k's substream for one phase of one stream, keyed by its launch slot so every policy variant sees the same numbers.</summary>
    public RandomStream BoatRng(StreamId stream, int boat, int phase)
    {
        _boatRng.Reseed(SeedDerivation.ForStream(ReplicationSeed, stream, (Boats[boat].RandomKey << 4) | (uint)phase));
        return _boatRng;
    }

    public void TraceBoat(int k, string eventName, int people, string outcome)
    {
        if (Trace is null) return;
        Trace.Record(Sim.NowHours, "boat-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), eventName, people, outcome);
    }
}
