using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;

namespace Simulation.Tests.Domain.Crossing;

/// <summary>
/// How an attempt ends for the people of one boat, and which of them were returned people: when n of
/// a boat's U unsettled people end their attempt, the returned people left aboard are R × (U − n) / U
/// rounded half up, so the returned people settle in proportion and the last to leave take the rest.
/// </summary>
public class BoatOutcomesMechanismTests
{
    private static (MechanismWorld World, BoatOutcomes Outcomes, Camp Camp, DeterrenceEffect Deterrence, TacticChoice Tactics) Build()
    {
        var world = new MechanismWorld(TestParameters.Short(10, ("demand.initial_people_on_coast", 0), ("demand.give_up_probability", 0.0),
            ("demand.retry_delay_days_mean", 1.0), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.wait_give_up_rate_per_week", 0.0),
            ("returns.removals.enabled", false), ("returns.one_in_one_out.enabled", false),
            ("deterrence.memory_days", 3650.0)));
        var deterrence = new DeterrenceEffect(world.Ctx);
        deterrence.Reset();
        var camp = new Camp(world.Ctx, world.Weather, deterrence);
        camp.Reset();
        var tactics = new TacticChoice(world.Ctx);
        tactics.Reset();
        var returns = new ReturnsAfterArrival(world.Ctx, camp);
        returns.Reset();
        return (world, new BoatOutcomes(world.Ctx, camp, deterrence, tactics, returns), camp, deterrence, tactics);
    }

    private static int Boat(MechanismWorld world, BoatOutcomes outcomes, int load, int returned, bool taxi = false)
    {
        int k = world.AddBoat(world.Ctx.Boats.Count, load);
        ref Boat boat = ref world.Ctx.Boats[k];
        boat.Unsettled = load;
        boat.Returned = returned;
        boat.Taxi = taxi;
        outcomes.PutToSea(load);
        return k;
    }

    [Fact]
    public void DeathsSettleReturnedPeopleInProportionRoundedHalfUp()
    {
        var (world, outcomes, _, _, _) = Build();
        int k = Boat(world, outcomes, 20, 7);
        outcomes.Died(k, 5);    // keep 7 × 15 / 20 = 5.25 → 5
        Assert.Equal(5, world.Ctx.Boats[k].Returned);
        Assert.Equal(15, world.Ctx.Boats[k].Unsettled);
        outcomes.Died(k, 10);   // keep 5 × 5 / 15 = 1.67 → 2
        Assert.Equal(2, world.Ctx.Boats[k].Returned);
        Assert.Equal(5, world.Ctx.Boats[k].Unsettled);

        int half = Boat(world, outcomes, 4, 3);
        outcomes.Died(half, 2); // keep 3 × 2 / 4 = 1.5 → 2 (half up)
        Assert.Equal(2, world.Ctx.Boats[half].Returned);
        Assert.Equal(4 + 20 - 15 - 2, outcomes.PeopleAtSea);
    }

    [Fact]
    public void AnArrivalCountsTheReturnedPeopleStillAboardAsRepeatArrivals()
    {
        var (world, outcomes, _, deterrence, _) = Build();
        int k = Boat(world, outcomes, 30, 9);
        outcomes.Died(k, 10);   // keep 9 × 20 / 30 = 6
        world.Ctx.Boats[k].Load = 20;
        outcomes.Arrive(k);
        var r = world.Tallied();
        Assert.Equal(20, r[Metric.ArrivalsUk]);
        Assert.Equal(6, r[Metric.RepeatArrivalsUk]);
        Assert.Equal(0, outcomes.PeopleAtSea);
        Assert.Equal(0, world.Ctx.Boats[k].Returned);
        Assert.Equal(0, world.Ctx.Boats[k].Unsettled);
    }

    [Fact]
    public void AFailedAttemptPutsBothGroupsBackOnTheCoastWithTheirShares()
    {
        // 40 people, 10 of them returned people; 16 fail first (keep 10 × 24 / 40 = 6, so 4 returned go back),
        // then the other 24 (the 6 returned left). With no give-up and a one-day delay all 40 are back the next
        // day, 10 of them in the returned group.
        var (world, outcomes, camp, _, _) = Build();
        int k = Boat(world, outcomes, 40, 10);
        outcomes.Fail(k, 16);
        Assert.Equal(6, world.Ctx.Boats[k].Returned);
        outcomes.Fail(k, 24);
        Assert.Equal(2, world.Ctx.Boats[k].Failures);
        camp.StartDay(1);
        Assert.Equal(40, camp.People);
        Assert.Equal(10, camp.PeopleReturned);
        Assert.Equal(0, outcomes.PeopleAtSea);
        // Nothing happens for nobody.
        outcomes.Fail(k, 0);
        Assert.Equal(2, world.Ctx.Boats[k].Failures);
    }

    [Fact]
    public void OutcomesReachThePerceptionsOfPeopleAndNetworks()
    {
        // Deterrence: with elasticity 0 the multiplier stays 1, so use the tactic choice, whose share moves by
        // rate × (taxi perceived − beach perceived): a taxi-boat's arrival and a beach boat's deaths push it up.
        var (world, outcomes, _, _, tactics) = Build();
        double before = tactics.TaxiShare;
        int taxi = Boat(world, outcomes, 30, 0, taxi: true);
        int beach = Boat(world, outcomes, 30, 0, taxi: false);
        outcomes.Arrive(taxi);
        outcomes.Died(beach, 30);
        tactics.StartDay();
        Assert.True(tactics.TaxiShare > before, $"taxi share {tactics.TaxiShare} from {before}");
    }
}
