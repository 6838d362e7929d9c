using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>
/// The sequential-stopping rule with targets it can meet. With policy variants the rule is the
/// largest relative half-width over the paired differences (relative to the baseline mean), so:
/// a rule that ignored the paired differences would look at the baseline's own, much wider,
/// interval; a rule that took the smallest difference would stop while another comparison is
/// still imprecise. Each test below fails under one of those two bugs.
/// </summary>
public class PrecisionRuleTests
{
    private const double Tolerance = 1e-6;

    /// <summary>A store holding <paramref name="columns"/>[v][r] as arrivals_uk of variant v, replication r.</summary>
    private static ReplicationStore Store(params double[][] columns)
    {
        int n = columns[0].Length;
        var store = new ReplicationStore(columns.Select(_ => 3).ToArray(), dailyReplicationCap: 0, n);
        for (int v = 0; v < columns.Length; v++)
        {
            for (int r = 0; r < n; r++) store.TotalsSpan(v, r)[(int)Metric.ArrivalsUk] = columns[v][r];
        }
        for (int r = 0; r < n; r++) store.MarkDone(r);
        return store;
    }

    private static double[] Plus(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    // Hand calculation (t(0.975, 4) = 2.776445, n = 5, baseline mean 100):
    //   baseline {90, 110, 95, 105, 100}: sd √62.5, half-width 9.816216, relative 0.09816216
    //   difference 1 {1, -1, 0, 1, -1}:   sd 1,     half-width 1.241664, relative 0.01241664
    //   difference 2 {4, -4, 2, -2, 0}:   sd √10,   half-width 3.926486, relative 0.03926486
    private static readonly double[] Baseline = [90, 110, 95, 105, 100];
    private static readonly double[] SmallDifference = [1, -1, 0, 1, -1];
    private static readonly double[] LargeDifference = [4, -4, 2, -2, 0];

    [Fact]
    public void WithOneVariantTheRuleIsTheRelativeHalfWidthOfTheMean()
    {
        double relative = PrecisionEvaluation.RelativeHalfWidth(Store(Baseline), 5, Metric.ArrivalsUk);
        Assert.Equal(0.09816216, relative, Tolerance);
    }

    [Fact]
    public void WithPoliciesTheRuleIsTheLargestPairedDifferenceNotTheBaselineNorTheSmallest()
    {
        // Both orders of the policies: the largest must win wherever it stands.
        foreach (var (first, second) in new[] { (SmallDifference, LargeDifference), (LargeDifference, SmallDifference) })
        {
            ReplicationStore store = Store(Baseline, Plus(Baseline, first), Plus(Baseline, second));
            double relative = PrecisionEvaluation.RelativeHalfWidth(store, 5, Metric.ArrivalsUk);
            // Ignoring the pairing would give 0.0982 (the baseline's own) and the smallest difference 0.0124.
            Assert.Equal(0.03926486, relative, Tolerance);
        }
    }

    [Fact]
    public void APolicyThatChangesNothingIsExactAndLeavesTheOtherComparisonInCharge()
    {
        ReplicationStore store = Store(Baseline, Baseline, Plus(Baseline, SmallDifference));
        Assert.Equal(0.01241664, PrecisionEvaluation.RelativeHalfWidth(store, 5, Metric.ArrivalsUk), Tolerance);
    }

    [Fact]
    public void OnlyTheFirstReplicationsCount()
    {
        // Rows beyond the count asked for are ignored: with 3 rows the baseline is {90, 110, 95},
        // mean 98.333, sd 10.408, t(0.975, 2) = 4.302653, half-width 25.8559, relative 0.262941.
        ReplicationStore store = Store(Baseline);
        Assert.Equal(0.262941, PrecisionEvaluation.RelativeHalfWidth(store, 3, Metric.ArrivalsUk), 1e-5);
    }

    [Fact]
    public void AZeroBaselineMeanMakesTheTargetUnreachable()
    {
        ReplicationStore store = Store([-1, 1, -2, 2, 0], [-1, 1, -2, 2, 1]);
        Assert.Equal(double.PositiveInfinity, PrecisionEvaluation.RelativeHalfWidth(store, 5, Metric.ArrivalsUk));
    }

    /// <summary>
    /// End to end with the fake model: a weak policy (5% prevented) and a strong one (40%). The
    /// paired differences are far more precise than the baseline mean (common random numbers): at
    /// the first batch of 10 the baseline's relative half-width is about 16%, the strong policy's
    /// difference about 7% and the weak one's under 1%, so a 3% target is met on the differences
    /// after a few batches, long before the baseline's own interval would allow it (about 300).
    /// </summary>
    [Fact]
    public void AReachableTargetOnPairedDifferencesStopsWhenTheWorstComparisonIsPreciseEnough()
    {
        using var temp = new TempDirectory();
        var scenario = TestScenarios.Scenario("paired", ("baseline", 0.0), ("weak", 0.05), ("strong", 0.4));
        const double target = 0.03;
        const long cap = 250;
        var precision = new PrecisionTarget(target, Metric.ArrivalsUk, cap);
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(temp.Sub("paired"), replications: 10, precision: precision, scenario: scenario, threads: 2));
        ExperimentResults results = outcome.Results!;
        int m = (int)Metric.ArrivalsUk;
        double baseMean = results.Summaries[0][m].Mean;
        double Relative(int v) => results.Comparisons[v][m]!.HalfWidth / Math.Abs(baseMean);

        // A rule that ignored the pairing would still be waiting for the baseline: it runs into the cap.
        Assert.Equal(StoppingRules.PrecisionReached, results.StoppingRule);
        Assert.True(results.Replications < cap, $"stopped at the cap ({results.Replications})");
        Assert.True(results.Summaries[0][m].HalfWidth / baseMean > target,
            $"the baseline alone ({results.Summaries[0][m].HalfWidth / baseMean}) would have met the target: the test no longer separates the rules");
        // Every comparison meets the target at the stop, the strong one included. A rule taking the
        // smallest would have stopped at the first batch, where the strong policy is still far off.
        Assert.True(Relative(1) <= target, $"weak policy: {Relative(1)}");
        Assert.True(Relative(2) <= target, $"strong policy: {Relative(2)}");
        Assert.True(results.Replications > 10, "stopped at the first batch");
        // The stop is the first batch boundary where the worst comparison met the target: the
        // batch before it did not.
        Assert.Equal(Relative(2), PrecisionEvaluation.RelativeHalfWidth(results.Store, results.Replications, Metric.ArrivalsUk), 12);
        Assert.True(PrecisionEvaluation.RelativeHalfWidth(results.Store, 10, Metric.ArrivalsUk) > target);
    }

    [Fact]
    public void OneReplicationCannotMeetATargetAndUndefinedDifferencesCountAsExact()
    {
        // One row: no interval at all, so the rule must not report it as met.
        ReplicationStore store = Store(Baseline, Plus(Baseline, LargeDifference));
        Assert.Equal(double.PositiveInfinity, PrecisionEvaluation.RelativeHalfWidth(store, 1, Metric.ArrivalsUk));
        // Two rows whose policy values are undefined (NaN, e.g. a ratio with no boats): the rule's
        // documented exception counts that comparison as exact, leaving the decision to the others.
        ReplicationStore undefined = Store([90, 110], [double.NaN, double.NaN]);
        Assert.Equal(0, PrecisionEvaluation.RelativeHalfWidth(undefined, 2, Metric.ArrivalsUk));
    }
}
