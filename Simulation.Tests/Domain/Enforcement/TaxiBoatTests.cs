using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Enforcement;

public class TaxiBoatTests
{
    // Taxi-boats only, nobody stopped anywhere, nobody harmed: every taxi-boat reaches its pick-ups
    // and every group there is recorded in the trace as boarded.
    private static ParameterSet TaxiOnly(int days, params (string, object)[] more) => TestParameters.With(
    [
        .. TestParameters.NoEnforcement, .. TestParameters.NoHazards, ("calendar.horizon_days", days),
        ("smuggling.taxi_boat_share_initial", 1.0), ("smuggling.taxi_boat_share_min", 1.0), ("smuggling.taxi_boat_share_max", 1.0),
        .. more,
    ]);

    private static (int Boats, int Groups, double SumSquares) GroupsPerTaxiBoat(ParameterSet p, int replications)
    {
        var model = new ChannelModel(p);
        int boats = 0, groups = 0;
        double sumSquares = 0;
        for (int r = 0; r < replications; r++)
        {
            var trace = new CountingTrace();
            model.Trace = trace;
            model.RunReplication(Seed, r, new ReplicationResult(model.Days));
            foreach (int g in trace.GroupsByBoat.Values)
            {
                boats++;
                groups += g;
                sumSquares += (double)g * g;
            }
        }
        return (boats, groups, sumSquares);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.7)]
    [InlineData(2.0)]
    [InlineData(2.6)]
    [InlineData(3.0)]
    public void ThePickupPointsHaveTheStatedMean(double mean)
    {
        var (boats, groups, sumSquares) = GroupsPerTaxiBoat(TaxiOnly(200, ("taxi_boat.pickup_points_mean", mean)), 3);
        Assert.True(boats > 500, $"only {boats} taxi-boats reached a pick-up");
        double m = (double)groups / boats;
        double variance = Math.Max(sumSquares / boats - m * m, 0);
        double se = Math.Sqrt(variance / boats);
        // Within 4 standard errors of the stated mean (exact at the ends of the range, where se = 0).
        Assert.InRange(m, mean - 4 * se - 1e-9, mean + 4 * se + 1e-9);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("3.5")]
    public void APickupPointsMeanOutsideOneToThreeIsRejected(string value)
    {
        var result = ScenarioLoader.LoadText("schema_version: 1\ntaxi_boat:\n  pickup_points_mean: " + value + "\n", "test.yaml");
        var issue = Assert.Single(result.Issues);
        Assert.Equal("taxi_boat.pickup_points_mean", issue.KeyPath);
        Assert.Contains("between 1 and 3", issue.Rule);
    }

    [Fact]
    public void ACapsizedEmptyTaxiBoatPutsNoneOfItsPassengersInTheWater()
    {
        // Every taxi-boat is stopped before boarding and every stop capsizes the boat, with a sure
        // death for anyone in the water: only the crew is aboard, so none of the planned load dies,
        // and the people who were waiting on the beach all go back to the camps.
        var p = TaxiOnly(30, ("french.maritime.doctrine", "before_boarding"),
            ("french.maritime.before_boarding_effectiveness_probability", 1.0),
            ("french.maritime.before_boarding_capsize_probability", 1.0),
            ("french.maritime.shallow_water_effectiveness_probability", 0.0),
            ("french.maritime.vessels", 100), ("french.maritime.interception_hours", 0.0),
            ("french.maritime.fatality_given_capsize_probability", 1.0),
            ("harm.share_in_water_given_capsize", 1.0),
            ("demand.give_up_probability", 0.0), ("demand.wait_give_up_rate_per_week", 0.0));
        foreach (var r in Run(p, 3))
        {
            Assert.True(r[Metric.InterceptedAtSeaFr] > 0, "no taxi-boat was stopped");
            Assert.Equal(0, r[Metric.Deaths]);
            Assert.Equal(0, r[Metric.ArrivalsUk]);
            Assert.Equal(r[Metric.PeopleOnCoastStart] + r[Metric.PeopleNewOnCoast], r[Metric.PeopleOnCoastEnd] + r[Metric.PeopleAtSeaEnd]);
        }
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void PoliceOnLandStopEachGroupWithTheTaxiBoatShareOfTheBeachPreventionAndABoatWithNobodyAboardGoesBack()
    {
        // Beach prevention 1 × 0.8 × (1 − e^(−100,000/300)) = 0.8, times the taxi-boat factor 0.5: each group
        // waiting for a taxi-boat is stopped on land with probability 0.4 and goes back to the camp. A boat
        // whose every group was stopped goes back to the network empty (aborted); no other boat does.
        // Tolerance 4 SE of the share over all groups (n > 4,000: SE < 0.008, a 5% error is 0.02).
        var p = TaxiOnly(60, ("french.beach.officers_per_night", 100_000.0), ("french.beach.coverage_share", 1.0),
            ("french.beach.max_prevention_probability", 0.8), ("taxi_boat.land_prevention_factor", 0.5),
            ("french.beach.seizure_probability", 0.0), ("calendar.start_date", new DateOnly(2024, 7, 1)));
        var model = new ChannelModel(p);
        int groups = 0, prevented = 0, aborted = 0, allStopped = 0;
        for (int rep = 0; rep < 12; rep++)
        {
            var trace = new RecordingTrace();
            model.Trace = trace;
            var result = new ReplicationResult(model.Days);
            model.RunReplication(Seed, rep, result);
            var byBoat = new Dictionary<string, (int Boarded, int Stopped, int Aborted)>();
            double preventedPeople = 0;
            foreach (var row in trace.Rows)
            {
                var b = byBoat.GetValueOrDefault(row.Entity);
                if (row.Event == "group_boarded") b.Boarded++;
                else if (row.Event == "group_prevented_on_land")
                {
                    Assert.Equal("back_to_camp", row.Outcome);
                    b.Stopped++;
                    preventedPeople += row.People;
                }
                else if (row.Event == "aborted")
                {
                    Assert.Equal((0, "boat_back_to_network"), (row.People, row.Outcome));
                    b.Aborted++;
                }
                else continue;
                byBoat[row.Entity] = b;
            }
            foreach (var (boarded, stopped, abortedRows) in byBoat.Values)
            {
                groups += boarded + stopped;
                prevented += stopped;
                aborted += abortedRows;
                if (boarded == 0) allStopped++;
                Assert.Equal(boarded == 0 ? 1 : 0, abortedRows);
            }
            Assert.Equal(preventedPeople, result[Metric.PreventedOnLand]);
        }
        double se = Math.Sqrt(0.4 * 0.6 / groups);
        Assert.True(groups > 4000, $"{groups} groups");
        Assert.InRange(prevented / (double)groups, 0.4 - 4 * se, 0.4 + 4 * se);
        Assert.True(aborted > 0 && aborted == allStopped, $"{aborted} aborted, {allStopped} boats with every group stopped");
    }

    private sealed class CountingTrace : IEventTrace
    {
        public Dictionary<string, int> GroupsByBoat { get; } = new();

        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName is "group_boarded" or "group_prevented_on_land")
                GroupsByBoat[entity] = GroupsByBoat.GetValueOrDefault(entity) + 1;
        }
    }
}