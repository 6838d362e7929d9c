using Simulation.Cli.Reporting;
using Simulation.Tests.Cli;
using Simulation.Tests.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Experiments;

/// <summary>
/// The shipped policy comparison at 60 replications, through the real command: comparisons for at
/// least five policies, and common random numbers shrink the variance of the arrivals difference by
/// a median factor of at least 3 (variance of the difference of independent runs over that of the
/// paired difference). Fixed seed (the scenario's), so the figure is the same on every machine.
/// </summary>
public class CommonRandomNumbersAcceptanceTests(ITestOutputHelper output)
{
    [Fact]
    public void ThePolicyComparisonPairsItsPoliciesWithAMedianVarianceReductionOfAtLeastThree()
    {
        using var temp = new TempDirectory();
        string scenario = Path.Combine(RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");
        string outDirectory = temp.Sub("out");
        CliRun.Succeed("run", scenario, "-r", "60", "--out", outDirectory, "--no-plots");

        var summary = ResultsReader.ReadSummary(Path.Combine(outDirectory, ResultsReader.SummaryFile));
        var reductions = new List<double>();
        foreach (var (variant, byMetric) in summary.Comparisons)
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
        Assert.True(median >= 3, $"median variance_reduction on arrivals_uk {median:F2} < 3");
    }
}
