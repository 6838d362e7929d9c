using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Enforcement;

/// <summary>
/// French interception of a taxi-boat before anyone boards (MODEL.md, maritime interception): which
/// doctrines act, the share stopped, and a capsize of the empty boat, which the people waiting on the
/// beach survive. Vessels are free again at once, so the fleet never binds.
/// </summary>
public class MaritimeInterceptionMechanismTests
{
    private const int Boats = 20_000;

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData("before_boarding", 0.35, 0.35)]
    [InlineData("full", 0.35, 0.35)]
    [InlineData("shallow_water", 0.9, 0.0)]
    [InlineData("none", 0.9, 0.0)]
    public void OnlyTheBeforeBoardingAndFullDoctrinesStopTaxiBoatsBeforeBoarding(string doctrine, double effectiveness, double expected)
    {
        // SE √(0.35 × 0.65 / 20,000) = 0.0034; a 5% error (0.0175) is 5.2 SE. Tolerance 4 SE.
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", doctrine),
            ("french.maritime.before_boarding_effectiveness_probability", effectiveness), ("french.maritime.before_boarding_capsize_probability", 0.0),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 0.0)]));
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        int stopped = 0;
        for (int i = 0; i < Boats; i++)
        {
            int k = world.AddBoat(i, 25);
            world.Ctx.Boats[k].Unsettled = 25;
            world.Ctx.Boats[k].Taxi = true;
            outcomes.PutToSea(25);
            if (interception.TryStopBeforeBoarding(k))
            {
                stopped++;
                Assert.Equal(BoatState.InterceptedFr, world.Ctx.Boats[k].State);
            }
        }
        double se = Math.Sqrt(expected * (1 - expected) / Boats);
        Assert.InRange(stopped / (double)Boats, expected - 4 * se - 1e-12, expected + 4 * se + 1e-12);
        Assert.Equal(stopped * 25.0, world.Tallied()[Metric.InterceptedAtSeaFr]);
        Assert.Equal((Boats - stopped) * 25L, outcomes.PeopleAtSea);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void AnEmptyTaxiBoatCapsizesWithTheBeforeBoardingProbabilityAndNoPassengerDies()
    {
        // Every taxi-boat is stopped; a share 0.3 of the stops capsizes the empty boat. Death is certain for
        // anyone in the water, yet only the crew is aboard: nobody the model follows dies, and the 25 people
        // each boat was to pick up go back to the camps. SE √(0.3 × 0.7 / 20,000) = 0.0032; 5% is 4.6 SE.
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", "before_boarding"),
            ("french.maritime.before_boarding_effectiveness_probability", 1.0), ("french.maritime.before_boarding_capsize_probability", 0.3),
            ("french.maritime.fatality_given_capsize_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 0.0)]));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        int capsized = 0;
        for (int i = 0; i < Boats; i++)
        {
            int k = world.AddBoat(i, 25);
            world.Ctx.Boats[k].Unsettled = 25;
            world.Ctx.Boats[k].Taxi = true;
            outcomes.PutToSea(25);
            trace.Rows.Clear();   // keeps ForBoat's scan to this boat's rows
            Assert.True(interception.TryStopBeforeBoarding(k));
            var events = trace.ForBoat(k);
            if (events.Count == 2)
            {
                capsized++;
                Assert.Equal(("interception_capsize", 0, "deaths_interception"), events[0]);
            }
            Assert.Equal(("intercepted_fr", 25, "back_to_camp"), events[^1]);
        }
        double se = Math.Sqrt(0.3 * 0.7 / Boats);
        Assert.InRange(capsized / (double)Boats, 0.3 - 4 * se, 0.3 + 4 * se);
        var r = world.Tallied();
        Assert.Equal(0, r[Metric.Deaths]);
        Assert.Equal(25.0 * Boats, r[Metric.InterceptedAtSeaFr]);
        Assert.Equal(0, outcomes.PeopleAtSea);
    }

    [Fact]
    public void ABusyFleetTracesTheBoatThatGoesOnAndCountsItsNightOnce()
    {
        // One vessel busy for 3 hours and the clock standing still: the first taxi-boat is stopped, the next
        // four find no vessel free, go on, and the night is counted once as a night the fleet was short.
        var world = new MechanismWorld(TestParameters.Short(10, [.. TestParameters.NoHazards, ("french.maritime.doctrine", "before_boarding"),
            ("french.maritime.before_boarding_effectiveness_probability", 1.0), ("french.maritime.before_boarding_capsize_probability", 0.0),
            ("french.maritime.vessels", 1), ("french.maritime.interception_hours", 3.0)]));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        var (_, outcomes, harm) = world.Outcomes();
        var interception = new MaritimeInterception(world.Ctx, harm, outcomes);
        interception.Reset();
        Assert.True(interception.TryStopBeforeBoarding(world.AddBoat(0, 20)));
        for (int i = 1; i < 5; i++)
        {
            int k = world.AddBoat(i, 20);
            Assert.False(interception.TryStopBeforeBoarding(k));
            Assert.Equal([("french_vessels_busy", 20, "goes_on")], trace.ForBoat(k));
        }
        Assert.Equal(1, world.Tallied()[Metric.DaysFrenchVesselsBinding]);
    }
}
