using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Metrics;

public class MetricRegistryTests
{
    [Fact]
    public void EveryMetricEnumValueHasExactlyOneEntryInEnumOrder()
    {
        Metric[] values = Enum.GetValues<Metric>();
        Assert.Equal(values.Length, MetricRegistry.Totals.Length);
        Assert.Equal(MetricNames.Count, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(MetricRegistry.Totals[i].Metric == values[i], $"entry {i} ({MetricRegistry.Totals[i].Name}) describes {MetricRegistry.Totals[i].Metric}, not {values[i]}");
        }
        Assert.Equal(MetricRegistry.Totals.Select(m => m.Name), MetricNames.All);
        Assert.Equal(MetricNames.All.Length, MetricNames.All.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EveryEntryHasALabelAUnitAndASentenceOfDefinition()
    {
        foreach (MetricInfo m in MetricRegistry.Totals.Concat(MetricRegistry.DailySeries))
        {
            Assert.Matches("^[a-z][a-z0-9_]*$", m.Name);
            Assert.False(string.IsNullOrWhiteSpace(m.Label), m.Name + ": no label");
            Assert.False(string.IsNullOrWhiteSpace(m.Unit), m.Name + ": no unit");
            Assert.True(m.Definition.Length >= 30 && m.Definition.EndsWith('.'), m.Name + ": the definition should be a sentence");
            Assert.InRange(m.Decimals, 0, 4);
        }
    }

    [Fact]
    public void EveryDailySeriesTheRunnerWritesIsDescribed()
    {
        foreach (string series in MetricNames.Daily.Append("cumulative_arrivals_uk"))
        {
            Assert.Contains(series, MetricRegistry.DailySeries.Select(m => m.Name));
        }
    }

    [Fact]
    public void SharesAreFractionsInFilesShownInPercentWithoutAPercentageChange()
    {
        foreach (MetricInfo m in MetricRegistry.Totals.Where(m => m.Name.EndsWith("_share", StringComparison.Ordinal) || m.Name.EndsWith("_utilisation", StringComparison.Ordinal)))
        {
            Assert.Equal(MetricKind.Share, m.Kind);
            Assert.Equal(100, m.DisplayScale);
            Assert.Contains("%", m.Unit, StringComparison.Ordinal);
            Assert.Equal("fraction (0 to 1)", m.UnitInFiles);
            Assert.Null(m.PercentChange(0.37, 0.02));
        }
    }

    [Fact]
    public void ArrivalsFollowTheHomeOfficeDefinitionAndInterceptionsSayTheyCountAPersonAgain()
    {
        Assert.Contains("Home Office", MetricRegistry.Of(Metric.ArrivalsUk).Definition, StringComparison.Ordinal);
        Assert.Contains("counted again at every interception", MetricRegistry.Of(Metric.InterceptedAtSeaFr).Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void NoPercentageChangeIsGivenAgainstANearZeroBaseline()
    {
        MetricInfo deaths = MetricRegistry.Of(Metric.DeathsInterception);
        Assert.Null(deaths.PercentChange(0, 3));
        Assert.Null(deaths.PercentChange(0.4, 3));
        MetricInfo arrivals = MetricRegistry.Of(Metric.ArrivalsUk);
        Assert.Equal(-10, arrivals.PercentChange(36_000, -3_600)!.Value, 9);
        Assert.Null(arrivals.PercentChange(double.NaN, 1));
    }
}
