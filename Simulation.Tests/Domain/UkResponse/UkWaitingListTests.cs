using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.UkResponse;

namespace Simulation.Tests.Domain.UkResponse;

/// <summary>
/// Hand-built worlds of a few boats placed at the edge of UK waters, no hazards, no self-landing
/// before the maximum wait and no RNLI-nearest tasking, so every time below follows from the
/// catalog's vessel distances, speeds and handling times.
/// </summary>
public class UkWaitingListTests
{
    private const double Eps = 1e-9;

    private static ParameterSet World(params (string, object)[] changes)
    {
        var p = TestParameters.With(TestParameters.Short(2), TestParameters.NoHazards);
        p = TestParameters.With(p, ("uk.response.self_land_probability_when_busy", 0.0), ("uk.rnli.nearest_asset_share", 0.0),
            ("uk.windspire.return_probability", 0.0));
        return TestParameters.With(p, changes);
    }

    private static (ReplicationResult Result, Trace Trace) Place(ParameterSet p, params ChannelModel.PlacedBoat[] boats)
    {
        var model = new ChannelModel(p);
        var trace = new Trace();
        model.Trace = trace;
        var result = new ReplicationResult(model.Days);
        model.RunPlacedBoats(ModelRunner.Seed, result, boats);
        return (result, trace);
    }

    private static ChannelModel.PlacedBoat At(double hours, int load) => new(hours, load);

    // Hours of one trip of each service, from the catalog values in force.
    private static (double Response, double Transfer, double Return, double Turnaround) Trip(ParameterSet p, bool borderForce)
    {
        var v = borderForce ? UkResponseParameters.From(p).BorderForce : UkResponseParameters.From(p).Rnli;
        return (v.ResponseHours, v.TransferHours, v.ReturnHours, v.TurnaroundHours);
    }

    [Fact]
    public void OnABusyNightAFreedLifeboatServesTheBoatStillWaiting()
    {
        // The traced night: three Border Force vessels busy, two lifeboats free, three boats arrive.
        // The lifeboats take two at the RNLI threshold; the first lifeboat back takes the third,
        // before its maximum wait and before any Border Force vessel is free: nobody lands alone.
        var p = World(("uk.border_force.vessels", 3), ("uk.rnli.lifeboats", 2));
        var bf = Trip(p, true);
        var rnli = Trip(p, false);
        double threshold = p.Number("uk.rnli.wait_threshold_hours"), maxWait = p.Number("uk.response.max_wait_hours");
        double bfFree = bf.Response + bf.Transfer + bf.Return + bf.Turnaround;
        double lifeboatFree = 0.1 + threshold + rnli.Response + rnli.Transfer + rnli.Return + rnli.Turnaround;
        Assert.True(lifeboatFree < 0.1 + maxWait && 0.1 + maxWait < bfFree, "the world no longer separates the rules");

        var (r, trace) = Place(p, At(0, 60), At(0, 60), At(0, 60), At(0.1, 60), At(0.1, 60), At(0.1, 60));

        Assert.Equal(0, r[Metric.BoatsSelfLanded]);
        Assert.Equal(3, r[Metric.UkResponsesBorderForce]);
        Assert.Equal(3, r[Metric.UkResponsesRnli]);
        Assert.Equal(360, r[Metric.ArrivalsUk]);
        Assert.Equal(lifeboatFree, trace.Time("boat-5", "tasked_rnli"), 9);
    }

