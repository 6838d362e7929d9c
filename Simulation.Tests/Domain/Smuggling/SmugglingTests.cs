using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Smuggling;

public class SmugglingTests
{
    [Fact]
    public void LoadsHaveTheRequestedMeanAndSpreadAndStayUnderTheCap()
    {
        var s = SmugglingParameters.From(TestParameters.With(("smuggling.load_mean_people", 55.0), ("smuggling.load_cv", 0.3)));
        var rng = new RandomStream(3);
        int n = 20_000, above = 0, max = 0;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            int load = LoadDistribution.Sample(s, rng);
            sum += load;
            if (load > 55 + 16.5) above++;
            max = Math.Max(max, load);
        }
        // Standard error of the mean ≈ 16.5/√20000 ≈ 0.12; the cap trims a little of the tail.
        Assert.InRange(sum / n, 54, 56);
        Assert.True(max <= s.LoadMaxPeople);
        // One sd above the mean: 1 − Φ(1) = 0.159 for the normal (less after the cap); a thin tail would fall well below 0.12.
        Assert.True(above > 0.12 * n, "upper tail too thin");
    }

    [Fact]
    public void AdaptationMovesTheTaxiShareTowardsTheMoreSuccessfulTactic()
    {
        var still = Run(TestParameters.With(("smuggling.adaptation_rate_per_day", 0.0)), 3);
        var adapting = Run(TestParameters.With(("smuggling.adaptation_rate_per_day", 0.05)), 3);
        Assert.InRange(Mean(still, Metric.TaxiBoatShare), 0.45, 0.55);
        Assert.True(Mean(adapting, Metric.TaxiBoatShare) > Mean(still, Metric.TaxiBoatShare) + 0.15);
    }

    [Fact]
    public void SeizuresWithoutRestockEmptyTheBoatStock()
    {
        // Beach launches only and every prevented boat seized: each launch uses up a boat for good.
        var p = TestParameters.With(("smuggling.supply_capacity_boats_per_day", 0.0), ("smuggling.boat_stock_initial", 50),
            ("smuggling.taxi_boat_share_initial", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 0.0),
            ("french.beach.seizure_probability", 1.0));
        foreach (var r in Run(p, 3)) Assert.Equal(50, r[Metric.LaunchAttempts]);
    }

    // One day, nobody new, no failures sent back, the same share on every rating: what leaves the
    // coast is set by the launch rule alone. Launches end before midnight: a boat whose launch falls
    // after the horizon has not left the coast.
    private static (string, object)[] OneNight(int peopleWaiting, double share, int maxLaunches = 40) =>
    [
        .. TestParameters.NoEnforcement, .. TestParameters.NoHazards,
        ("calendar.horizon_days", 1), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.initial_people_on_coast", peopleWaiting),
        ("smuggling.attempt_share_red", share), ("smuggling.attempt_share_amber", share), ("smuggling.attempt_share_green", share),
        ("smuggling.night_activity_cv", 0.0), ("smuggling.max_launches_per_night", maxLaunches),
        ("smuggling.launch_window_start_hour", 20.0), ("smuggling.launch_window_hours", 3.0),
    ];

    [Theory]
    [InlineData(1000, 0.5, 500)]
    [InlineData(2000, 0.5, 1000)]
    [InlineData(3000, 0.2, 2400)]
    public void TheNightsLaunchesTakeTheStatedShareOfThePeopleWaiting(int waiting, double share, int leftOnCoast)
    {
        foreach (var r in Run(TestParameters.With(OneNight(waiting, share)), 5))
            Assert.Equal(leftOnCoast, r[Metric.PeopleOnCoastEnd]);
    }

    [Fact]
    public void TheOrganisingLimitCapsTheBoatsOfOneNight()
    {
        // Two boats at most, each between the minimum (15) and maximum (125) load.
        foreach (var r in Run(TestParameters.With(OneNight(1000, 1.0, maxLaunches: 2)), 5))
            Assert.InRange(r[Metric.PeopleOnCoastEnd], 1000 - 2 * 125, 1000 - 2 * 15);
    }

    [Fact]
    public void AZeroAttemptShareLaunchesNothing()
    {
        var p = TestParameters.Short(30, ("smuggling.attempt_share_red", 0.0), ("smuggling.attempt_share_amber", 0.0), ("smuggling.attempt_share_green", 0.0));
        foreach (var r in Run(p, 3))
        {
            Assert.Equal(0, r[Metric.LaunchAttempts]);
            Assert.Equal(0, r[Metric.ArrivalsUk]);
        }
    }
}
