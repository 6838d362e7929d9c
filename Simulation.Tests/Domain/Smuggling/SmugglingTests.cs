using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Smuggling;

public class SmugglingTests
{
    [Fact]
    public void LoadsAreRightSkewedWithTheRequestedMeanAndCap()
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
        Assert.True(above > 0.12 * n, "right tail too thin");
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
        var p = TestParameters.With(("smuggling.boat_restock_rate_per_day", 0.0), ("smuggling.boat_stock_initial", 50),
            ("smuggling.taxi_boat_share_initial", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 0.0),
            ("french.beach.seizure_probability", 1.0));
        foreach (var r in Run(p, 3)) Assert.Equal(50, r[Metric.LaunchAttempts]);
    }
}
