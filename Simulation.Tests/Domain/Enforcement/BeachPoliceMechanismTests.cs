using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;

namespace Simulation.Tests.Domain.Enforcement;

/// <summary>
/// The police on the beach on their own: 20,000 beach launches of 40 people, each with its own
/// substream. Prevention probability = coverage × maximum × (1 − e^(−officers / scale)); with
/// coverage 1, maximum 0.6 and officers = scale × ln 2 it is 0.3. A share p over 20,000 boats has
/// SE ≤ 0.0035, so a 5% error in 0.3 (0.015) is 4.6 SE away; tolerance 4 SE.
/// </summary>
public class BeachPoliceMechanismTests
{
    private const int Boats = 20_000, Load = 40;

    [Fact]
    [Trait("Category", "Statistical")]
    public void ThePoliceStopTheirShareOfLaunchesAndSeizeTheirShareOfThoseBoats()
    {
        var p = TestParameters.Short(10, ("french.beach.officers_per_night", 300 * Math.Log(2)), ("french.beach.officers_scale", 300.0),
            ("french.beach.coverage_share", 1.0), ("french.beach.max_prevention_probability", 0.6), ("french.beach.seizure_probability", 0.25),
            ("demand.initial_people_on_coast", 0), ("demand.give_up_probability", 0.0),
            ("demand.new_arrivals_rate_per_day", 0.0), ("demand.wait_give_up_rate_per_week", 0.0));
        var world = new MechanismWorld(p);
        var deterrence = new DeterrenceEffect(world.Ctx);
        deterrence.Reset();
        var camp = new Camp(world.Ctx, world.Weather, deterrence);
        camp.Reset();
        var tactics = new TacticChoice(world.Ctx);
        tactics.Reset();
        var returns = new ReturnsAfterArrival(world.Ctx, camp);
        returns.Reset();
        var outcomes = new BoatOutcomes(world.Ctx, camp, deterrence, tactics, returns);
        var stock = new BoatStock(10);
        stock.Reset(0);
        var police = new BeachPolice(world.Ctx, stock, outcomes);

        int prevented = 0;
        for (int i = 0; i < Boats; i++)
        {
            int k = world.AddBoat(i, Load);
            world.Ctx.Boats[k].Unsettled = Load;
            outcomes.PutToSea(Load);
            if (police.TryPrevent(k, 0))
            {
                prevented++;
                Assert.Equal(BoatState.PreventedOnLand, world.Ctx.Boats[k].State);
            }
            else Assert.Equal(BoatState.Staging, world.Ctx.Boats[k].State);
        }
        double share = prevented / (double)Boats, se = Math.Sqrt(0.3 * 0.7 / Boats);
        Assert.InRange(share, 0.3 - 4 * se, 0.3 + 4 * se);

        // A prevented boat is kept by the network (back in stock) unless seized: 1 − 0.25 of them.
        double kept = stock.Boats / (double)prevented, seKept = Math.Sqrt(0.75 * 0.25 / prevented);
        Assert.InRange(kept, 0.75 - 4 * seKept, 0.75 + 4 * seKept);

        // Every prevented person is back on the coast (nobody gives up) and counted once as prevented;
        // the people of boats not stopped are still at sea.
        var r = world.Tallied();
        Assert.Equal(prevented * (double)Load, r[Metric.PreventedOnLand]);
        Assert.Equal((long)(Boats - prevented) * Load, outcomes.PeopleAtSea);
        for (int d = 1; d < 10; d++) camp.StartDay(d);
        Assert.Equal(prevented * (long)Load, camp.PeopleAtEnd);
    }

    [Fact]
    public void WithoutOfficersNoLaunchIsStopped()
    {
        var world = new MechanismWorld(TestParameters.Short(5, ("french.beach.officers_per_night", 0.0)));
        var deterrence = new DeterrenceEffect(world.Ctx);
        deterrence.Reset();
        var camp = new Camp(world.Ctx, world.Weather, deterrence);
        camp.Reset();
        var tactics = new TacticChoice(world.Ctx);
        tactics.Reset();
        var outcomes = new BoatOutcomes(world.Ctx, camp, deterrence, tactics, new ReturnsAfterArrival(world.Ctx, camp));
        var stock = new BoatStock(5);
        stock.Reset(0);
        var police = new BeachPolice(world.Ctx, stock, outcomes);
        for (int i = 0; i < 1000; i++) Assert.False(police.TryPrevent(world.AddBoat(i, Load), 0));
    }
}
