using System.Text;
using Simulation.Cli.Plotting;

namespace Simulation.Cli.Reporting;

/// <summary>
/// Writes the analyst report of a results directory: charts into <c>plots/</c>, then <c>report.md</c> and a
/// self-contained <c>report.html</c>. Only reads what the runner wrote; no statistic is recomputed here.
/// </summary>
public static class ReportWriter
{
    /// <summary>Name of the Markdown report.</summary>
    public const string MarkdownFile = "report.md";
    /// <summary>Name of the HTML report.</summary>
    public const string HtmlFile = "report.html";
    /// <summary>Sub-directory for the charts.</summary>
    public const string PlotsDirectory = "plots";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads <paramref name="resultsDirectory"/> and writes the report into <paramref name="outputDirectory"/>
    /// (default: the results directory itself). Called by the report command and, after a run, by run and compare.</summary>
    /// <exception cref="ResultsFormatException">The directory or its summary.json is missing, or a file is malformed.</exception>
    public static ReportOutput Write(string resultsDirectory, string? outputDirectory = null)
    {
        var results = ResultsReader.Read(resultsDirectory);
        string outDir = Path.GetFullPath(outputDirectory ?? resultsDirectory);
        string plotsDir = Path.Combine(outDir, PlotsDirectory);
        Directory.CreateDirectory(plotsDir);
        var notes = new List<string>();
        var charts = ChartSet.RenderAll(results, plotsDir, notes);
        var blocks = Build(results, charts, notes);
        string title = "ChannelSim report: " + ScenarioTitle(results);
        string md = Path.Combine(outDir, MarkdownFile);
        string html = Path.Combine(outDir, HtmlFile);
        File.WriteAllText(md, MarkdownRenderer.Render(blocks), Utf8NoBom);
        File.WriteAllText(html, HtmlRenderer.Render(title, blocks), Utf8NoBom);
        return new ReportOutput(md, html, charts, notes);
    }

