using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Domain;

/// <summary>
/// A hand-built world for testing one mechanism on its own: the shared context of one replication
/// (clock, boat pool, tallies) and its weather, begun from a fixed seed, with no other mechanism
/// running. A test builds the mechanism it checks on top, adds the boats it needs and drives it.
/// </summary>
internal sealed class MechanismWorld
{
    public MechanismWorld(ParameterSet parameters, ulong seed = ModelRunner.Seed)
    {
        DateOnly start = parameters.Date("calendar.start_date");
        int days = parameters.Integer("calendar.horizon_days");
        Timeline = new PolicyTimeline(parameters, start, days);
        Weather = new DailyWeather(Timeline, start, days);
        Ctx = new ReplicationContext(start, days, Timeline.Snapshots[0]);
        Result = new ReplicationResult(days);
        ReplicationSeed = SeedDerivation.ForReplication(seed, 0);
        Ctx.Begin(ReplicationSeed, Result, Timeline.Snapshots[0]);
        Weather.Generate(ReplicationSeed);
    }

    public PolicyTimeline Timeline { get; }
    public DailyWeather Weather { get; }
    public ReplicationContext Ctx { get; }
    public ReplicationResult Result { get; }
    public ulong ReplicationSeed { get; }

    /// <summary>A boat in the pool with the given substream key and load; returns its serial number.</summary>
    public int AddBoat(long randomKey, int load = 0)
    {
        int k = Ctx.Boats.Add();
        Ctx.Boats[k].RandomKey = randomKey;
        Ctx.Boats[k].Load = load;
        return k;
    }

    /// <summary>The tallies so far, written into the result.</summary>
    public ReplicationResult Tallied()
    {
        Ctx.Tallies.WriteTo(Result);
        return Result;
    }

    /// <summary>A stream of its own for a test's draws, keyed by a label so tests do not share numbers.</summary>
    public static RandomStream Stream(ulong label) => new(SeedDerivation.ForStream(ModelRunner.Seed, StreamId.Demand, (long)label));
}
