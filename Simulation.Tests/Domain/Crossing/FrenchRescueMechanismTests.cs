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

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.6)]
    [InlineData(1.2)]
    public void ABoatEscortedToTheMedianLineRunsItsHazardAfreshFromTheLine(double hazardPerHour)
    {
        // Everyone refuses help: each boat, in distress 2 h short of the median line, is escorted there, enters UK
        // waters and gets a Border Force vessel at once (a hundred of them, 15 nm at 18 kn: on scene 0.833 h later).
        // Its distress hazard h (an engine failure rate) runs afresh from the line, so the vessel finds it in
        // distress again with probability 1 − e^(−0.833h): 0.393 at h = 0.6, 0.632 at h = 1.2 (a hazard run from
        // the first distress instead would give 0.817 and 0.967). Nobody capsizes, so each renewed distress is a
        // trace row. 20,000 boats: SE ≤ 0.0035; a 5% error in h moves the share by at least 0.015 (4.4 SE).
        // Tolerance 4 SE.
        const int boats = 20_000;
        var p = TestParameters.With(TestParameters.With(TestParameters.Short(215, TestParameters.NoHazards)),
            ("french.rescue.refuse_help_probability", 1.0), ("harm.capsize_given_distress_probability", 0.0),
            ("crossing.engine_failure_rate_per_hour", hazardPerHour),
            ("uk.windspire.return_probability", 0.0), ("uk.windspire.operate_in_french_waters", false),
            ("uk.border_force.vessels", 100), ("uk.rnli.lifeboats", 0), ("uk.border_force.response_distance_nm", 15.0),
            ("uk.border_force.speed_knots", 18.0));
        var placed = new ChannelModel.PlacedBoat[boats];
        for (int i = 0; i < boats; i++) placed[i] = new ChannelModel.PlacedBoat(1.0 + i * 0.25, 30, DistressInFrenchWaters: true, MedianLineAfterHours: 2.0);
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        var r = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, r, placed);

        int entered = 0, againInDistress = 0;
        foreach (var row in trace.Rows)
        {
            if (row.Event == "entered_uk_waters")
            {
                int i = int.Parse(row.Entity.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(1.0 + i * 0.25 + 2.0, row.Hours, 9);
                entered++;
            }
            else if (row.Event == "distress" && row.Outcome == "uk_waters") againInDistress++;
        }
        Assert.Equal(boats, entered);
        double expected = 1 - Math.Exp(-hazardPerHour * 15.0 / 18.0);
        double se = Math.Sqrt(expected * (1 - expected) / boats);
        Assert.InRange(againInDistress / (double)boats, expected - 4 * se, expected + 4 * se);
        Assert.Equal(30.0 * boats, r[Metric.ArrivalsUk]);
    }

    [Fact]
    public void ABoatWhosePeopleAllDieInItsCapsizeInFrenchWatersIsLostAndRescuedByNobody()
    {
        // Every distress capsizes the boat (the capped 0.95), everyone goes into the water, and whoever does not
        // drown is likely to die of cold waiting for a French asset a day away on average. A boat with nobody
        // left has no French rescue and no further row (the survivors of a capsize are rescued; the boats that
        // stay afloat refuse help and are escorted to the median line). 40 boats.
        var p = TestParameters.With(TestParameters.With(TestParameters.Short(3, TestParameters.NoHazards)),
            ("french.rescue.refuse_help_probability", 1.0), ("french.rescue.response_hours_mean", 24.0),
            ("harm.capsize_given_distress_probability", 1.0), ("harm.crowding_level_people", 300),
            ("harm.share_in_water_given_capsize", 1.0), ("harm.hypothermia_rate_per_hour", 10.0),
            ("weather.water_temperature_mean_c", 5.0), ("weather.water_temperature_amplitude_c", 0.0),
            ("uk.windspire.operate_in_french_waters", false));
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        var r = new ReplicationResult(model.Days);
        var boats = new ChannelModel.PlacedBoat[40];
        for (int i = 0; i < boats.Length; i++) boats[i] = new ChannelModel.PlacedBoat(1.0 + i * 0.5, 30, DistressInFrenchWaters: true);
        model.RunPlacedBoats(ModelRunner.Seed, r, boats);

        int allDead = 0;
        for (int k = 0; k < boats.Length; k++)
        {
            var rows = trace.ForBoat(k);
            if (!rows.Contains(("capsize", 30, "deaths"))) continue;
            allDead++;
            Assert.Equal([("distress", 30, "french_waters"), ("capsize", 30, "deaths")], rows.FindAll(x => x.Event is not "death"));
        }
        Assert.InRange(allDead, 30, 40);
    }
}
