using Simulation.Core.Domain;
using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;
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

    /// <summary>
    /// The mechanisms an attempt reports its end to (camp, perceptions, returns, outcomes) and the harm
    /// model, reset for this world: the minimum a sea-side mechanism needs to run.
    /// </summary>
    public (Camp Camp, BoatOutcomes Outcomes, HarmModel Harm) Outcomes()
    {
        var deterrence = new DeterrenceEffect(Ctx);
        deterrence.Reset();
        var camp = new Camp(Ctx, Weather, deterrence);
        camp.Reset();
        var tactics = new TacticChoice(Ctx);
        tactics.Reset();
        var returns = new ReturnsAfterArrival(Ctx, camp);
        returns.Reset();
        var outcomes = new BoatOutcomes(Ctx, camp, deterrence, tactics, returns);
        return (camp, outcomes, new HarmModel(Ctx, outcomes, Weather));
    }

    /// <summary>A stream of its own for a test's draws, keyed by a label so tests do not share numbers.</summary>
    public static RandomStream Stream(ulong label) => new(SeedDerivation.ForStream(ModelRunner.Seed, StreamId.Demand, (long)label));
}
