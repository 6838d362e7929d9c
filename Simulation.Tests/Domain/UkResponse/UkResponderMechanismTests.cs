using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Domain.UkResponse;

/// <summary>
/// The UK responder's rules that the waiting-list tests do not reach: landing alone when no vessel is
/// free, the hazard of drifting while waiting, and what the trace says at each step of a wait. Boats
/// are placed at the edge of UK waters with no underway hazard (MODEL.md, UK response).
/// </summary>
public class UkResponderMechanismTests
{
    private static ParameterSet World(int days, params (string, object)[] changes)
    {
        var p = TestParameters.With(TestParameters.Short(days), TestParameters.NoHazards);
        p = TestParameters.With(p, ("uk.rnli.nearest_asset_share", 0.0), ("uk.windspire.return_probability", 0.0));
        return TestParameters.With(p, changes);
    }

    private static (ReplicationResult Result, RecordingTrace Trace) Place(ParameterSet p, ChannelModel.PlacedBoat[] boats)
    {
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        var result = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, result, boats);
        return (result, trace);
    }

    private static ChannelModel.PlacedBoat[] Boats(int count, double everyHours, int load)
    {
        var boats = new ChannelModel.PlacedBoat[count];
        for (int i = 0; i < count; i++) boats[i] = new ChannelModel.PlacedBoat(i * everyHours, load);
        return boats;
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void ABoatThatFindsNoVesselFreeHeadsForABeachAtOnceWithTheSelfLandProbability(double selfLand)
    {
        // No UK vessel at all: every boat finds none free. With probability p it heads for a beach on
        // entering UK waters, else it waits the maximum wait first. 20,000 boats: SE √(p(1 − p)/n) ≤ 0.0035,
        // a 5% error in p is at least 4.3 SE. Tolerance 4 SE.
        var p = World(3, ("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0), ("uk.response.self_land_probability_when_busy", selfLand));
        double maxWait = p.Number("uk.response.max_wait_hours"), beachRun = p.Number("uk.response.beach_run_hours");
        const int n = 20_000;
        var (r, trace) = Place(p, Boats(n, 0.001, 10));

        int atOnce = 0, afterMaxWait = 0;
        foreach (var row in trace.Rows)
        {
            if (row.Event != "heading_for_beach") continue;
            Assert.Equal("no_vessel", row.Outcome);
            int i = int.Parse(row.Entity.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(row.Hours - i * 0.001) < 1e-9) atOnce++;
            else if (Math.Abs(row.Hours - (i * 0.001 + maxWait)) < 1e-9) afterMaxWait++;
        }
        Assert.Equal(n, atOnce + afterMaxWait);
        double se = Math.Sqrt(selfLand * (1 - selfLand) / n);
        Assert.InRange(atOnce / (double)n, selfLand - 4 * se, selfLand + 4 * se);
        Assert.Equal(n, r[Metric.BoatsSelfLanded]);
        Assert.Equal(10.0 * n, r[Metric.ArrivalsUk]);
        Assert.Equal(1.0, r[Metric.BoatsWaitedShare], 12);
        // Every boat lands the beach-run hours after heading for a beach.
        var headed = new Dictionary<string, double>();
        foreach (var row in trace.Rows)
        {
            if (row.Event == "heading_for_beach") headed[row.Entity] = row.Hours;
            else if (row.Event == "self_landed")
            {
                Assert.Equal(("arrived", 10), (row.Outcome, row.People));
                Assert.Equal(headed[row.Entity] + beachRun, row.Hours, 9);
            }
        }
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.125)]
    [InlineData(0.5)]
    public void DriftingWhileWaitingBringsDistressAtTheWaitingHazardOverTheWaitOnly(double hazardPerHour)
    {
        // No vessel and no self-landing: every boat waits the maximum wait (4 h), then runs for a beach.
        // Distress while waiting comes at rate h over those 4 hours only, so a share 1 − e^(−4h) of the boats
        // are in distress (0.393 at h = 0.125, 0.865 at h = 0.5), and a boat in distress capsizes with the
        // capped probability 0.95 (MODEL.md harm). 20,000 boats: SE ≤ 0.0035; a 5% error in the hazard moves
        // the capsized share by 0.0144 at h = 0.125 (4.2 SE) and 0.0129 at h = 0.5 (4.7 SE). Tolerance 4 SE.
        var p = World(3, ("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0), ("uk.response.self_land_probability_when_busy", 0.0),
            ("uk.response.waiting_hazard_per_hour", hazardPerHour), ("harm.capsize_given_distress_probability", 1.0),
            ("harm.crowding_level_people", 300), ("harm.share_in_water_given_capsize", 1.0), ("harm.drowning_probability_in_water", 1.0));
        double maxWait = p.Number("uk.response.max_wait_hours");
        const int n = 20_000;
        var (r, trace) = Place(p, Boats(n, 0.001, 10));

        int capsized = 0;
        foreach (var row in trace.Rows)
            if (row.Event == "capsize") capsized++;
        double expected = 0.95 * (1 - Math.Exp(-hazardPerHour * maxWait));
        double se = Math.Sqrt(expected * (1 - expected) / n);
        Assert.InRange(capsized / (double)n, expected - 4 * se, expected + 4 * se);
        Assert.Equal(10.0 * n, r[Metric.Deaths] + r[Metric.ArrivalsUk]);
    }

    [Fact]
    public void TheTraceFollowsEachBoatThroughItsWait()
    {
        // One Border Force vessel, one lifeboat, four boats of 60 (the waiting-list test's world):
        // boat 0 gets Border Force at once; boat 1 the lifeboat at its RNLI threshold; boat 2 is still
        // waiting at its threshold and gets the lifeboat when it is back; boat 3 waits the maximum and lands
        // itself. Each row below is what MODEL.md's UK response says happens to that boat, in order.
        var p = World(2, ("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 1), ("uk.response.self_land_probability_when_busy", 0.0));
        var (_, trace) = Place(p, [new(0, 60), new(0.1, 60), new(0.2, 60), new(0.3, 60)]);

        (string, int, string) entered = ("entered_uk_waters", 60, "requests_uk_vessel");
        // The lifeboat's trip with boat 1 ends (landing plus turnaround, 3.39 h) before boat 1's maximum wait
        // (4.1 h); boat 2's maximum wait (4.2 h) falls while the lifeboat has it aboard.
        Assert.Equal([entered, ("tasked_border_force", 60, "vessel_en_route"), ("picked_up", 60, "to_uk_port"), ("landed_uk", 60, "arrived"),
            ("vessel_free", 0, "border_force")], trace.ForBoat(0));
        Assert.Equal([entered, ("tasked_rnli", 60, "vessel_en_route"), ("vessel_granted", 60, "from_waiting_list"), ("picked_up", 60, "to_uk_port"),
            ("landed_uk", 60, "arrived"), ("vessel_free", 0, "rnli"), ("max_wait", 60, "already_served")], trace.ForBoat(1));
        Assert.Equal([entered, ("rnli_threshold", 60, "keeps_waiting"), ("tasked_rnli", 60, "vessel_en_route"), ("vessel_granted", 60, "from_waiting_list"),
            ("picked_up", 60, "to_uk_port"), ("max_wait", 60, "already_served"), ("landed_uk", 60, "arrived"), ("vessel_free", 0, "rnli")], trace.ForBoat(2));
        Assert.Equal([entered, ("rnli_threshold", 60, "keeps_waiting"), ("heading_for_beach", 60, "no_vessel"), ("self_landed", 60, "arrived")],
            trace.ForBoat(3));
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void UkVesselsWorkingInFrenchWatersAnswerTheirShareOfDistressCalls()
    {
        // Under the Windspire rules with UK vessels in French waters, a free Border Force vessel answers a
        // distress in French waters with probability 0.3 (the French asset the rest). A hundred vessels for
        // about six busy at a time keep one free; no boat capsizes, so every boat is rescued by one or the other. 20,000 boats:
        // SE √(0.21 / 20,000) = 0.0032; a 5% error (0.015) is 4.6 SE.
        var p = World(220, ("uk.border_force.vessels", 100), ("uk.rnli.lifeboats", 0), ("uk.windspire.operate_in_french_waters", true),
            ("uk.windspire.french_waters_response_share", 0.3), ("french.rescue.refuse_help_probability", 0.0),
            ("harm.capsize_given_distress_probability", 0.0));
        const int n = 20_000;
        var boats = new ChannelModel.PlacedBoat[n];
        for (int i = 0; i < n; i++) boats[i] = new ChannelModel.PlacedBoat(1.0 + i * 0.25, 10, DistressInFrenchWaters: true);
        var (r, trace) = Place(p, boats);
        int byUk = 0;
        foreach (var row in trace.Rows)
            if (row.Event == "tasked_border_force") byUk++;
        double se = Math.Sqrt(0.3 * 0.7 / n);
        Assert.InRange(byUk / (double)n, 0.3 - 4 * se, 0.3 + 4 * se);
        Assert.Equal(byUk, r[Metric.UkResponsesBorderForce]);
        Assert.Equal(10.0 * (n - byUk), r[Metric.RescuedFr]);
    }

    [Fact]
    public void ABorderForceVesselAnsweringInFrenchWatersTakesTwiceItsUkWatersResponseTime()
    {
        // Border Force at 15 nm and 20 kn is 0.75 h from a boat in UK waters and, by the rule, twice that from a
        // boat in French waters: on scene 1.5 h after its tasking. Every French-waters call is Border Force's.
        var p = World(2, ("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 0), ("uk.windspire.operate_in_french_waters", true),
            ("uk.windspire.french_waters_response_share", 1.0), ("french.rescue.refuse_help_probability", 0.0),
            ("harm.capsize_given_distress_probability", 0.0), ("uk.border_force.response_distance_nm", 15.0),
            ("uk.border_force.speed_knots", 20.0));
        var (_, trace) = Place(p, [new(1.0, 10, DistressInFrenchWaters: true)]);
        var tasked = trace.Rows.Find(row => row.Event == "tasked_border_force");
        var pickedUp = trace.Rows.Find(row => row.Event == "picked_up");
        Assert.Equal(1.0, tasked.Hours, 9);
        Assert.Equal(1.0 + 2 * 0.75, pickedUp.Hours, 9);
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(false)]   // no vessel: the boat waits the maximum wait, runs for a beach and lands there
    [InlineData(true)]    // one Border Force vessel: the boat waits for it while it serves the boat before
    public void ColdDeathsCountTheHoursFromTheDistressToTheVesselOrTheBeach(bool vessel)
    {
        // Boats drift into distress while they wait (hazard 10 an hour, so within minutes of entering UK waters)
        // and capsize when the vessel reaches them or when they land; everyone goes into the water. Those who do
        // not drown die of cold with probability 1 − e^(−a(H − X)), a = 0.2 an hour at 10 °C (coldness 1), H the
        // hours from entering UK waters to the capsize (from the trace) and X ~ Exp(10) the time to distress, so
        // the expected share is 1 − e^(−aH)·10/(10 − a) (the distress falls within the wait but for e^(−40)).
        // Boats enter from hour 10 on, so hours counted from the start of the run instead would be 20 h or more
        // too many. About 1,000 capsized boats of 30: SE √(P(1 − P)/27,000) ≈ 0.003; a 5% error in a moves the
        // share by about 0.018 (6 SE). Tolerance 4 SE.
        const double a = 0.2, hazard = 10.0;
        var p = World(vessel ? 510 : 40, ("uk.border_force.vessels", vessel ? 1 : 0), ("uk.rnli.lifeboats", 0),
            ("uk.response.self_land_probability_when_busy", 0.0), ("uk.response.max_wait_hours", vessel ? 48.0 : 4.0),
            ("uk.border_force.capacity_people", 30), ("uk.response.waiting_hazard_per_hour", hazard),
            ("harm.capsize_given_distress_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("harm.hypothermia_rate_per_hour", a), ("weather.water_temperature_mean_c", 10.0), ("weather.water_temperature_amplitude_c", 0.0));
        // With a vessel, boats come in pairs 12 h apart (the vessel is free again about 9.3 h after the first): the first takes the free vessel at once (it never waits, so
        // no waiting hazard), the second waits for it. Without, every boat waits.
        const int n = 1000;
        var boats = new ChannelModel.PlacedBoat[vessel ? 2 * n : n];
        for (int i = 0; i < n; i++)
        {
            if (vessel)
            {
                boats[2 * i] = new ChannelModel.PlacedBoat(10.0 + 12.0 * i, 30);
                boats[2 * i + 1] = new ChannelModel.PlacedBoat(10.1 + 12.0 * i, 30);
            }
            else boats[i] = new ChannelModel.PlacedBoat(10.0 + 0.5 * i, 30);
        }
        var (r, trace) = Place(p, boats);

        var entered = new Dictionary<string, double>();
        double hours = double.NaN;
        int capsized = 0;
        foreach (var row in trace.Rows)
        {
            if (row.Event == "entered_uk_waters") entered[row.Entity] = row.Hours;
            else if (row.Event == "capsize")
            {
                double h = row.Hours - entered[row.Entity];
                if (capsized == 0) hours = h;
                Assert.Equal(hours, h, 9);   // every boat waits as long, so one share holds for all
                capsized++;
            }
        }
        Assert.InRange(capsized, 900, n);
        double inWaterNotDrowned = 30.0 * capsized - r[Metric.DeathsDrowning];
        double expected = 1 - Math.Exp(-a * hours) * hazard / (hazard - a);
        double share = r[Metric.DeathsHypothermia] / inWaterNotDrowned;
        double se = Math.Sqrt(expected * (1 - expected) / inWaterNotDrowned);
        Assert.InRange(share, expected - 4 * se, expected + 4 * se);
    }

    [Theory]
    [InlineData(30)]    // no room for a second boat: the vessel goes back to station from the lost boat
    [InlineData(100)]   // room for boat 1 as well: the vessel lands boat 0's people, then turns around
    public void AVesselThatFindsNoSurvivorsGoesBackOrLandsThePeopleItCarries(int capacity)
    {
        // One Border Force vessel (15 nm at 18 kn: 0.833 h each way, transfer 1 h, turnaround 2 h) takes boat 0
        // (30 people) at once. Boat 1 (40) waits with a waiting hazard of 10 an hour; its distress capsizes it and
        // everyone in the water dies (drowning or cold). With capacity 30 boat 1 waits until the vessel is free
        // (4.667 h) and is reached at 5.5 h; with capacity 100 the vessel sails on to it after boat 0's transfer and
        // reaches it at 2.667 h. Either way nobody is left alive: with nothing aboard the vessel returns to station
        // (0.833 h); carrying boat 0's people it lands them first (0.833 h) and then turns around (2 h).
        var p = World(2, ("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 0), ("uk.response.self_land_probability_when_busy", 0.0),
            ("uk.response.max_wait_hours", 48.0), ("uk.border_force.capacity_people", capacity), ("uk.border_force.response_distance_nm", 15.0),
            ("uk.border_force.return_distance_nm", 15.0), ("uk.border_force.speed_knots", 18.0), ("uk.border_force.transfer_hours", 1.0),
            ("uk.border_force.turnaround_hours", 2.0), ("uk.response.waiting_hazard_per_hour", 10.0),
            ("harm.capsize_given_distress_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("harm.drowning_probability_in_water", 1.0), ("harm.hypothermia_rate_per_hour", 1000.0));
        var (r, trace) = Place(p, [new(0, 30), new(0.1, 40)]);

        double leg = 15.0 / 18.0;
        var boat1 = trace.Rows.FindAll(row => row.Entity == "boat-1");
        var onScene = boat1.Find(row => row.Event == "vessel_on_scene");
        Assert.Equal(("no_survivors", 0), (onScene.Outcome, onScene.People));
        Assert.Equal(40, r[Metric.Deaths]);
        if (capacity == 30)
        {
            Assert.Equal(leg + 1 + leg + 2 + leg, onScene.Hours, 9);
            var free = boat1.Find(row => row.Event == "vessel_free");
            Assert.Equal(onScene.Hours + leg, free.Hours, 9);
            Assert.Equal(leg + 1 + leg, trace.Rows.Find(row => row.Entity == "boat-0" && row.Event == "landed_uk").Hours, 9);
        }
        else
        {
            Assert.Equal(leg + 1 + leg, onScene.Hours, 9);
            Assert.Equal(onScene.Hours + leg, trace.Rows.Find(row => row.Entity == "boat-0" && row.Event == "landed_uk").Hours, 9);
            Assert.Equal(onScene.Hours + leg + 2, boat1.Find(row => row.Event == "vessel_free").Hours, 9);
        }
        Assert.Equal(30, r[Metric.ArrivalsUk]);
        Assert.Equal(0, r[Metric.PeopleAtSeaEnd]);
    }

    [Fact]
    public void AVesselStillBusyAtTheEndOfTheRunCountsItsBusyHoursToTheEnd()
    {
        // One Border Force vessel, two days: a boat at hour 47 keeps it busy past the end of the run, so the
        // utilisation is the last hour of the 48 on duty.
        var p = World(2, ("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 0));
        var (r, _) = Place(p, [new(47.0, 30)]);
        Assert.Equal(1.0 / 48, r[Metric.UkVesselUtilisation], 9);
    }

    [Theory]
    [InlineData(20, false)]   // boat 1 fits and has waited the threshold: taken as a second boat
    [InlineData(200, true)]   // boat 1 does not fit; boat 2 fits but has not waited the threshold: neither
    public void ALifeboatWithRoomTakesASecondBoatOnlyIfItHasWaitedTheRnliThreshold(int boat1Load, bool boat2Placed)
    {
        // No Border Force, one lifeboat for 100 (10 nm at 17 kn: 0.588 h), threshold 0.5 h. Boat 0 (40) waits
        // and gets the lifeboat at 0.5 h, on scene at 1.088 h; boats entered by 1.088 − 0.5 = 0.588 h qualify.
        // Boat 1 entered at 0.3 h; boat 2 at 0.9 h.
        var p = World(2, ("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 1), ("uk.rnli.capacity_people", 100),
            ("uk.rnli.response_distance_nm", 10.0), ("uk.rnli.speed_knots", 17.0), ("uk.rnli.wait_threshold_hours", 0.5),
            ("uk.response.self_land_probability_when_busy", 0.0), ("uk.response.max_wait_hours", 48.0));
        ChannelModel.PlacedBoat[] boats = boat2Placed ? [new(0, 40), new(0.3, boat1Load), new(0.9, 20)] : [new(0, 40), new(0.3, boat1Load)];
        var (_, trace) = Place(p, boats);

        var second = trace.Rows.FindAll(row => row.Outcome == "second_pickup");
        if (boat2Placed)
        {
            Assert.Empty(second);
        }
        else
        {
            var row = Assert.Single(second);
            Assert.Equal(("boat-1", "tasked_rnli", 20), (row.Entity, row.Event, row.People));
            Assert.Equal(0.5 + 10.0 / 17.0, row.Hours, 9);
        }
    }
}
