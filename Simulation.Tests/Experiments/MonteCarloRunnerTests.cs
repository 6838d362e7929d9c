using System.Globalization;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

public class MonteCarloRunnerTests
{
    [Fact]
    public void ThreadCountDoesNotChangeAnyOutputByte()
    {
        using var temp = new TempDirectory();
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("one"), threads: 1)).Status);
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("two"), threads: 2)).Status);
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("three"), threads: 3)).Status);
        ResultFiles.AssertIdentical(temp.Sub("one"), temp.Sub("two"));
        ResultFiles.AssertIdentical(temp.Sub("one"), temp.Sub("three"));
    }

    [Fact]
    public void FrenchCultureGivesTheSameBytes()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("invariant"), threads: 2));
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            TestScenarios.Run(TestScenarios.Request(temp.Sub("french"), threads: 2));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        ResultFiles.AssertIdentical(temp.Sub("invariant"), temp.Sub("french"));
        string summary = File.ReadAllText(Path.Combine(temp.Sub("french"), "summary.csv"));
        Assert.Contains("baseline,arrivals_uk,mean,", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVariantOfAReplicationSeesTheSameWeather()
    {
        using var temp = new TempDirectory();
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Sub("crn"), replications: 20)).Results!;
        for (long r = 0; r < 20; r++)
        {
            Assert.Equal(results.Store.Value(0, r, (int)Metric.RedDays), results.Store.Value(1, r, (int)Metric.RedDays));
            for (int d = 0; d < results.Store.Days(0); d++)
            {
                Assert.Equal(results.Store.DailyValue(0, r, (int)DailySeries.WeatherRating, d), results.Store.DailyValue(1, r, (int)DailySeries.WeatherRating, d));
            }
        }
        // ...while replications differ from each other.
        Assert.NotEqual(results.Store.Value(0, 0, (int)Metric.ArrivalsUk), results.Store.Value(0, 1, (int)Metric.ArrivalsUk));
    }

    [Fact]
    public void CommonRandomNumbersReduceTheVarianceOfTheDifference()
    {
        using var temp = new TempDirectory();
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Sub("vr"), replications: 60)).Results!;
        PairedComparison arrivals = results.Comparisons[1][(int)Metric.ArrivalsUk]!;
        // The policy stops 20% of would-be crossers, so arrivals fall by roughly 20% in every replication.
        double baselineMean = results.Summaries[0][(int)Metric.ArrivalsUk].Mean;
        Assert.InRange(arrivals.MeanDiff / baselineMean, -0.22, -0.18);
        Assert.True(arrivals.Ci95High < 0);
        Assert.Equal(1.0, arrivals.PLower);
        // Under CRN the paired difference is far less variable than two independent samples would be.
        Assert.True(arrivals.VarianceReduction > 10, $"variance reduction was {arrivals.VarianceReduction}");
        // A metric the policy cannot change has a zero-variance difference: no ratio.
        Assert.True(double.IsNaN(results.Comparisons[1][(int)Metric.RedDays]!.VarianceReduction));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("vr"), "summary.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("comparisons").GetProperty("patrols").GetProperty("red_days").GetProperty("variance_reduction").ValueKind);
    }

    [Fact]
    public void PrecisionTargetStopsOnceTheIntervalIsNarrowEnough()
    {
        using var temp = new TempDirectory();
        // One variant: the relative half-width of mean arrivals over 12 days starts near 10% with 10 replications.
        var scenario = TestScenarios.Scenario("precise", ("baseline", 0.0));
        var precision = new PrecisionTarget(0.03, Metric.ArrivalsUk, 2000);
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(temp.Sub("p1"), replications: 10, precision: precision, scenario: scenario, threads: 2));
        ExperimentResults results = outcome.Results!;
        Assert.Equal(StoppingRules.PrecisionReached, results.StoppingRule);
        MetricSummary arrivals = results.Summaries[0][(int)Metric.ArrivalsUk];
        Assert.True(arrivals.HalfWidth / arrivals.Mean <= 0.03);
        Assert.True(results.Replications > 10 && results.Replications < 2000);
        // The batch schedule depends only on results, so another thread count stops at the same replication.
        SessionOutcome again = TestScenarios.Run(TestScenarios.Request(temp.Sub("p2"), replications: 10, precision: precision, scenario: scenario, threads: 1));
        Assert.Equal(results.Replications, again.Results!.Replications);
        ResultFiles.AssertIdentical(temp.Sub("p1"), temp.Sub("p2"));
    }

    [Fact]
    public void PrecisionTargetOutOfReachStopsAtTheCap()
    {
        using var temp = new TempDirectory();
        var precision = new PrecisionTarget(0.0001, Metric.ArrivalsUk, 50);
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Sub("cap"), replications: 10, precision: precision)).Results!;
        Assert.Equal(StoppingRules.MaxReplications, results.StoppingRule);
        Assert.Equal(50, results.Replications);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("cap"), "summary.json")));
        Assert.Equal("max_replications", json.RootElement.GetProperty("stopping_rule").GetString());
    }

    [Fact]
    public void DailyBandsUseOnlyTheCappedReplications()
    {
        using var temp = new TempDirectory();
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Sub("cap"), replications: 30, dailyCap: 10)).Results!;
        Assert.Equal(10, results.DailyReplications);
        // The band of day 0 equals the quantiles of the first 10 replications' day-0 values.
        double[] firstTen = Enumerable.Range(0, 10).Select(r => results.Store.DailyValue(0, r, 0, 0)).Order().ToArray();
        Assert.Equal(ExperimentStatistics.Quantile(firstTen, 0.5), results.Daily[0][0][0].Median);
    }
}
