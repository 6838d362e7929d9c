using System.Xml.Linq;
using Simulation.Cli.Plotting;
using Simulation.Cli.Reporting;
using Simulation.Tests.Cli.Reporting;

namespace Simulation.Tests.Cli.Plotting;

[Collection(RenderedReportCollection.Name)]
public sealed class ChartSetTests(RenderedReportFixture report)
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
}
