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
        "fan_cumulative_arrivals_uk", "fan_difference_arrivals_uk", "launches_weather", "deaths_by_variant", "forest_arrivals_uk", "forest_deaths",
        "uk_response_wait", "uk_response_utilisation",
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
    public void TheUkResponseChartsUseTheP90WaitAndBusyNightUtilisationWhenTheResultsHaveThem()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            // A summary from a newer model: the two metrics added under the names the model team uses.
            string json = File.ReadAllText(Path.Combine(report.ResultsDirectory, "summary.json"));
            json = json.Replace("\"mean_wait_for_rescue_hours\": {", "\"wait_p90_minutes\": { \"mean\": 95, \"ci95_low\": 90, \"ci95_high\": 100 },\n\"uk_busy_night_utilisation\": { \"mean\": 0.4, \"ci95_low\": 0.38, \"ci95_high\": 0.42 },\n\"mean_wait_for_rescue_hours\": {", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir, "summary.json"), json);
            var output = ReportWriter.Write(dir);
            Assert.Equal("UK response: 90th percentile of the wait for a UK vessel", Assert.Single(output.Charts, c => c.Id == "uk_response_wait").Title);
            Assert.Equal("UK response: vessel utilisation on busy nights", Assert.Single(output.Charts, c => c.Id == "uk_response_utilisation").Title);
            // The model now writes wait_p90_minutes, so the report of a run made at test time uses it too.
            Assert.Equal("UK response: 90th percentile of the wait for a UK vessel", Assert.Single(report.Output.Charts, c => c.Id == "uk_response_wait").Title);
        }
        finally { ResultsFixture.Delete(dir); }
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
        string dir = ResultsFixture.NewTempDirectory();
        foreach (string f in Directory.GetFiles(report.ResultsDirectory)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        try
        {
            string daily = Path.Combine(dir, ResultsReader.DailyFile);
            File.WriteAllLines(daily, File.ReadAllLines(daily).Where(l => !l.Contains(",cumulative_arrivals_uk,", StringComparison.Ordinal)));
            Assert.Null(FanChart.RenderDifference(ResultsReader.Read(dir), Path.Combine(dir, "plots"), new List<string>()));
            var results = ResultsReader.Read(dir);
            var chart = FanChart.Render(results, Path.Combine(dir, "plots"), new List<string>())!;
            Assert.Contains("running sum of daily medians", chart.Title, StringComparison.Ordinal);
            Assert.Contains("not the median of the cumulative total", chart.Caption, StringComparison.Ordinal);
            Assert.True(new FileInfo(chart.PngPath).Length > 20_000);
        }
        finally { ResultsFixture.Delete(dir); }
    }
}
