using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Cli.Reporting;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Cli.Reporting;

[Collection(RenderedReportCollection.Name)]
public sealed class ReportWriterTests(RenderedReportFixture report)
{
    private string Markdown => File.ReadAllText(report.Output.MarkdownPath);
    private string Html => File.ReadAllText(report.Output.HtmlPath);
    private ResultsSummary Summary => ResultsReader.ReadSummary(Path.Combine(report.ResultsDirectory, "summary.json"));

    [Fact]
    public void ReportFilesAndPlotsGoIntoTheResultsDirectoryByDefault()
    {
        Assert.Equal(Path.Combine(report.ResultsDirectory, "report.md"), report.Output.MarkdownPath);
        Assert.True(File.Exists(Path.Combine(report.ResultsDirectory, "report.html")));
        Assert.All(report.Output.Charts, c => Assert.Equal(Path.Combine(report.ResultsDirectory, "plots"), Path.GetDirectoryName(c.PngPath)));
    }

    [Fact]
    public void TheHeadlineStatesTheLargestEffectsInWordsWithUnitsAndIntervals()
    {
        var s = Summary;
        // The largest relative effect on arrivals or deaths, recomputed from summary.json, is the headline's first sentence.
        var largest = s.Variants.Skip(1).SelectMany(v => new[] { "arrivals_uk", "deaths" }.Select(m => (Variant: v.Name, Metric: m, C: s.FindComparison(v.Name, m)!)))
            .Where(x => x.C.Ci95Low > 0 || x.C.Ci95High < 0)
            .OrderByDescending(x => Math.Abs(x.C.MeanDiff / s.Baseline.Find(x.Metric)!.Mean)).First();
        string md = Markdown;
        int headline = md.IndexOf("> **Headline**", StringComparison.Ordinal);
        Assert.True(headline > 0 && headline < md.IndexOf("## The question", StringComparison.Ordinal), "the headline comes first");
        string subject = ReportWriter.Humanize(largest.Variant);
        string label = largest.Metric == "deaths" ? "deaths" : "arrivals in the UK";
        string verb = largest.C.MeanDiff < 0 ? "fall" : "rise";
        Assert.Matches($@"> {Regex.Escape(subject)}: {label} {verb} by [0-9,.]+ people \([+\u2212][0-9.]+%; 95% CI [0-9,.]+ to [0-9,.]+ people\)\.", md);
        Assert.Equal(3, Regex.Matches(md[headline..md.IndexOf("> **What the intervals cover**", StringComparison.Ordinal)], @"^> .+: .+ (fall|rise) by ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void ABoxSaysTheIntervalsCoverSimulationNoiseOnly()
    {
        Assert.Contains("<aside class=\"box\" id=\"interval-box\">", Html, StringComparison.Ordinal);
        Assert.Contains("Simulation noise only", Markdown, StringComparison.Ordinal);
        Assert.Contains("Parameter uncertainty is not included", Markdown, StringComparison.Ordinal);
        Assert.Contains("ties counting half", Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEffectsTableHasAUnitColumnAndOneRowPerVariantAndMainMetric()
    {
        string md = Markdown;
        Assert.Contains("| Metric | Unit | baseline mean | Variant | Difference [95% CI] | Change | p_lower |", md, StringComparison.Ordinal);
        var s = Summary;
        var c = s.FindComparison("windspire_rule", "arrivals_uk")!;
        string difference = Simulation.Cli.Plotting.MetricLabels.FormatInterval("arrivals_uk", c.MeanDiff, c.Ci95Low, c.Ci95High, signed: true);
        Assert.Contains($"|  |  |  | windspire_rule | {difference} |", md, StringComparison.Ordinal);
        Assert.Matches(@"\| Arrivals in the UK \| people \| [0-9,]+ \| more_beach_patrols \|", md);
        // Shares: percent on the page, their differences in points, and no percentage change.
        Assert.Matches(@"\| Share of person-attempts prevented on land \| % \(difference: points\) \| 3[0-9]\.[0-9] \| [a-z_]+ \| [^|]+ \| – \|", md);
        int rows = Regex.Matches(md[md.IndexOf("| Metric | Unit |", StringComparison.Ordinal)..md.IndexOf("### Other metrics", StringComparison.Ordinal)], @"^\| ", RegexOptions.Multiline).Count;
        Assert.Equal(1 + MetricRegistry.Main.Length * (s.Variants.Count - 1), rows);
    }

    [Fact]
    public void TheBaseYearsValidationStatusIsStated()
    {
        string md = Markdown;
        Assert.Contains("## Validation of the base year", md, StringComparison.Ordinal);
        var checks = Simulation.Core.Domain.Validation.ValidationRecord.ForYear(2024);
        int met = checks.Count(c => c.Outcome == Simulation.Core.Domain.Validation.ValidationOutcome.Met);
        int judged = checks.Count(c => c.Outcome != Simulation.Core.Domain.Validation.ValidationOutcome.NotJudged);
        Assert.True(judged >= 5, $"{judged} judged 2024 targets");   // the calibration file's six 2024 targets
        Assert.Contains($"The reference simulates 2024. Against the public record of 2024, the model (scenarios/baseline-2024.yaml, 100 replications) meets {met} of {judged} targets", md, StringComparison.Ordinal);
    }

    [Fact]
    public void SourcesAreCitedByKeyWithTheirFullReferenceAndNoFileOutsideTheRepository()
    {
        string md = Markdown;
        Assert.Contains("| `weather.red_day_share` | 0.29 | [eagle-2025]", md, StringComparison.Ordinal);
        Assert.Contains("- **eagle-2025**: Angela Eagle MP (Home Office minister), written answer on small-boat crossings", md, StringComparison.Ordinal);
        Assert.DoesNotContain("DATA.md", md, StringComparison.Ordinal);
        Assert.DoesNotContain("MODEL.md", md, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMetricIsDefinedWithItsUnit()
    {
        string md = Markdown;
        foreach (MetricInfo m in MetricRegistry.Totals)
        {
            Assert.Contains($"| {m.Label} ({m.Name}) | {m.Unit} |", md, StringComparison.Ordinal);
        }
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
        Assert.Contains("<table id=\"effects-table\">", html, StringComparison.Ordinal);
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
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            File.Copy(Path.Combine(report.ResultsDirectory, ResultsReader.SummaryFile), Path.Combine(dir, ResultsReader.SummaryFile));
            var output = ReportWriter.Write(dir);
            Assert.Equal(["forest_arrivals_uk", "forest_deaths", "uk_response_wait", "uk_response_utilisation"], output.Charts.Select(c => c.Id));
            Assert.Equal(3, output.Notes.Count);
            string md = File.ReadAllText(output.MarkdownPath);
            Assert.Contains("manifest.json was not found", md, StringComparison.Ordinal);
            Assert.Contains("| Seed | 20240101 |", md, StringComparison.Ordinal);
            Assert.Contains("do not say which year was simulated", md, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }
}
