using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>Limits, messages and names of sweeps: the --vary parser, the design limits, the plan's variants and the ranking.</summary>
public class SweepRulesTests
{
    private static string Error(string text, SweepDesignKind design = SweepDesignKind.Grid)
    {
        Assert.False(SweepAxisParser.TryParse(text, design, out SweepAxis? axis, out string error));
        Assert.Null(axis);
        return error;
    }

    private static SweepAxis Parse(string text, SweepDesignKind design = SweepDesignKind.Grid)
    {
        Assert.True(SweepAxisParser.TryParse(text, design, out SweepAxis? axis, out string error), error);
        Assert.Equal("", error);
        return axis!;
    }

    [Fact]
    public void AnArgumentWithoutAPathOrValueNamesTheFormOfItsDesign()
    {
        Assert.Equal("--vary 'demand.give_up_probability': expected key.path=low:high:count or key.path=v1,v2,...", Error("demand.give_up_probability"));
        Assert.Equal("--vary 'demand.give_up_probability=': expected key.path=low:high:count or key.path=v1,v2,...", Error("demand.give_up_probability="));
        Assert.Equal("--vary '=0.1:0.2:3': expected key.path=low:high:count or key.path=v1,v2,...", Error("=0.1:0.2:3"));
        Assert.Equal("--vary 'demand.give_up_probability': expected key.path=low:high", Error("demand.give_up_probability", SweepDesignKind.LatinHypercube));
    }

    [Fact]
    public void AnUnknownPathWithNothingNearItSaysItIsNotInTheCatalog()
    {
        Assert.Equal("--vary qqqqqqqqqqqqqqqqqqqqqqqqq: unknown parameter (not in the parameter catalog)", Error("qqqqqqqqqqqqqqqqqqqqqqqqq=0.1:0.2:3"));
    }

    [Fact]
    public void ListsAndCountsMayHaveUpToAThousandPointsAndMustVary()
    {
        string thousand = string.Join(',', Enumerable.Range(0, 1000).Select(i => (i / 1000.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1000, Parse("demand.give_up_probability=" + thousand).GridValues().Length);
        Assert.Equal("--vary demand.give_up_probability: 1001 values; at most 1000 per parameter", Error("demand.give_up_probability=" + thousand + ",1"));
        Assert.Equal(1000, Parse("demand.give_up_probability=0:1:1000").GridValues().Length);
        Assert.Contains("count '1001' must be a whole number from 2 to 1000", Error("demand.give_up_probability=0:1:1001"), StringComparison.Ordinal);
        Assert.Equal("--vary demand.give_up_probability=0.1,0.1: the values must not all be equal (nothing would vary)", Error("demand.give_up_probability=0.1,0.1"));
        Assert.Contains("must not all be equal", Error("smuggling.boat_stock_initial=7.2,6.8"), StringComparison.Ordinal);
        Assert.Equal("--vary demand.give_up_probability=0.2:0.1:3: low (0.2) must be less than high (0.1)", Error("demand.give_up_probability=0.2:0.1:3"));
    }

    [Fact]
    public void TheLastGridPointIsTheHighEndExactly()
    {
        // (0.1 − 0) · 3 / 3 is 0.10000000000000002 in floating point: the ends are set, not interpolated.
        SweepAxis axis = Parse("demand.give_up_probability=0:0.1:4");
        ImmutableArray<double> values = axis.GridValues();
        Assert.Equal(0.0, values[0]);
        Assert.Equal(0.1, values[^1]);
        Assert.Equal(4, values.Length);
    }

    [Fact]
    public void AGridOfExactlyTheLimitIsAllowed()
    {
        // 40 × 50 = 2000 points.
        double[][]? grid = SweepDesign.Grid([Parse("demand.give_up_probability=0:1:40"), Parse("weather.red_day_share=0:0.5:50")]);
        Assert.NotNull(grid);
        Assert.Equal(SweepDesign.MaxPoints, grid.Length);
    }

    [Fact]
    public void ALatinHypercubeNeedsAtLeastOnePoint()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SweepDesign.UnitLatinHypercube(2, 0, new RandomStream(1)));
    }

