using Simulation.Cli.Reporting;
using Simulation.Tests.Cli;
using Simulation.Tests.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Experiments;

/// <summary>The shipped policy comparison at 60 replications through the real command, run once for the tests below.</summary>
public sealed class PolicyComparisonRun : IDisposable
{
    private readonly TempDirectory _temp = new();

    public PolicyComparisonRun()
    {
        string scenario = Path.Combine(RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");
        CliRun.Succeed("run", scenario, "-r", "60", "--out", _temp.Sub("out"), "--no-plots");
        Summary = ResultsReader.ReadSummary(Path.Combine(_temp.Sub("out"), ResultsReader.SummaryFile));
    }

    public ResultsSummary Summary { get; }

    public void Dispose() => _temp.Dispose();
}

/// <summary>
/// Comparisons for at least five policies, and common random numbers shrink the variance of the
/// arrivals difference by a median factor of at least 5.8 (variance of the difference of independent
/// runs over that of the paired difference); p_lower leans the same way as every interval that
/// excludes zero. Fixed seed (the scenario's), so the figures are the same on every machine.
/// </summary>
public class CommonRandomNumbersAcceptanceTests(PolicyComparisonRun run, ITestOutputHelper output) : IClassFixture<PolicyComparisonRun>
{
    [Fact]
    public void ThePolicyComparisonPairsItsPoliciesWithAMedianVarianceReductionOfAtLeastFivePointEight()
    {
        var reductions = new List<double>();
        foreach (var (variant, byMetric) in run.Summary.Comparisons)
        {
            // NaN would mean the policy never changes arrivals; count it as no reduction.
            double reduction = byMetric["arrivals_uk"].VarianceReduction;
            if (double.IsNaN(reduction)) reduction = 1;
            output.WriteLine($"{variant,-28} variance_reduction {reduction:F2}");
            reductions.Add(reduction);
        }

        Assert.True(reductions.Count >= 5, $"{reductions.Count} policies compared");
        reductions.Sort();
        int n = reductions.Count;
        double median = n % 2 == 1 ? reductions[n / 2] : (reductions[n / 2 - 1] + reductions[n / 2]) / 2;
        output.WriteLine($"median {median:F2}");
        // The bound must fail when boats' random numbers are keyed by their serial number instead of
        // their launch slot (a boat then draws another boat's numbers in a variant that launched a
        // different number of boats earlier): measured at this seed and 60 replications, the median is
        // 6.91 with launch-slot streams and 4.84 with serial-keyed ones
        // (Simulation.Tests/Mutants/boat-substreams-keyed-by-serial.patch). 5.8 sits near their
        // geometric mean, about 16% from each, so an intended model change that moves the median by a
        // few percent does not trip it, while losing the slot keying does. The project's acceptance
        // floor of 3 is kept by this stricter bound.
        Assert.True(median >= 5.8, $"median variance_reduction on arrivals_uk {median:F2} < 5.8");
    }

    [Fact]
    public void PLowerLeansTheSameWayAsEveryIntervalThatExcludesZero()
    {
        var disagreements = new List<string>();
        int checkedCount = 0;
        foreach (var (variant, byMetric) in run.Summary.Comparisons)
        {
            foreach (var (metric, c) in byMetric)
            {
                bool lower = c.Ci95High < 0, higher = c.Ci95Low > 0;
                if (!lower && !higher) continue;
                checkedCount++;
                if (lower && !(c.PLower > 0.5) || higher && !(c.PLower < 0.5))
                {
                    disagreements.Add($"{variant} {metric}: CI [{c.Ci95Low}, {c.Ci95High}], p_lower {c.PLower}");
                }
            }
        }
        output.WriteLine($"{checkedCount} intervals excluding zero checked");
        Assert.True(checkedCount > 50, $"only {checkedCount} intervals exclude zero");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }
}
