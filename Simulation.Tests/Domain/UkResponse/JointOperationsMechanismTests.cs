using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Domain.UkResponse;

/// <summary>
/// Joint-operations ships in a hand-built world: boats placed in UK waters, no Border Force and no
/// RNLI (so a free ship always takes the boat), no hazard, nobody lands on a beach. A ship on station
/// 6 nm away at 12 kn is on scene after 0.5 h, stays 1 h and is in port 15 / 12 = 1.25 h later, then
/// needs 3 h before it is free again. People go to a French port unless a medical emergency or the
/// sea prevents it.
/// </summary>
public class JointOperationsMechanismTests
{
    private const double Eps = 1e-9;

    private static ParameterSet World(params (string, object)[] changes) => TestParameters.With(
        TestParameters.With(TestParameters.Short(3, TestParameters.NoHazards)),
        [("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0), ("uk.rnli.nearest_asset_share", 0.0),
        ("uk.response.self_land_probability_when_busy", 0.0), ("uk.response.max_wait_hours", 48.0),
        ("uk.joint_operations.ships", 1), ("uk.joint_operations.station_distance_nm", 6.0), ("uk.joint_operations.speed_knots", 12.0),
        ("uk.joint_operations.on_scene_hours", 1.0), ("uk.joint_operations.port_distance_nm", 15.0),
        ("uk.joint_operations.turnaround_hours", 3.0), ("uk.joint_operations.capacity_people", 400),
        ("uk.windspire.medical_emergency_probability", 0.0), ("uk.windspire.max_wave_height_m", 10.0), .. changes]);

    private static (ReplicationResult Result, List<(double Hours, string Entity, string Event, string Outcome)> Trace) Place(ParameterSet p,
        params ChannelModel.PlacedBoat[] boats)
    {
        var model = new ChannelModel(p);
        var trace = new Trace();
        model.Trace = trace;
        var result = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, result, boats);
        return (result, trace.Rows);
    }

    [Fact]
    public void OneShipTakesOneBoatAtATimeAndTheNextWhenItIsFreeAgain()
    {
        var (r, trace) = Place(World(), new ChannelModel.PlacedBoat(1.0, 30), new ChannelModel.PlacedBoat(1.1, 20));
        var tasked = trace.Where(t => t.Event == "tasked_joint_operations").ToList();
        Assert.Equal(2, tasked.Count);
        Assert.Equal(1.0, tasked[0].Hours, Eps);
        // Free again at 1 + 0.5 + 1 + 1.25 + 3 = 6.75 h, when it takes the boat still waiting.
        var free = trace.Where(t => t.Event == "vessel_free" && t.Outcome == "joint_operations").ToList();
        Assert.Equal(2, free.Count);
        Assert.Equal(6.75, free[0].Hours, Eps);
        Assert.Equal(6.75, tasked[1].Hours, Eps);
        Assert.Equal(6.75 + 5.75, free[1].Hours, Eps);
        // Everyone was picked up by the ship and, with no emergency and a calm enough sea, taken to France.
        Assert.Equal(50, r[Metric.RescuedUk]);
        Assert.Equal(50, r[Metric.ReturnedWindspire]);
        Assert.Equal(0, r[Metric.ArrivalsUk]);
        Assert.All(trace.Where(t => t.Event == "picked_up"), t => Assert.Equal("to_french_port", t.Outcome));
        Assert.Equal(0, r[Metric.PeopleAtSeaEnd]);
    }

    [Fact]
    public void TwoShipsTakeTwoBoatsAtOnce()
    {
        var (_, trace) = Place(World(("uk.joint_operations.ships", 2)), new ChannelModel.PlacedBoat(1.0, 30), new ChannelModel.PlacedBoat(1.1, 20));
        var tasked = trace.Where(t => t.Event == "tasked_joint_operations").Select(t => t.Hours).ToList();
        Assert.Equal([1.0, 1.1], tasked.Select(h => Math.Round(h, 9)));
    }

    [Theory]
    [InlineData(1.0, 10.0)]   // a medical emergency on every boat
    [InlineData(0.0, 0.0)]    // a sea too rough for any return
    public void AnEmergencyOrARoughSeaSendsThePeopleToTheUk(double medical, double maxWave)
    {
        var (r, trace) = Place(World(("uk.windspire.medical_emergency_probability", medical), ("uk.windspire.max_wave_height_m", maxWave)),
            new ChannelModel.PlacedBoat(1.0, 30), new ChannelModel.PlacedBoat(20.0, 25));
        Assert.Equal(55, r[Metric.RescuedUk]);
        Assert.Equal(0, r[Metric.ReturnedWindspire]);
        Assert.Equal(55, r[Metric.ArrivalsUk]);
        Assert.All(trace.Where(t => t.Event == "picked_up"), t => Assert.Equal("to_uk_port", t.Outcome));
    }

