using System.Globalization;
using System.Xml.Linq;
using Simulation.Cli.Plotting;
using Simulation.Cli.Reporting;
using Simulation.Tests.Cli.Reporting;

namespace Simulation.Tests.Cli.Plotting;

public sealed class ChartSetTests(RenderedReportFixture report) : IClassFixture<RenderedReportFixture>
{
    public static TheoryData<string> ExpectedCharts => new()
    {
        "fan_cumulative_arrivals_uk", "launches_weather", "deaths_histogram", "forest_arrivals_uk", "forest_deaths",
        "uk_vessel_utilisation", "mean_wait_for_rescue_hours", "tornado_arrivals_uk",
    };

    [Theory]
    [MemberData(nameof(ExpectedCharts))]
    public void EachChartIsWrittenAsANonTrivialPngAndAnSvgWithItsTitle(string id)
    {
        var chart = Assert.Single(report.Output.Charts, c => c.Id == id);
        byte[] png = File.ReadAllBytes(chart.PngPath);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        // A blank 1200x700 PNG compresses to about 5 KB; a chart with text and data is several times that.
        Assert.True(png.Length > 20_000, $"{id}.png is only {png.Length} bytes");
        var svg = XDocument.Load(chart.SvgPath);
        string text = string.Join("", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()));
        Assert.Contains(chart.Title.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsSkippedWhenEveryInputIsPresent()
    {
        Assert.Empty(report.Output.Notes);
        Assert.Equal(ExpectedCharts.Count, report.Output.Charts.Count);
    }

    [Fact]
    public void WithoutACumulativeSeriesTheFanChartSaysItSumsDailyMedians()
    {
        string dir = ResultsFixture.CopyToTemp();
        try
        {
            string daily = Path.Combine(dir, ResultsReader.DailyFile);
            File.WriteAllLines(daily, File.ReadAllLines(daily).Where(l => !l.Contains(",cumulative_arrivals_uk,", StringComparison.Ordinal)));
            var results = ResultsReader.Read(dir);
            var chart = FanChart.Render(results, Path.Combine(dir, "plots"), new List<string>())!;
            Assert.Contains("running sum of daily medians", chart.Title, StringComparison.Ordinal);
            Assert.Contains("not the median of the cumulative total", chart.Caption, StringComparison.Ordinal);
            Assert.True(new FileInfo(chart.PngPath).Length > 20_000);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void ChartsAreByteIdenticalUnderAFrenchCultureAndWhenDrawnAgainInTheSameProcess()
    {
        string dir = ResultsFixture.NewTempDirectory();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var results = ResultsReader.Read(ResultsFixture.SourceDirectory);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var notes = new List<string>();
            var charts = ChartSet.RenderAll(results, dir, notes);
            Assert.Equal(CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.CurrentCulture);
            foreach (var c in charts)
            {
                var original = Assert.Single(report.Output.Charts, o => o.Id == c.Id);


                Assert.True(File.ReadAllBytes(original.SvgPath).AsSpan().SequenceEqual(File.ReadAllBytes(c.SvgPath)), $"{c.Id}.svg differs under fr-FR");
                Assert.True(File.ReadAllBytes(original.PngPath).AsSpan().SequenceEqual(File.ReadAllBytes(c.PngPath)), $"{c.Id}.png differs under fr-FR");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            ResultsFixture.Delete(dir);
        }
    }
}