    [Fact]
    public void AFreedLifeboatTakesTheLongestWaitingBoat()
    {
        // One Border Force vessel busy with boat 0, one lifeboat: it takes boat 1 at the threshold;
        // when it comes free boats 2 and 3 wait and it takes boat 2, which has waited longer.
        // Boat 3 reaches the maximum wait before the Border Force vessel is back and lands itself.
        var p = World(("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 1));
        var rnli = Trip(p, false);
        double threshold = p.Number("uk.rnli.wait_threshold_hours"), maxWait = p.Number("uk.response.max_wait_hours");
        double lifeboatFree = 0.1 + threshold + rnli.Response + rnli.Transfer + rnli.Return + rnli.Turnaround;

        var (r, trace) = Place(p, At(0, 60), At(0.1, 60), At(0.2, 60), At(0.3, 60));

        Assert.Equal(lifeboatFree, trace.Time("boat-2", "tasked_rnli"), 9);
        Assert.Equal(0.3 + maxWait, trace.Time("boat-3", "heading_for_beach"), 9);
        Assert.False(trace.Has("boat-3", "tasked_rnli"));
        Assert.Equal(2, r[Metric.UkResponsesRnli]);
        Assert.Equal(1, r[Metric.UkResponsesBorderForce]);
        Assert.Equal(1, r[Metric.BoatsSelfLanded]);
        // Three of the four boats found no vessel free; waits to a vessel on scene are known by hand.
        Assert.Equal(0.75, r[Metric.BoatsWaitedShare], 12);
        double[] waits = [Trip(p, true).Response, threshold + rnli.Response, lifeboatFree - 0.2 + rnli.Response];
        Assert.Equal((waits[0] + waits[1] + waits[2]) / 3, r[Metric.MeanWaitForRescueHours], 9);
        Assert.Equal(waits[2] * 60, r[Metric.WaitP90Minutes], 9);
    }

    [Fact]
    public void AVesselWithRoomTakesASecondBoatAndLandsBoth()
    {
        // Border Force (capacity 100) picks up boat 0 (30 people) with boats 1 (30) and 2 (50)
        // waiting: boat 1 fits, so after the transfer it sails to boat 1 (the response distance),
        // takes its people and lands both; boat 2 would not fit (110 > 100) and lands itself.
        var p = World(("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 0));
        var bf = Trip(p, true);
        double secondOnScene = bf.Response + bf.Transfer + bf.Response;
        double landed = secondOnScene + bf.Transfer + bf.Return;

        var (r, trace) = Place(p, At(0, 30), At(0.1, 30), At(0.2, 50));

        Assert.Equal(landed, trace.Time("boat-0", "landed_uk"), 9);
        Assert.Equal(landed, trace.Time("boat-1", "landed_uk"), 9);
        Assert.Equal(bf.Response, trace.Time("boat-1", "tasked_border_force"), 9);
        Assert.Equal(60, r[Metric.RescuedUk]);
        Assert.Equal(2, r[Metric.UkResponsesBorderForce]);
        Assert.Equal(1, r[Metric.BoatsSelfLanded]);
        Assert.Equal(110, r[Metric.ArrivalsUk]);
        // One vessel busy from 0 to landing plus turnaround, over two days of one vessel on duty.
        Assert.Equal((landed + bf.Turnaround) / 48, r[Metric.UkVesselUtilisation], 9);
    }

    [Fact]
    public void TheWaitingHazardRunsOnlyWhileABoatWaits()
    {
        // Every distress capsizes the boat and kills everyone in the water (most drown, the cold takes
        // the rest at once); the waiting hazard is so high that a
        // boat waiting over half an hour is certainly in distress. Boat 0 is served at once and must
        // land all its people; boat 1 waits for the same vessel (taken as a second boat) and is lost.
        var p = World(("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 0), ("uk.response.waiting_hazard_per_hour", 10.0),
            ("harm.capsize_given_distress_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("harm.drowning_probability_in_water", 1.0), ("harm.hypothermia_rate_per_hour", 1000.0));

        var (r, _) = Place(p, At(0, 40), At(0.1, 40));

        Assert.Equal(40, r[Metric.ArrivalsUk]);
        Assert.Equal(40, r[Metric.Deaths]);
    }

    [Fact]
    public void AUkRescueInFrenchWatersTakesTheUkVesselsTime()
    {
        // Border Force answers every distress in French waters; everyone ends in the water and cold
        // is the only harm. The French response time must not matter when a UK vessel answers.
        (string, object)[] french = [("uk.windspire.operate_in_french_waters", true), ("uk.windspire.french_waters_response_share", 1.0),
            ("uk.border_force.vessels", 1), ("harm.capsize_given_distress_probability", 1.0), ("harm.share_in_water_given_capsize", 1.0),
            ("harm.drowning_probability_in_water", 0.0), ("harm.hypothermia_rate_per_hour", 0.5)];
        var quick = Place(World([.. french, ("french.rescue.response_hours_mean", 0.01)]), new ChannelModel.PlacedBoat(0, 200, true)).Result;
        var slow = Place(World([.. french, ("french.rescue.response_hours_mean", 20.0)]), new ChannelModel.PlacedBoat(0, 200, true)).Result;

        Assert.Equal(0, quick[Metric.RescuedFr]);
        Assert.True(quick[Metric.Deaths] > 0, "cold must kill some in the UK vessel's time, or the test shows nothing");
        Assert.Equal(quick[Metric.Deaths], slow[Metric.Deaths]);
    }

    [Fact]
    public void PeopleWhoWereInTheWaterAreNotReturnedToFrance()
    {
        // Every Windspire condition holds (sought, permitted, no medical draw, calm sea): a boat picked
        // up in French waters goes back to France unless it capsized, which is a medical emergency.
        (string, object)[] windspire = [("uk.windspire.operate_in_french_waters", true), ("uk.windspire.french_waters_response_share", 1.0),
            ("uk.border_force.vessels", 1), ("uk.windspire.return_probability_french_waters", 1.0), ("uk.windspire.permission_probability", 1.0),
            ("uk.windspire.medical_emergency_probability", 0.0), ("uk.windspire.max_wave_height_m", 10.0),
            ("harm.share_in_water_given_capsize", 1.0), ("harm.drowning_probability_in_water", 0.0), ("harm.hypothermia_rate_per_hour", 0.0)];
        var afloat = Place(World([.. windspire, ("harm.capsize_given_distress_probability", 0.0)]), new ChannelModel.PlacedBoat(0, 50, true)).Result;
        var capsized = Place(World([.. windspire, ("harm.capsize_given_distress_probability", 1.0)]), new ChannelModel.PlacedBoat(0, 50, true)).Result;

        Assert.Equal(50, afloat[Metric.ReturnedWindspire]);
        Assert.Equal(0, capsized[Metric.ReturnedWindspire]);
        Assert.Equal(50, capsized[Metric.ArrivalsUk]);
    }

    [Fact]
    public void AVesselAddedOnTheTimelineServesTheWaitingList()
    {
        // No vessel on the first day; a Border Force vessel comes on duty at hour 24. A boat placed
        // at hour 23 waits and is tasked at the very hour the vessel arrives.
        var p = World(("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0));
        p = p with { Timeline = [new TimelineChange(p.Date("calendar.start_date").AddDays(1), "uk.border_force.vessels", ParameterValue.Of(1))] };

        var (r, trace) = Place(p, At(23, 40));

        Assert.Equal(24, trace.Time("boat-0", "tasked_border_force"), 9);
        Assert.Equal(1, r[Metric.UkResponsesBorderForce]);
    }

    internal sealed class Trace : IEventTrace
    {
        private readonly List<(double Time, string Entity, string Event)> _rows = [];

        public void Record(double timeHours, string entity, string eventName, int people, string outcome) => _rows.Add((timeHours, entity, eventName));

        public bool Has(string entity, string eventName) => _rows.Exists(r => r.Entity == entity && r.Event == eventName);

        public double Time(string entity, string eventName)
        {
            foreach (var row in _rows) if (row.Entity == entity && row.Event == eventName) return row.Time;
            throw new InvalidOperationException($"{entity} has no {eventName}");
        }
    }
}
