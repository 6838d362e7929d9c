using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Crossing;

/// <summary>
/// The crossing and French interception on their own, boat by boat with each boat's own substreams.
/// </summary>
public class CrossingMechanismTests
{
    private const int Boats = 20_000;

    [Fact]
    [Trait("Category", "Statistical")]
    public void TheTimeToUkWatersIsDistanceOverSpeedAndDistressComesAtTheHazardRate()
    {
        // Rule: French-waters hours = distance / speed × French share; the time to distress is exponential
        // with rate engine + deflation + overload × (load − rated) + sea state × wave. With fixed distance and
        // speed (27 nm at 4.5 kn, share 0.4: 2.4 h exactly) and only an overload hazard (0.002 × (50 − 40) =
        // 0.02 an hour), the mean time to distress is 50 h; over 20,000 boats its SE is 50 / √20,000 = 0.35 h,
        // so a 5% error (2.5 h) is 7 SE away. Tolerance 4 SE.
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards,
            ("crossing.transit_distance_nm_mean", 27.0), ("crossing.transit_distance_nm_sd", 0.0), ("crossing.speed_knots_mean", 4.5),
            ("crossing.speed_knots_sd", 0.0), ("crossing.french_waters_share", 0.4), ("crossing.rated_capacity_people", 40),
            ("crossing.overload_hazard_per_person_per_hour", 0.002)]));
        var (_, _, harm) = world.Outcomes();
        var crossing = new CrossingHazards(world.Ctx, world.Weather, harm);
        double sum = 0;
        int distressFirst = 0;
        for (int i = 0; i < Boats; i++)
        {
            int k = world.AddBoat(i, 50);
            crossing.Start(k);
            ref Boat boat = ref world.Ctx.Boats[k];
            Assert.Equal(BoatState.InFrenchWaters, boat.State);
            Assert.Equal(27 / 4.5 * 0.4, boat.UkWatersAtHours, 12);
            sum += boat.DistressAtHours;
            if (boat.DistressAtHours < boat.UkWatersAtHours) distressFirst++;
        }
        double mean = sum / Boats, se = 50 / Math.Sqrt(Boats);
        Assert.InRange(mean, 50 - 4 * se, 50 + 4 * se);
        // P(distress within 2.4 h) = 1 − e^(−0.048) = 0.0469.
        double p = 1 - Math.Exp(-0.02 * 2.4), seP = Math.Sqrt(p * (1 - p) / Boats);
        Assert.InRange(distressFirst / (double)Boats, p - 4 * seP, p + 4 * seP);
    }

    [Fact]
    public void WithoutAnyHazardNoBoatGetsIntoDistress()
    {
        var world = new MechanismWorld(TestParameters.Short(10, TestParameters.NoHazards));
        var (_, _, harm) = world.Outcomes();
        var crossing = new CrossingHazards(world.Ctx, world.Weather, harm);
        for (int i = 0; i < 200; i++)
        {
            int k = world.AddBoat(i, 60);
            crossing.Start(k);
            Assert.True(double.IsPositiveInfinity(world.Ctx.Boats[k].DistressAtHours));
        }
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData("shallow_water", 0.3, 0.5, 0.3)]
    [InlineData("full", 0.3, 0.4, 0.58)]          // 0.3 + 0.7 × 0.4 (0.5 would not tell u < p from u > p)
    [InlineData("none", 0.9, 0.9, 0.0)]
    public void NearShoreInterceptionStopsTheDoctrinesShareOfBoats(string doctrine, double shallow, double full, double expected)
    {
        // With vessels that are free again at once, the share stopped is the shallow-water effectiveness,
        // plus under the full doctrine the full effectiveness of the rest. SE ≤ 0.0035; tolerance 4 SE.
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", doctrine),
            ("french.maritime.shallow_water_effectiveness_probability", shallow), ("french.maritime.full_effectiveness_probability", full),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 0.0), ("demand.give_up_probability", 0.0)]));
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        int stopped = 0;
        for (int i = 0; i < Boats; i++)
        {
            int k = world.AddBoat(i, 30);
            world.Ctx.Boats[k].Unsettled = 30;
            outcomes.PutToSea(30);
            if (interception.TryInterceptNearShore(k, 1))
            {
                stopped++;
                Assert.Equal(BoatState.InterceptedFr, world.Ctx.Boats[k].State);
            }
        }
        double se = Math.Sqrt(expected * (1 - expected) / Boats);
        Assert.InRange(stopped / (double)Boats, expected - 4 * se - 1e-12, expected + 4 * se + 1e-12);
        Assert.Equal(stopped * 30.0, world.Tallied()[Metric.InterceptedAtSeaFr]);
        Assert.Equal((Boats - stopped) * 30L, outcomes.PeopleAtSea);
    }

    [Theory]
    [InlineData("shallow_water")]
    [InlineData("full")]
    public void ACapsizeDuringAnInterceptionPutsALoadedBoatsPeopleInTheWater(string doctrine)
    {
        // Every intervention of the doctrine (the shallow-water one, or the full doctrine's own at sea with the
        // shallow-water one never succeeding) capsizes the boat, everyone goes in the water and everyone in the
        // water dies: each stopped boat of 30 loses all 30 (deaths by interception), and its boat is still
        // counted as intercepted with nobody left to go back to the coast.
        bool full = doctrine == "full";
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", doctrine),
            ("french.maritime.shallow_water_effectiveness_probability", full ? 0.0 : 1.0), ("french.maritime.shallow_water_capsize_probability", 1.0),
            ("french.maritime.full_effectiveness_probability", 1.0), ("french.maritime.full_capsize_probability", 1.0),
            ("french.maritime.fatality_given_capsize_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 0.0)]));
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        for (int i = 0; i < 10; i++)
        {
            int k = world.AddBoat(i, 30);
            world.Ctx.Boats[k].Unsettled = 30;
            outcomes.PutToSea(30);
            Assert.True(interception.TryInterceptNearShore(k, 1));
            Assert.Equal(0, world.Ctx.Boats[k].Load);
        }
        Assert.Equal(300, world.Tallied()[Metric.DeathsInterception]);
        Assert.Equal(0, outcomes.PeopleAtSea);
    }

    [Theory]
    [InlineData("shallow_water")]
    [InlineData("full")]
    public void ABusyFleetLetsTheBoatGoOn(string doctrine)
    {
        // One vessel busy for 3 hours and a clock standing still: only the first boat can be stopped, by the
        // shallow-water intervention or by the full doctrine's own (the shallow-water one never succeeding).
        bool full = doctrine == "full";
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", doctrine),
            ("french.maritime.shallow_water_effectiveness_probability", full ? 0.0 : 1.0), ("french.maritime.full_effectiveness_probability", 1.0),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 3.0)]));
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        Assert.True(interception.TryInterceptNearShore(world.AddBoat(0, 20), 1));
        for (int i = 1; i < 20; i++) Assert.False(interception.TryInterceptNearShore(world.AddBoat(i, 20), 1));
    }
}