    [Fact]
    public void EveryOrderOfTheStrataIsEquallyLikely()
    {
        // Fisher–Yates must give every stratum at every position with probability 1/n. Over 3,000
        // designs of n = 5 points, each (position, stratum) count is Binomial(3000, 1/5): mean 600,
        // sd 21.9; every count must be within 5 sd. A shuffle that never moved the last point (or
        // skipped shuffling) puts 0 or 3,000 in some cells.
        const int designs = 3000, n = 5;
        var counts = new int[n, n];
        var rng = new RandomStream(77);
        for (int d = 0; d < designs; d++)
        {
            double[][] points = SweepDesign.UnitLatinHypercube(1, n, rng);
            for (int i = 0; i < n; i++) counts[i, (int)(points[i][0] * n)]++;
        }
        double mean = designs / (double)n, sd = Math.Sqrt(designs * (1.0 / n) * (1 - 1.0 / n));
        for (int i = 0; i < n; i++)
            for (int s = 0; s < n; s++)
                Assert.True(Math.Abs(counts[i, s] - mean) <= 5 * sd, $"point {i} in stratum {s}: {counts[i, s]} of {designs} (expected {mean} ± {5 * sd:F0})");
    }

    private static SweepPlan Plan(SweepAxis[] axes, int points) => new()
    {
        Base = TestScenarios.Variant("baseline", 0.1),
        Axes = axes.ToImmutableArray(),
        Design = SweepDesignKind.Grid,
        Points = Enumerable.Range(0, points).Select(p => axes.Select(a => a.Low).ToArray()).ToImmutableArray(),
        Metrics = [Metric.ArrivalsUk, Metric.Deaths],
        MasterSeed = 42,
        Replications = 6,
    };

    [Fact]
    public void ThePlansVariantsAreNamedAndIndexedInRunOrder()
    {
        SweepAxis a = Parse("weather.red_day_share=0.1:0.5:2"), b = Parse("demand.give_up_probability=0.05:0.1:2");
        SweepPlan plan = Plan([a, b], 3);
        ImmutableArray<Simulation.Core.Scenarios.ScenarioVariant> variants = plan.Variants();
        Assert.Equal(["baseline", "weather.red_day_share=low", "weather.red_day_share=high", "demand.give_up_probability=low",
            "demand.give_up_probability=high", "point 0", "point 1", "point 2"], variants.Select(v => v.Name).ToArray());
        Assert.Equal("baseline with weather.red_day_share=high", variants[2].Description);
        Assert.Equal(0.5, variants[2].Parameters.Number("weather.red_day_share"));
        Assert.Equal(0.05, variants[3].Parameters.Number("demand.give_up_probability"));
        Assert.Equal(5, plan.PointIndex(0));
        Assert.Equal(7, plan.PointIndex(2));
        Assert.Equal("point 2", variants[plan.PointIndex(2)].Name);
        Assert.Equal(3, SweepPlan.OneAtATimeIndex(1, high: false));
        Assert.Equal(4, SweepPlan.OneAtATimeIndex(1, high: true));
    }

    [Fact]
    public void TheRankingIsPerMetricAndTiesKeepTheAxisOrder()
    {
        // The fake model reads neither parameter: every swing is 0, a three-way tie.
        SweepAxis[] axes = [Parse("weather.red_day_share=0.1:0.5:2"), Parse("demand.give_up_probability=0.05:0.1:2"), Parse("weather.amber_day_share=0.1:0.3:2")];
        SweepResults results = SweepRunner.Run(Plan(axes, 1), v => new FakeReplicationModel(v.Parameters), null, CancellationToken.None)!;
        IReadOnlyList<OneAtATimeEffect> ranking = results.Ranking(Metric.Deaths);
        Assert.Equal([0, 1, 2], ranking.Select(e => e.Axis).ToArray());
        Assert.All(ranking, e => Assert.Equal(Metric.Deaths, e.Metric));
        Assert.Empty(results.Ranking(Metric.RedDays));
    }
}