    private static string ScenarioTitle(ResultsDirectory r)
    {
        var m = r.Manifest;
        if (m is not null && m.ScenarioName.Length > 0) { return m.ScenarioName; }
        if (m is not null && m.ScenarioPath.Length > 0) { return Path.GetFileNameWithoutExtension(m.ScenarioPath); }
        return Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(r.Path)));
    }

    private static List<ReportBlock> Build(ResultsDirectory r, IReadOnlyList<RenderedChart> charts, IReadOnlyList<string> notes)
    {
        var s = r.Summary;
        var m = r.Manifest;
        var blocks = new List<ReportBlock> { new HeadingBlock(1, "ChannelSim report: " + ScenarioTitle(r)) };
        if (m is not null && m.Status.Length > 0 && !m.Status.Equals("complete", StringComparison.OrdinalIgnoreCase))
        {
            blocks.Add(new ParagraphBlock($"Run status: {m.Status}. The results may be partial; read them with care.", Emphasis: true));
        }

        blocks.Add(new HeadingBlock(2, "The question"));
        blocks.Add(new ParagraphBlock(m is not null && m.ScenarioDescription.Length > 0
            ? m.ScenarioDescription
            : "The manifest gives no scenario description."));
        blocks.Add(new ListBlock(s.Variants.Select((v, i) =>
        {
            string d = r.VariantDescription(v.Name);
            string role = i == 0 ? "baseline; every policy is compared with it" : "policy";
            return (v.Name, d.Length > 0 ? $"{d} ({role})" : $"({role}; no description in the manifest)");
        }).ToList()));

        AddComparison(blocks, r);

        blocks.Add(new HeadingBlock(2, "Charts"));
        foreach (var c in charts)
        {
            blocks.Add(new HeadingBlock(3, c.Title));
            blocks.Add(new ImageBlock(c.Title, PlotsDirectory + "/" + Path.GetFileName(c.PngPath), c.PngPath,
                c.Caption + $" Vector version: {PlotsDirectory}/{Path.GetFileName(c.SvgPath)}."));
        }
        if (notes.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Not drawn:", Emphasis: true));
            blocks.Add(new ListBlock(notes.Select(n => ("", n)).ToList()));
        }

        AddAssumptions(blocks, m);
        AddProvenance(blocks, r);
        return blocks;
    }

    private static void AddComparison(List<ReportBlock> blocks, ResultsDirectory r)
    {
        var s = r.Summary;
        var baseline = s.Baseline;
        var policies = s.Variants.Skip(1).ToList();
        blocks.Add(new HeadingBlock(2, "Comparison with the baseline"));
        blocks.Add(new ParagraphBlock(
            $"Baseline '{baseline.Name}': mean over replications with its 95% confidence interval. " +
            "For each policy: mean difference policy minus baseline, paired by replication (the variants share random numbers), " +
            "with its 95% confidence interval, and p_lower, the runner's estimate of the probability that the policy gives a lower value than the baseline. " +
            "Shares are shown in percent."));
        var header = new List<string> { "Metric", $"{baseline.Name} mean [95% CI]" };
        foreach (var p in policies)
        {
            header.Add($"{p.Name}: difference [95% CI]");
            header.Add($"{p.Name}: p_lower");
        }
        var rows = new List<IReadOnlyList<string>>();
        // Metric order: the baseline's, then anything only a policy reports.
        var metrics = baseline.MetricOrder.Concat(policies.SelectMany(p => p.MetricOrder)).Distinct(StringComparer.Ordinal).ToList();
        foreach (string metric in metrics)
        {
            double k = MetricLabels.DisplayScale(metric);
            var b = baseline.Find(metric);
            var row = new List<string>
            {
                metric,
                b is null ? "n/a" : ValueFormat.WithInterval(b.Mean * k, b.Ci95Low * k, b.Ci95High * k),
            };
            foreach (var p in policies)
            {
                var c = s.FindComparison(p.Name, metric);
                row.Add(c is null ? "n/a" : ValueFormat.WithInterval(c.MeanDiff * k, c.Ci95Low * k, c.Ci95High * k, signed: true));
                row.Add(c is null || double.IsNaN(c.PLower) ? "n/a" : c.PLower.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
            }
            rows.Add(row);
        }
        blocks.Add(new TableBlock(header, rows, FirstColumnCode: true, Numeric: true));
    }

    private static void AddAssumptions(List<ReportBlock> blocks, ResultsManifest? m)
    {
        blocks.Add(new HeadingBlock(2, "Key assumptions and their sources"));
        if (m is null || m.ResolvedScenario.Length == 0)
        {
            blocks.Add(new ParagraphBlock("The manifest does not include the resolved scenario, so the assumptions cannot be listed here.", Emphasis: true));
            return;
        }
        // The scenario files as written keep the analysts' '# source:' comments; the resolved
        // scenario (values only) is the fallback.
        var sourced = m.SourceYaml.Length > 0 ? ScenarioAssumptions.WithSources(m.SourceYaml) : [];
        if (sourced.Count == 0) sourced = ScenarioAssumptions.WithSources(m.ResolvedScenario);
        if (sourced.Count > 0)
        {
            blocks.Add(new ParagraphBlock("Parameters whose source the scenario files cite in a '# source:' comment (from the scenario files recorded in the manifest)."));
            blocks.Add(new TableBlock(["Parameter", "Value", "Source"],
                sourced.Select(a => (IReadOnlyList<string>)[a.Path, a.Value.Length > 0 ? a.Value : "(section)", a.Source]).ToList(),
                FirstColumnCode: true));
            return;
        }
        var values = ScenarioAssumptions.AllValues(m.ResolvedScenario);
        blocks.Add(new ParagraphBlock("The resolved scenario cites no sources ('# source:' comments), so its parameter values are listed instead; check each against DATA.md before relying on the results.", Emphasis: true));
        blocks.Add(new TableBlock(["Parameter", "Value"],
            values.Select(a => (IReadOnlyList<string>)[a.Path, a.Value]).ToList(), FirstColumnCode: true));
    }

    private static void AddProvenance(List<ReportBlock> blocks, ResultsDirectory r)
    {
        var s = r.Summary;
        var m = r.Manifest;
        static string Pick(string? a, string b) => !string.IsNullOrEmpty(a) ? a : b.Length > 0 ? b : "n/a";
        blocks.Add(new HeadingBlock(2, "Provenance"));
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "channelsim version", Pick(m?.Version, s.Version) },
            new[] { "Source commit", Pick(m?.Commit, "") },
            new[] { "Scenario file", Pick(m?.ScenarioPath, "") },
            new[] { "Scenario SHA-256", Pick(m?.ScenarioSha256, s.ScenarioSha256) },
            new[] { "Seed", Pick(m?.Seed, s.Seed) },
            new[] { "Replications per variant", Pick(m?.Replications, s.Replications > 0 ? s.Replications.ToString(System.Globalization.CultureInfo.InvariantCulture) : "") },
            new[] { "Stopping rule", Pick(s.StoppingRule, "") },
            new[] { "Threads", Pick(m?.Threads, "") },
            new[] { "Command line", Pick(m?.CommandLine, "") },
            new[] { "Started (UTC)", Pick(m?.StartedUtc, "") },
            new[] { "Ended (UTC)", Pick(m?.EndedUtc, "") },
            new[] { "Status", Pick(m?.Status, "") },
        };
        blocks.Add(new TableBlock(["Item", "Value"], rows));
        if (m is null)
        {
            blocks.Add(new ParagraphBlock($"{ResultsReader.ManifestFile} was not found; provenance comes from {ResultsReader.SummaryFile} only.", Emphasis: true));
        }
    }
}
