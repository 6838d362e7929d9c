using System.Globalization;
using Simulation.Cli.Reporting;

namespace Simulation.Tests.Cli.Reporting;

public sealed class ResultsReaderTests
{
    [Fact]
    public void VariantsKeepFileOrderWithTheBaselineFirst()
    {
        var r = ResultsReader.Read(ResultsFixture.SourceDirectory);
        Assert.Equal(["baseline", "windspire_rule", "french_interception_at_sea"], r.VariantNames);
        Assert.Equal("baseline", r.Summary.Baseline.Name);
        Assert.Equal(["french_interception_at_sea", "windspire_rule"], r.Summary.Comparisons.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(8, r.Summary.Replications);
        Assert.Equal("20240701", r.Summary.Seed);
    }

    [Fact]
    public void MetricSummariesAndComparisonsAreReadAsWritten()
    {
        var s = ResultsReader.Read(ResultsFixture.SourceDirectory).Summary;
        var arrivals = s.Baseline.Find("arrivals_uk")!;
        Assert.Equal(6042.5, arrivals.Mean, 9);
        Assert.Equal(8, arrivals.N);
        Assert.True(arrivals.Ci95Low < arrivals.Mean && arrivals.Mean < arrivals.Ci95High);
        var diff = s.FindComparison("french_interception_at_sea", "arrivals_uk")!;
        Assert.Equal(-1046.625, diff.MeanDiff, 9);
        Assert.Equal(1.0, diff.PLower);
        Assert.True(diff.VarianceReduction > 1, "common random numbers should reduce the variance of the difference");
        Assert.Equal(28, s.Baseline.MetricOrder.Count);
        Assert.Equal("arrivals_uk", s.Baseline.MetricOrder[0]);
    }

    [Fact]
    public void NullNumbersAreReadAsNaN()
    {
        // The fixture's windspire deaths differences are all zero, so the runner wrote variance_reduction: null.
        var c = ResultsReader.Read(ResultsFixture.SourceDirectory).Summary.FindComparison("windspire_rule", "deaths")!;
        Assert.True(double.IsNaN(c.VarianceReduction));
        Assert.Equal(0.0, c.MeanDiff);
    }

    [Fact]
    public void NumbersParseTheSameUnderAFrenchCulture()
    {
        var invariant = ResultsReader.Read(ResultsFixture.SourceDirectory);
        var saved = CultureInfo.CurrentCulture;
        ResultsDirectory french;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            french = ResultsReader.Read(ResultsFixture.SourceDirectory);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.Equal(invariant.Summary.Baseline.Find("people_per_boat"), french.Summary.Baseline.Find("people_per_boat"));
        Assert.Equal(invariant.Daily, french.Daily);
        Assert.Equal(invariant.Replications!.Values("baseline", "uk_vessel_utilisation"), french.Replications!.Values("baseline", "uk_vessel_utilisation"));
        Assert.Equal(invariant.Sweep, french.Sweep);
        // A fractional value proves the '.' was read as a decimal point, not dropped as a group separator.
        double firstUtilisation = french.Replications.Values("baseline", "uk_vessel_utilisation")[0];
        Assert.InRange(firstUtilisation, 0.0, 1.0);
    }

    [Fact]
    public void DailyRowsCarryDayDateAndQuantiles()
    {
        var r = ResultsReader.Read(ResultsFixture.SourceDirectory);
        var rows = r.DailySeries("baseline", "arrivals_uk");
        Assert.Equal(30, rows.Count);
        Assert.Equal(new DateOnly(2024, 7, 1), rows[0].Date);
        Assert.Equal(319, rows[0].Median);
        Assert.Equal(157.25, rows[0].P05);
        Assert.All(rows, d => Assert.True(d.P05 <= d.P25 && d.P25 <= d.Median && d.Median <= d.P75 && d.P75 <= d.P95));
        Assert.Equal(30, r.DailySeries("french_interception_at_sea", "cumulative_arrivals_uk").Count);
    }

    [Fact]
    public void ReplicationValuesAreGroupedByVariantAndMetric()
    {
        var t = ResultsReader.Read(ResultsFixture.SourceDirectory).Replications!;
        Assert.Equal(8, t.Values("baseline", "deaths").Count);
        Assert.Equal(5, t.Values("baseline", "deaths")[0]);
        Assert.DoesNotContain("seed", t.Metrics);
        Assert.Equal(28, t.Metrics.Count);
        Assert.Empty(t.Values("no_such_variant", "deaths"));
    }

    [Fact]
    public void ManifestGivesScenarioAndVariantDescriptions()
    {
        var m = ResultsReader.Read(ResultsFixture.SourceDirectory).Manifest!;
        Assert.Equal("july-2024-policies", m.ScenarioName);
        Assert.StartsWith("French maritime interception", m.VariantDescriptions["french_interception_at_sea"], StringComparison.Ordinal);
        Assert.Contains("# source:", m.ResolvedScenario, StringComparison.Ordinal);
        Assert.Equal("complete", m.Status);
    }

    [Fact]
    public void ManifestVariantDescriptionsMayBeAListOfObjects()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            string path = Path.Combine(dir, "manifest.json");
            File.WriteAllText(path, """{ "variants": [ { "name": "a", "description": "first" }, { "name": "b" } ], "command_line": ["channelsim", "run", "x.yaml"], "seed": 7 }""");
            var m = ResultsReader.ReadManifest(path);
            Assert.Equal("first", m.VariantDescriptions["a"]);
            Assert.False(m.VariantDescriptions.ContainsKey("b"));
            Assert.Equal("channelsim run x.yaml", m.CommandLine);
            Assert.Equal("7", m.Seed);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void UnknownFieldsAreIgnoredAndNumbersMayBeStrings()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            string path = Path.Combine(dir, "summary.json");
            File.WriteAllText(path, """
                { "future_field": [1, 2], "variants": { "base": { "extra": true, "description": "status quo", "metrics": {
                    "deaths": { "mean": 2.5, "sd": "NaN", "ci95_low": 1, "ci95_high": 4, "p05": 0, "p50": 2, "p95": 6, "n": 10, "skew": 0.1 } } } } }
                """);
            var s = ResultsReader.ReadSummary(path);
            var d = s.Baseline.Find("deaths")!;
            Assert.Equal("status quo", s.Baseline.Description);
            Assert.Equal(2.5, d.Mean);
            Assert.True(double.IsNaN(d.Sd));
            Assert.Empty(s.Comparisons);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void MissingDirectoryOrSummaryIsReportedByName()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            var missing = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(Path.Combine(dir, "nope")));
            Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
            var noSummary = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(dir));
            Assert.Contains("summary.json", noSummary.Message, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void MalformedJsonNamesTheFileAndLine()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "summary.json"), "{\n  \"variants\": {\n    \"base\": oops\n  }\n}\n");
            var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.Read(dir));
            Assert.StartsWith("summary.json: line 3:", e.Message, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void BadCsvNumberNamesFileLineColumnAndValue()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            string path = Path.Combine(dir, "daily.csv");
            File.WriteAllText(path, "variant,series,day,date,median,p05,p25,p75,p95\nbase,deaths,0,2024-01-01,1,0,0,2,3\nbase,deaths,1,2024-01-02,\"1,5\",0,0,2,3\n");
            var e = Assert.Throws<ResultsFormatException>(() => ResultsReader.ReadDaily(path));
            Assert.Equal("daily.csv: line 3: column 'median' value '1,5' is not a number (use '.' as decimal point).", e.Message);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void SweepRowsAreReadWithTheirSwing()
    {
        var sweep = ResultsReader.Read(ResultsFixture.SourceDirectory).Sweep;
        Assert.Equal(5, sweep.Count);
        var first = sweep[0];
        Assert.Equal("launch.prevented_on_land_share", first.Parameter);
        Assert.Equal("0.35", first.LowValue);
        Assert.Equal("0.55", first.HighValue);
        Assert.Equal("arrivals_uk", first.Metric);
        // Values from the fixture's sweep.csv: low_mean 7009.3, high_mean 5136.1, baseline 6042.5.
        Assert.Equal(7009.3, first.LowMean, 9);
        Assert.Equal(5136.1, first.HighMean, 9);
        Assert.Equal(6042.5, first.BaselineMean, 9);
        // The swing is the width of the tornado bar, positive whichever end is larger:
        // 7009.3 - 5136.1 = 1873.2 here (high below low), 6828.0 - 5196.6 = 1631.4 in row 2 (high above low).
        Assert.Equal(1873.2, first.Swing, 9);
        Assert.Equal(1631.4, sweep[1].Swing, 9);
        Assert.Equal(0.0, sweep[2].LowMean - 6042.5, 9);
    }
}
