using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Cli.Reporting;

namespace Simulation.Tests.Cli.Reporting;

[Collection(RenderedReportCollection.Name)]
public sealed class ReportWriterTests(RenderedReportFixture report)
{
    private string Markdown => File.ReadAllText(report.Output.MarkdownPath);
    private string Html => File.ReadAllText(report.Output.HtmlPath);

    [Fact]
    public void ReportFilesAndPlotsGoIntoTheResultsDirectoryByDefault()
    {
        Assert.Equal(Path.Combine(report.ResultsDirectory, "report.md"), report.Output.MarkdownPath);
        Assert.True(File.Exists(Path.Combine(report.ResultsDirectory, "report.html")));
        Assert.All(report.Output.Charts, c => Assert.Equal(Path.Combine(report.ResultsDirectory, "plots"), Path.GetDirectoryName(c.PngPath)));
    }

    [Fact]
    public void MarkdownHasTheComparisonTableRows()
    {
        string md = Markdown;
        Assert.Contains("| Metric | baseline mean [95% CI] | windspire_rule: difference [95% CI] | windspire_rule: p_lower | french_interception_at_sea: difference [95% CI] | french_interception_at_sea: p_lower |", md, StringComparison.Ordinal);
        // Values from the fixture's summary.json: baseline mean 6042.5 [4935.8, 7149.2]; differences -423.1 and -1046.6.
        Assert.Contains("| `arrivals_uk` | 6,043 [4,936, 7,149] | -423 [-501, -345] | 1.00 | -1,047 [-1,287, -806] | 1.00 |", md, StringComparison.Ordinal);
        Assert.Contains("| `deaths` | 11.0 [8.36, 13.6] | 0 [0, 0] | 0.00 | -1.63 [-4.59, +1.34] | 0.50 |", md, StringComparison.Ordinal);
        // Shares are shown in percent: utilisation 0.342 -> 34.2.
        Assert.Contains("| `uk_vessel_utilisation` | 34.2 [31.4, 36.9] |", md, StringComparison.Ordinal);
        Assert.Equal(28, Regex.Matches(md, @"^\| `[a-z_0-9]+` \|", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void MarkdownStatesTheQuestionAssumptionsAndProvenance()
    {
        string md = Markdown;
        Assert.Contains("# ChannelSim report: july-2024-policies", md, StringComparison.Ordinal);
        Assert.Contains("- **windspire_rule**: UK vessels return all permitted rescues to a French port", md, StringComparison.Ordinal);
        Assert.Contains("| `launch.prevented_on_land_share` | 0.45 | French interior ministry figures on prevented crossings, 2024 (DATA.md §4) |", md, StringComparison.Ordinal);
        Assert.Contains("| Seed | 20240701 |", md, StringComparison.Ordinal);
        Assert.Contains("| Scenario SHA-256 | 3f6c1b8e0a4d4c2e9b7a5f1d2e3c4b5a69788766554433221100ffeeddccbbaa |", md, StringComparison.Ordinal);
        Assert.Contains("| Command line | channelsim run scenarios/july-2024-policies.yaml --replications 8 --seed 20240701 --out results/july |", md, StringComparison.Ordinal);
        Assert.Contains("![Deaths per replication](plots/deaths_histogram.png)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlIsSelfContainedWithEveryChartEmbedded()
    {
        string html = Html;
        var sources = Regex.Matches(html, "<img [^>]*src=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(report.Output.Charts.Count, sources.Count);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s, StringComparison.Ordinal));
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("id = 'image-check'", html, StringComparison.Ordinal);
        Assert.Contains("<td><code>arrivals_uk</code></td><td>6,043 [4,936, 7,149]</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void SameInputsGiveTheSameBytesUnderAFrenchCulture()
    {
        // Drawn a second time in the same process and under fr-FR: every file must match the first rendering byte for byte.
        string other = ResultsFixture.NewTempDirectory();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            var again = ReportWriter.Write(report.ResultsDirectory, other);
            Assert.Equal("fr-FR", CultureInfo.CurrentCulture.Name);
            Assert.Equal(File.ReadAllBytes(report.Output.MarkdownPath), File.ReadAllBytes(again.MarkdownPath));
            Assert.Equal(File.ReadAllBytes(report.Output.HtmlPath), File.ReadAllBytes(again.HtmlPath));
            Assert.Equal(report.Output.Charts.Select(c => c.Id), again.Charts.Select(c => c.Id));
            foreach (var (first, second) in report.Output.Charts.Zip(again.Charts))
            {
                Assert.True(File.ReadAllBytes(first.PngPath).AsSpan().SequenceEqual(File.ReadAllBytes(second.PngPath)), $"{first.Id}.png differs");
                Assert.True(File.ReadAllBytes(first.SvgPath).AsSpan().SequenceEqual(File.ReadAllBytes(second.SvgPath)), $"{first.Id}.svg differs");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            ResultsFixture.Delete(other);
        }
    }

    [Fact]
    public void MissingOptionalFilesAreNotedInsteadOfFailing()
    {
        string dir = ResultsFixture.CopyToTemp();
        try
        {
            File.Delete(Path.Combine(dir, ResultsReader.DailyFile));
            File.Delete(Path.Combine(dir, ResultsReader.ReplicationsFile));
            File.Delete(Path.Combine(dir, ResultsReader.ManifestFile));
            File.Delete(Path.Combine(dir, ResultsReader.SweepFile));
            var output = ReportWriter.Write(dir);
            Assert.Equal(["forest_arrivals_uk", "forest_deaths", "uk_vessel_utilisation", "mean_wait_for_rescue_hours"], output.Charts.Select(c => c.Id));
            Assert.Equal(3, output.Notes.Count);
            string md = File.ReadAllText(output.MarkdownPath);
            Assert.Contains("manifest.json was not found", md, StringComparison.Ordinal);
            Assert.Contains("| Seed | 20240701 |", md, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }
}