    [Fact]
    public void InFrenchWatersAShipNearerThanTheFrenchTakesTheBoat()
    {
        // A ship 0 nm away is on scene at once, before any French asset: it takes every boat in distress in
        // French waters; nobody refuses help (refusal 0). With the ship 100 nm away (8.3 h) the French are nearer.
        var near = World(("uk.joint_operations.station_distance_nm", 0.0), ("uk.joint_operations.ships", 20), ("french.rescue.refuse_help_probability", 0.0));
        var (r, _) = Place(near, new ChannelModel.PlacedBoat(1.0, 30, DistressInFrenchWaters: true), new ChannelModel.PlacedBoat(2.0, 30, DistressInFrenchWaters: true));
        Assert.Equal(60, r[Metric.RescuedUk]);
        Assert.Equal(0, r[Metric.RescuedFr]);
        var far = World(("uk.joint_operations.station_distance_nm", 100.0), ("french.rescue.refuse_help_probability", 0.0),
            ("french.rescue.response_hours_mean", 0.1));
        var (rf, _) = Place(far, new ChannelModel.PlacedBoat(1.0, 30, DistressInFrenchWaters: true));
        Assert.Equal(30, rf[Metric.RescuedFr]);
        Assert.Equal(0, rf[Metric.RescuedUk]);
    }

    [Fact]
    public void AShipsRescueInFrenchWatersIsNotAWaitInUkWaters()
    {
        // One ship, no other vessel. Boat 0 in distress in French waters is taken by the ship at once; boat 1
        // enters UK waters just after, finds nothing free and waits for the ship. Only boat 1 waited in UK
        // waters: the share of waits that found no vessel free is 1 and the mean wait is boat 1's own.
        var p = World(("uk.joint_operations.ships", 1), ("uk.joint_operations.station_distance_nm", 0.0),
            ("french.rescue.refuse_help_probability", 0.0), ("french.rescue.response_hours_mean", 24.0),
            ("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0), ("uk.response.self_land_probability_when_busy", 0.0),
            ("uk.response.max_wait_hours", 48.0));
        var trace = PlaceRecorded(p, [new ChannelModel.PlacedBoat(1.0, 30, DistressInFrenchWaters: true), new ChannelModel.PlacedBoat(1.1, 30)], out var r);
        Assert.Contains(trace.ForBoat(0), row => row.Event == "tasked_joint_operations");
        double entered = trace.Rows.Find(row => row.Entity == "boat-1" && row.Event == "entered_uk_waters").Hours;
        double pickedUp = trace.Rows.Find(row => row.Entity == "boat-1" && row.Event == "picked_up").Hours;
        Assert.True(pickedUp - entered > 1, $"boat 1 should have waited for the ship (picked up {pickedUp - entered} h after entering)");
        Assert.Equal(1.0, r[Metric.BoatsWaitedShare]);
        Assert.Equal(pickedUp - entered, r[Metric.MeanWaitForRescueHours], 9);
    }

    [Fact]
    public void AShipThatFindsNoSurvivorsGoesBackToItsStation()
    {
        // One ship (6 nm at 12 kn: 0.5 h from its station). Boat 0 takes it at once; boat 1 waits with a waiting
        // hazard of 10 an hour, capsizes and everyone in the water dies. The ship reaches boat 1 with nobody
        // left, and is free again when it is back on station, 0.5 h later.
        var p = World(("uk.response.waiting_hazard_per_hour", 10.0), ("harm.capsize_given_distress_probability", 1.0),
            ("harm.crowding_level_people", 300), ("harm.share_in_water_given_capsize", 1.0),
            ("harm.drowning_probability_in_water", 1.0), ("harm.hypothermia_rate_per_hour", 1000.0));
        var trace = PlaceRecorded(p, [new ChannelModel.PlacedBoat(1.0, 30), new ChannelModel.PlacedBoat(1.1, 40)], out var r);
        if (r[Metric.Deaths] != 40) Assert.Fail($"boat 1 should have capsized with everyone dead ({r[Metric.Deaths]} deaths): pick another seed");
        var boat1 = trace.Rows.FindAll(row => row.Entity == "boat-1");
        var onScene = boat1.Find(row => row.Event == "vessel_on_scene");
        Assert.Equal(("no_survivors", 0), (onScene.Outcome, onScene.People));
        Assert.True(onScene.Hours > 1.6, $"boat 1 should have waited for the ship (on scene at {onScene.Hours} h)");
        Assert.Equal(onScene.Hours + 0.5, boat1.Find(row => row.Event == "vessel_free").Hours, 9);
        Assert.Equal(30, r[Metric.RescuedUk]);
        Assert.Equal(0, r[Metric.PeopleAtSeaEnd]);
    }

    [Fact]
    public void AWaitingListLongerThanItsFirstAllocationKeepsItsOrder()
    {
        // 300 boats reach UK waters 3.6 s apart with 20 ships and no other vessel: after the first 20 the
        // others wait (the list starts with room for 256 and must grow), and the ships, each free again
        // 0.5 + 0.1 + 1 / 12 h after its tasking, take them strictly in the order they arrived.
        var boats = new ChannelModel.PlacedBoat[300];
        for (int i = 0; i < boats.Length; i++) boats[i] = new ChannelModel.PlacedBoat(1.0 + i * 0.001, 10);
        var p = TestParameters.With(World(), ("uk.joint_operations.ships", 20), ("uk.joint_operations.on_scene_hours", 0.1),
            ("uk.joint_operations.port_distance_nm", 1.0), ("uk.joint_operations.turnaround_hours", 0.0));
        var (r, trace) = Place(p, boats);
        var order = trace.Where(t => t.Event == "tasked_joint_operations").Select(t => t.Entity).ToList();
        Assert.Equal(300, order.Count);
        for (int i = 0; i < order.Count; i++) Assert.Equal("boat-" + i, order[i]);
        Assert.Equal(3000, r[Metric.RescuedUk]);
    }

    private static RecordingTrace PlaceRecorded(ParameterSet p, ChannelModel.PlacedBoat[] boats, out ReplicationResult result)
    {
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        result = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, result, boats);
        return trace;
    }

