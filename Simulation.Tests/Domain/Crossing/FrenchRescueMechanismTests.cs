using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Crossing;

/// <summary>
/// French rescue in a hand-built world: only boats placed in distress in French waters, no launches,
/// no hazard, no capsize. A boat in distress is rescued by the French and its people go back to the
/// coast, unless its people refuse help (probability r): then it is escorted to the median line and
/// its people are picked up in UK waters.
/// </summary>
public class FrenchRescueMechanismTests
{
    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.25)]
    [InlineData(0.6)]
    public void TheFrenchRescueEveryBoatWhosePeopleDoNotRefuseHelp(double refuse)
    {
        // 10,000 boats of 30 spread over 20 days: the share of boats rescued by the French is 1 − r, with SE
        // √(r(1 − r) / 10,000) ≤ 0.0049, so a 5% error in the share (0.02 at r = 0.6) is at least 4.1 SE away.
        // Tolerance 4 SE.
        const int boats = 10_000, load = 30;
        var p = TestParameters.With(TestParameters.With(TestParameters.Short(21, TestParameters.NoHazards)),
            ("french.rescue.refuse_help_probability", refuse), ("harm.capsize_given_distress_probability", 0.0),
            ("uk.windspire.return_probability", 0.0), ("uk.windspire.operate_in_french_waters", false),
            ("uk.response.self_land_probability_when_busy", 0.0));
        var placed = new ChannelModel.PlacedBoat[boats];
        for (int i = 0; i < boats; i++) placed[i] = new ChannelModel.PlacedBoat(i * 0.048, load, DistressInFrenchWaters: true);
        var model = new ChannelModel(p);
        var r = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, r, placed);

        double rescuedFr = r[Metric.RescuedFr] / load;
        double se = Math.Sqrt(refuse * (1 - refuse) / boats);
        Assert.InRange(rescuedFr / boats, 1 - refuse - 4 * se, 1 - refuse + 4 * se);
        // The others crossed the median line and landed in the UK: nobody is lost or left at sea.
        Assert.Equal(boats * (double)load, r[Metric.RescuedFr] + r[Metric.ArrivalsUk]);
        Assert.Equal(0, r[Metric.Deaths]);
        Assert.Equal(0, r[Metric.PeopleAtSeaEnd]);
    }
}
