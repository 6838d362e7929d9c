using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain;

public class ChannelModelTests
{
    private static void AssertBalanced(ReplicationResult r, int replication)
    {
        double inflow = r[Metric.PeopleOnCoastStart] + r[Metric.PeopleNewOnCoast] + r[Metric.ReturnedAfterArrival];
        double outflow = r[Metric.ArrivalsUk] + r[Metric.Deaths] + r[Metric.GaveUp] + r[Metric.PeopleOnCoastEnd] + r[Metric.PeopleAtSeaEnd];
        Assert.True(inflow == outflow, $"replication {replication}: in {inflow} != out {outflow}");
    }

    [Fact]
    public void PeopleBalanceHoldsExactlyInEveryReplicationOfTheBaseline()
    {
        var results = Run(TestParameters.With(), 20);
        for (int i = 0; i < results.Count; i++) AssertBalanced(results[i], i);
    }

    [Fact]
    public void PeopleBalanceHoldsWithReturnsInterceptionAndWindspireActive()
    {
        var p = TestParameters.With(
            ("returns.removals.enabled", true), ("returns.removals.share_of_arrivals_probability", 0.2),
            ("returns.one_in_one_out.enabled", true), ("returns.one_in_one_out.start_date", new DateOnly(2024, 3, 1)),
            ("french.maritime.doctrine", "full"), ("uk.windspire.return_probability", 0.5),
            ("uk.windspire.operate_in_french_waters", true), ("deterrence.elasticity", 1.0));
        var results = Run(p, 10);
        for (int i = 0; i < results.Count; i++) AssertBalanced(results[i], i);
        Assert.True(Sum(results, Metric.ReturnedAfterArrival) > 0);
        Assert.True(Sum(results, Metric.InterceptedAtSeaFr) > 0);
        Assert.True(Sum(results, Metric.ReturnedWindspire) > 0);
    }

    [Fact]
    public void SameSeedGivesTheSameResultAndAReusedModelForgetsEarlierReplications()
    {
        var p = TestParameters.Short(120);
        var fresh = Run(p, 3);
        var model = new ChannelModel(p);
        var reused = new ReplicationResult(model.Days);
        model.RunReplication(Seed, 7, reused);
        model.RunReplication(Seed, 2, reused);
        Assert.Equal(fresh[2].Totals, reused.Totals);
        for (int s = 0; s < reused.Daily.Length; s++) Assert.Equal(fresh[2].Daily[s], reused.Daily[s]);
        Assert.Equal(fresh[2].EventsProcessed, reused.EventsProcessed);
        Assert.NotEqual(fresh[0].Totals, fresh[1].Totals);
    }

    [Fact]
    public void AHandBuiltWorldRunIntoAUsedResultForgetsWhatItHeld()
    {
        var p = TestParameters.Short(3, TestParameters.NoHazards);
        ChannelModel.PlacedBoat[] boats = [new(1.0, 30), new(2.0, 40), new(3.0, 20, DistressInFrenchWaters: true)];
        var model = new ChannelModel(p);
        var fresh = new ReplicationResult(model.Days);
        model.RunPlacedBoats(Seed, fresh, boats);
        var used = new ReplicationResult(model.Days);
        model.RunReplication(Seed, 0, used);
        model.RunPlacedBoats(Seed, used, boats);
        Assert.Equal(fresh.Totals, used.Totals);
        for (int s = 0; s < used.Daily.Length; s++) Assert.Equal(fresh.Daily[s], used.Daily[s]);
    }

    [Fact]
    public void AResultForAnotherHorizonIsRefused()
    {
        var model = new ChannelModel(TestParameters.Short(120));
        var e = Assert.Throws<ArgumentException>(() => model.RunReplication(Seed, 0, new ReplicationResult(100)));
        Assert.Contains("holds 100 days; the model runs 120", e.Message);
    }

    [Fact]
    public void ABeachLaunchWhoseCrushKillsEveryoneGoesNoFurther()
    {
        // Everyone dies in the crush of a beach launch (probability 1 per person, beach launches only): no boat
        // is stopped, crosses or arrives, and every death is a crush death.
        var p = TestParameters.Short(30, ("french.beach.launch_death_probability_per_person", 1.0),
            ("smuggling.taxi_boat_share_initial", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 0.0));
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        var r = new ReplicationResult(model.Days);
        model.RunReplication(Seed, 0, r);
        int launches = 0;
        foreach (var row in trace.Rows)
        {
            if (row.Event == "launch") launches++;
            Assert.False(row.Event is "entered_uk_waters" or "distress" or "intercepted_fr" or "prevented", $"{row.Entity} {row.Event} at {row.Hours} h");
        }
        Assert.True(launches > 10, $"only {launches} launches");
        Assert.Equal(0, r[Metric.ArrivalsUk]);
        Assert.True(r[Metric.Deaths] > 0);
        Assert.Equal(r[Metric.Deaths], r[Metric.DeathsCrush]);
    }

    [Fact]
    public void ReusingTheModelAfterACongestedReplicationWithAShrinkingFleetChangesNothing()
    {
        // One lifeboat, Border Force cut from 3 to 1 vessel mid-run: replications end with boats
        // queued and vessels busy, which the next replication must not inherit.
        var p = TestParameters.Short(200, ("uk.border_force.vessels", 3), ("uk.rnli.lifeboats", 1)) with
        {
            Timeline = [new Simulation.Core.Domain.Parameters.TimelineChange(new DateOnly(2024, 3, 1), "uk.border_force.vessels",
                Simulation.Core.Domain.Parameters.ParameterValue.Of(1))],
        };
        var fresh = Run(p, 4);
        var model = new ChannelModel(p);
        var reused = new ReplicationResult(model.Days);
        for (int rep = 3; rep >= 0; rep--)
        {
            model.RunReplication(Seed, rep, reused);
            Assert.Equal(fresh[rep].Totals, reused.Totals);
        }
        Assert.True(Sum(fresh, Metric.UkResponsesRnli) > 0);
    }