    [Fact]
    public void AFreeShipTakesABoatAtOnceAndItNeverWaits()
    {
        // The ship is free: boat 0 is tasked on entering UK waters, never joins the waiting list, is picked up
        // 0.5 h later, taken to a French port and landed there; the ship is free again after its turnaround.
        var trace = PlaceRecorded(World(), [new ChannelModel.PlacedBoat(1.0, 30)], out var r);
        Assert.Equal([("entered_uk_waters", 30, "requests_uk_vessel"), ("tasked_joint_operations", 30, "ship_en_route"),
            ("picked_up", 30, "to_french_port"), ("returned_windspire", 30, "back_to_camp"), ("vessel_free", 0, "joint_operations")],
            trace.ForBoat(0));
        Assert.Equal(0, r[Metric.BoatsWaitedShare]);
        Assert.Equal(0.5, r[Metric.MeanWaitForRescueHours], 9);
    }

    [Theory]
    [InlineData(15.0, 18.0, 1, "tasked_joint_operations")]   // as near as Border Force: the ship
    [InlineData(15.1, 18.0, 1, "tasked_border_force")]       // farther, Border Force free: Border Force
    [InlineData(15.1, 18.0, 0, "tasked_joint_operations")]   // farther, no Border Force vessel: the ship
    public void InUkWatersAShipTakesTheBoatWhenNoFartherThanBorderForceOrWhenBorderForceIsBusy(
        double stationNm, double speedKnots, int borderForceVessels, string tasked)
    {
        // Border Force at 15 nm and 18 kn (the catalog's values set here); the ship's distance and speed make it
        // exactly as near, or a little farther.
        var p = World(("uk.border_force.vessels", borderForceVessels), ("uk.border_force.response_distance_nm", 15.0),
            ("uk.border_force.speed_knots", 18.0), ("uk.joint_operations.station_distance_nm", stationNm),
            ("uk.joint_operations.speed_knots", speedKnots));
        var trace = PlaceRecorded(p, [new ChannelModel.PlacedBoat(1.0, 30)], out _);
        Assert.Equal(tasked, trace.ForBoat(0)[1].Event);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void InFrenchWatersAShipTakesTheBoatWhenTheFrenchAssetWouldComeLater()
    {
        // The French response time is exponential with mean 1 h; a ship on scene in 0.5 h is nearer with
        // probability e^(−0.5) = 0.6065. Twenty ships free again 0.5 h after tasking and boats 0.05 h apart, so
        // a ship is always free. 20,000 boats: SE 0.0035; a 5% error in the French mean moves the share by
        // 0.0146 (4.2 SE). Tolerance 4 SE.
        var p = World(("uk.joint_operations.ships", 20), ("uk.joint_operations.on_scene_hours", 0.0), ("uk.joint_operations.port_distance_nm", 0.0),
            ("uk.joint_operations.turnaround_hours", 0.0), ("french.rescue.refuse_help_probability", 0.0), ("french.rescue.response_hours_mean", 1.0),
            ("calendar.horizon_days", 45));
        const int n = 20_000;
        var boats = new ChannelModel.PlacedBoat[n];
        for (int i = 0; i < n; i++) boats[i] = new ChannelModel.PlacedBoat(1.0 + i * 0.05, 10, DistressInFrenchWaters: true);
        var trace = PlaceRecorded(p, boats, out _);
        int byShip = 0;
        foreach (var row in trace.Rows)
            if (row.Event == "tasked_joint_operations") byShip++;
        double expected = Math.Exp(-0.5), se = Math.Sqrt(expected * (1 - expected) / n);
        Assert.InRange(byShip / (double)n, expected - 4 * se, expected + 4 * se);
    }

    private sealed class Trace : IEventTrace
    {
        public List<(double Hours, string Entity, string Event, string Outcome)> Rows { get; } = new();
        public void Record(double timeHours, string entity, string eventName, int people, string outcome) => Rows.Add((timeHours, entity, eventName, outcome));
    }
}