    [Fact]
    public void AllHazardsAtZeroMeanNoDeaths()
    {
        var results = Run(TestParameters.With(TestParameters.NoHazards), 10);
        Assert.Equal(0, Sum(results, Metric.Deaths));
        Assert.True(Mean(results, Metric.ArrivalsUk) > 10_000);
    }

    [Fact]
    public void WithoutEnforcementOrHazardsEveryoneWhoLaunchesArrives()
    {
        // Launches end before midnight, so every person who set off is either landed or still at sea at the horizon.
        var p = TestParameters.With(TestParameters.With(TestParameters.NoHazards), TestParameters.NoEnforcement);
        p = TestParameters.With(p, ("smuggling.launch_window_start_hour", 20.0), ("smuggling.launch_window_hours", 3.0),
            ("uk.response.max_wait_hours", 48.0), ("demand.wait_give_up_rate_per_week", 0.0));
        var results = Run(p, 10);
        foreach (var r in results)
        {
            Assert.Equal(0, r[Metric.PreventedOnLand] + r[Metric.InterceptedAtSeaFr] + r[Metric.RescuedFr] + r[Metric.ReturnedWindspire] + r[Metric.GaveUp]);
            Assert.Equal(r[Metric.PersonAttempts], r[Metric.ArrivalsUk] + r[Metric.PeopleAtSeaEnd]);
        }
    }

    [Fact]
    public void MoreBeachPatrolsNeverRaiseMeanArrivals()
    {
        // Common random numbers: same seeds, so the comparison is paired; 30 replications.
        double previous = double.PositiveInfinity;
        foreach (double officers in new[] { 200.0, 800.0, 1600.0 })
        {
            double mean = Mean(Run(TestParameters.With(("french.beach.officers_per_night", officers)), 30), Metric.ArrivalsUk);
            Assert.True(mean <= previous, $"{officers} officers: mean arrivals {mean} > {previous}");
            previous = mean;
        }
    }

    [Fact]
    public void WindspireProbabilityZeroMeansNoReturnsToFrance()
    {
        var p = TestParameters.With(("uk.windspire.return_probability", 0.0), ("uk.windspire.operate_in_french_waters", false));
        Assert.Equal(0, Sum(Run(p, 10), Metric.ReturnedWindspire));
    }

    [Fact]
    public void WeatherIsIdenticalAcrossVariantsWithDifferentPolicies()
    {
        var a = new ChannelModel(TestParameters.With());
        var b = new ChannelModel(TestParameters.With(("french.maritime.doctrine", "full"), ("uk.border_force.vessels", 9),
            ("french.beach.officers_per_night", 2000.0), ("deterrence.elasticity", 2.0)));
        var ra = new ReplicationResult(a.Days);
        var rb = new ReplicationResult(b.Days);
        for (int rep = 0; rep < 3; rep++)
        {
            a.RunReplication(Seed, rep, ra);
            b.RunReplication(Seed, rep, rb);
            Assert.Equal(ra.Daily[(int)DailySeries.WeatherRating], rb.Daily[(int)DailySeries.WeatherRating]);
            Assert.True(a.WaveHeightsM.SequenceEqual(b.WaveHeightsM));
            Assert.NotEqual(ra[Metric.ArrivalsUk], rb[Metric.ArrivalsUk]);
        }
    }

    [Fact]
    public void TraceRecordsNamedBoatEventsAndCountsMatchTheResult()
    {
        var model = new ChannelModel(TestParameters.Short(30));
        var trace = new ListTrace();
        model.Trace = trace;
        var r = new ReplicationResult(model.Days);
        model.RunReplication(Seed, 0, r);
        Assert.Contains(trace.Rows, row => row.Entity.StartsWith("boat-", StringComparison.Ordinal) && row.Event == "launch");
        Assert.Contains(trace.Rows, row => row.Entity == "camp" && row.Event == "day_start");
        // Every event writes at least one row (some write several, e.g. a launch then a prevention).
        Assert.True(trace.Rows.Count >= r.EventsProcessed, $"{trace.Rows.Count} rows for {r.EventsProcessed} events");
        double landed = trace.Rows.Where(row => row.Event is "landed_uk" or "self_landed").Sum(row => row.People);
        Assert.Equal(r[Metric.ArrivalsUk], landed);
    }

    [Fact]
    public void TimelineSwitchesDoctrineOnItsDate()
    {
        var baseline = TestParameters.With();
        var late = baseline with
        {
            Timeline = [new Simulation.Core.Domain.Parameters.TimelineChange(new DateOnly(2024, 10, 1), "french.maritime.doctrine",
                Simulation.Core.Domain.Parameters.ParameterValue.Of("full"))],
        };
        var always = TestParameters.With(("french.maritime.doctrine", "full"));
        double none = Sum(Run(baseline, 5), Metric.InterceptedAtSeaFr);
        double partial = Sum(Run(late, 5), Metric.InterceptedAtSeaFr);
        double full = Sum(Run(always, 5), Metric.InterceptedAtSeaFr);
        Assert.Equal(0, none);
        Assert.InRange(partial, 1, full - 1);
    }

    private sealed class ListTrace : IEventTrace
    {
        public List<(double Time, string Entity, string Event, int People, string Outcome)> Rows { get; } = new();
        public void Record(double timeHours, string entity, string eventName, int people, string outcome) =>
            Rows.Add((timeHours, entity, eventName, people, outcome));
    }
}
