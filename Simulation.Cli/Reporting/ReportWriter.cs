using System.Globalization;
using System.Text;
using Simulation.Cli.Plotting;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Validation;

namespace Simulation.Cli.Reporting;

/// <summary>
/// Writes the analyst report of a results directory: charts into <c>plots/</c>, then <c>report.md</c> and a
/// self-contained <c>report.html</c>. Only reads what the runner wrote; no statistic is recomputed here.
/// A sweep directory (sweep.csv, no summary.json) gets the sweep report of <see cref="SweepReport"/>.
/// </summary>
public static class ReportWriter
{
    /// <summary>Name of the Markdown report.</summary>
    public const string MarkdownFile = "report.md";
    /// <summary>Name of the HTML report.</summary>
    public const string HtmlFile = "report.html";
    /// <summary>Sub-directory for the charts.</summary>
    public const string PlotsDirectory = "plots";

    /// <summary>Metrics the headline ranks effects on: the outcomes a policy is judged by.</summary>
    private static readonly string[] HeadlineMetrics = ["arrivals_uk", "deaths"];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads <paramref name="resultsDirectory"/> and writes the report into <paramref name="outputDirectory"/>
    /// (default: the results directory itself). Called by the report command and, after a run, by run, compare and sweep.</summary>
    /// <exception cref="ResultsFormatException">The directory or its summary.json is missing, or a file is malformed.</exception>
    public static ReportOutput Write(string resultsDirectory, string? outputDirectory = null)
    {
        if (SweepReport.IsSweepDirectory(resultsDirectory)) return SweepReport.Write(resultsDirectory, outputDirectory);
        var results = ResultsReader.Read(resultsDirectory);
        string outDir = Path.GetFullPath(outputDirectory ?? resultsDirectory);
        string plotsDir = Path.Combine(outDir, PlotsDirectory);
        Directory.CreateDirectory(plotsDir);
        var notes = new List<string>();
        var charts = ChartSet.RenderAll(results, plotsDir, notes);
        var blocks = Build(results, charts, notes);
        return Save(outDir, "ChannelSim report: " + ScenarioTitle(results), blocks, charts, notes);
    }

    /// <summary>Writes the blocks as report.md and report.html into <paramref name="outDir"/>.</summary>
    internal static ReportOutput Save(string outDir, string title, IReadOnlyList<ReportBlock> blocks, IReadOnlyList<RenderedChart> charts, IReadOnlyList<string> notes)
    {
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
        blocks.Add(new BoxBlock("headline", "Headline", Headline(r)));
        blocks.Add(IntervalBox(r));

        blocks.Add(new HeadingBlock(2, "The question"));
        blocks.Add(new ParagraphBlock(m is not null && m.ScenarioDescription.Length > 0
            ? m.ScenarioDescription
            : "The manifest gives no scenario description."));
        blocks.Add(new ListBlock(s.Variants.Select((v, i) =>
        {
            string d = r.VariantDescription(v.Name);
            string role = i == 0 ? "the reference; every other variant is compared with it"
                : s.IsIdentical(v.Name) ? $"identical to the reference {s.Baseline.Name} (same resolved parameters), so it has no effect of its own"
                : "policy";
            return (v.Name, d.Length > 0 ? $"{d} ({role})" : $"({role}; no description in the manifest)");
        }).ToList()));

        AddEffects(blocks, r);
        AddInteractions(blocks, r);
        AddValidation(blocks, r);

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

        AddAllMetrics(blocks, r);
        AddAssumptions(blocks, m);
        AddProvenance(blocks, r);
        return blocks;
    }

    /// <summary>A variant's name for prose: "windspire_rule" reads "Windspire rule"; a compare name "file/variant" keeps its file.</summary>
    internal static string Humanize(string variant)
    {
        int slash = variant.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) return Humanize(variant[(slash + 1)..]) + " (" + variant[..slash] + ")";
        string words = variant.Replace('_', ' ');
        return words.Length == 0 ? variant : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    /// <summary>The label of a metric inside a sentence: lower-case first letter unless it starts an abbreviation ("UK").</summary>
    private static string InSentence(MetricInfo info) =>
        info.Label.Length > 1 && char.IsUpper(info.Label[1]) ? info.Label : char.ToLower(info.Label[0], CultureInfo.InvariantCulture) + info.Label[1..];

    /// <summary>
    /// The three largest effects on arrivals and deaths that simulation noise cannot explain (interval excluding zero),
    /// ranked by their size relative to the reference, each in words with its unit and interval.
    /// </summary>
    internal static IReadOnlyList<string> Headline(ResultsDirectory r)
    {
        var s = r.Summary;
        int replications = s.Replications > 0 ? s.Replications : s.Baseline.Find("arrivals_uk")?.N ?? 0;
        var policies = s.Variants.Skip(1).Where(v => !s.IsIdentical(v.Name)).ToList();
        if (policies.Count == 0)
        {
            var parts = HeadlineMetrics.Select(name => (Info: MetricLabels.Info(name), Summary: s.Baseline.Find(name)))
                .Where(x => x.Summary is not null)
                .Select(x => $"{MetricLabels.Format(x.Info.Name, x.Summary!.Mean)} {x.Info.Unit} ({InSentence(x.Info)}; 95% CI {MetricLabels.Format(x.Info.Name, x.Summary.Ci95Low)} to {MetricLabels.Format(x.Info.Name, x.Summary.Ci95High)})");
            return [$"{Humanize(s.Baseline.Name)}: " + string.Join(", ", parts) + $", mean of {replications} replications.", "There is no other variant to compare with."];
        }
        var candidates = new List<(double Size, string Sentence)>();
        foreach (var v in policies)
        {
            foreach (string metric in HeadlineMetrics)
            {
                var c = s.FindComparison(v.Name, metric);
                var b = s.Baseline.Find(metric);
                if (c is null || b is null || !(c.Ci95Low > 0 || c.Ci95High < 0)) continue;
                var info = MetricLabels.Info(metric);
                double? pct = info.PercentChange(b.Mean, c.MeanDiff);
                double size = pct is double p ? Math.Abs(p) : Math.Abs(c.MeanDiff) / Math.Max(1e-9, Math.Abs(b.Mean));
                candidates.Add((size, EffectSentence(Humanize(v.Name), info, c.MeanDiff, c.Ci95Low, c.Ci95High, pct)));
            }
        }
        var ranked = candidates.OrderByDescending(x => x.Size).Take(3).ToList();
        var top = ranked.Select(x => x.Sentence).ToList();
        var paragraphs = new List<string>();
        if (top.Count == 0)
        {
            paragraphs.Add($"No variant changes arrivals in the UK or deaths by more than simulation noise over {replications} replications (every 95% interval includes zero).");
        }
        else
        {
            paragraphs.Add(top.Count == 1 ? "The largest effect against " + s.Baseline.Name + ":" : $"The {top.Count} largest effects on arrivals in the UK and deaths, against {s.Baseline.Name}:");
            paragraphs.AddRange(top);
            // Beyond noise is not the same as large: say so when even the largest change is small.
            if (ranked[0].Size < 1) paragraphs.Add("Every one of these is smaller than 1% of the reference: the variants barely move arrivals or deaths; the tables below show what they do change.");
        }
        paragraphs.Add($"Paired differences over {replications} replications on common random numbers; every number below comes from summary.json.");
        return paragraphs;
    }

    /// <summary>"Windspire rule: arrivals in the UK fall by 2,325 people (−6.4%; 95% CI 2,256 to 2,393 people)."</summary>
    internal static string EffectSentence(string subject, MetricInfo info, double diff, double low, double high, double? pct)
    {
        bool down = diff < 0;
        string unit = info.DifferenceUnit;
        string Abs(double x) => MetricLabels.Fixed(Math.Abs(x) * info.DisplayScale, info.Decimals);
        // The interval in the direction of the change, smaller end first.
        (double from, double to) = down ? (-high, -low) : (low, high);
        string interval = from < 0 ? $"95% CI {MetricLabels.Fixed(-from * info.DisplayScale, info.Decimals)} the other way to {Abs(to)}" : $"95% CI {Abs(from)} to {Abs(to)}";
        string relative = pct is double p ? MetricLabels.Fixed(p, 1, signed: true).Replace("-", "\u2212", StringComparison.Ordinal) + "%; " : "";
        return $"{subject}: {InSentence(info)} {(down ? "fall" : "rise")} by {Abs(diff)} {unit} ({relative}{interval} {unit}).";
    }

    private static BoxBlock IntervalBox(ResultsDirectory r)
    {
        int n = r.Summary.Replications > 0 ? r.Summary.Replications : r.Summary.Baseline.Find("arrivals_uk")?.N ?? 0;
        string covers = r.Manifest?.ParameterSets > 1
            ? $"Across plausible parameter sets: every interval spans {r.Manifest.ParameterSets} parameter sets drawn from their stated ranges, each run over {n} replications, so it includes both simulation noise and parameter uncertainty."
            : $"Simulation noise only: every interval is a Monte Carlo 95% confidence interval (Student t) over the {n} replications of each variant. It says how precisely this many replications pin down the model's mean for these parameter values. Parameter uncertainty is not included: if a free or calibrated parameter is wrong, the true effect can lie outside it (channelsim sweep shows how far the results move with one parameter).";
        return new BoxBlock("interval-box", "What the intervals cover",
        [
            covers,
            "Differences are paired by replication: every variant of replication r sees the same weather, demand and boats (common random numbers), which is why a difference's interval can be narrower than either mean's.",
            "p_lower is the share of replications in which the variant's value is lower than the reference's, ties counting half (a metric the variant never changes gives 0.50); it is an empirical frequency, not a p-value.",
        ]);
    }

    /// <summary>Metrics the effects tables show: the main ones, then every other that some variant changes beyond noise.</summary>
    internal static (List<string> Main, List<string> Other) ShownMetrics(ResultsSummary s)
    {
        var main = MetricRegistry.Main.Select(MetricNames.Of).Where(name => s.Baseline.Find(name) is not null).ToList();
        var all = s.Baseline.MetricOrder.Concat(s.Variants.Skip(1).SelectMany(p => p.MetricOrder)).Distinct(StringComparer.Ordinal);
        var other = all.Where(metric => !main.Contains(metric) && s.Variants.Skip(1).Any(v =>
            !s.IsIdentical(v.Name) && s.FindComparison(v.Name, metric) is { } c && (c.Ci95Low > 0 || c.Ci95High < 0))).ToList();
        return (main, other);
    }

    private static void AddEffects(List<ReportBlock> blocks, ResultsDirectory r)
    {
        var s = r.Summary;
        var baseline = s.Baseline;
        var policies = s.Variants.Skip(1).Where(v => !s.IsIdentical(v.Name)).ToList();
        blocks.Add(new HeadingBlock(2, "Effects against the reference"));
        if (policies.Count == 0)
        {
            blocks.Add(new ParagraphBlock(s.Variants.Count > 1
                ? $"Every other variant has exactly the parameters of {baseline.Name}, so there is no effect to show."
                : $"Only {baseline.Name} was run, so there is no effect to show; its means are in the table of all metrics below."));
            return;
        }
        blocks.Add(new ParagraphBlock(
            $"For each variant: the mean difference from {baseline.Name} paired by replication, with its 95% confidence interval; the change relative to the reference mean; " +
            "and p_lower. A dash in the change column marks a percentage that would mislead: shares (their differences are in percentage points) and reference means near zero."));
        var (main, other) = ShownMetrics(s);
        blocks.Add(EffectsTable(s, policies, main, "effects-table"));
        if (other.Count > 0)
        {
            blocks.Add(new HeadingBlock(3, "Other metrics changed beyond simulation noise"));
            blocks.Add(EffectsTable(s, policies, other, "effects-other-table"));
        }
        var identical = s.Variants.Skip(1).Where(v => s.IsIdentical(v.Name)).Select(v => v.Name).ToList();
        if (identical.Count > 0)
        {
            blocks.Add(new ParagraphBlock($"Not shown, because identical to the reference {baseline.Name} (same resolved parameters): {string.Join(", ", identical)}.", Emphasis: true));
        }
    }

    private static TableBlock EffectsTable(ResultsSummary s, IReadOnlyList<VariantSummary> policies, IReadOnlyList<string> metrics, string id)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (string metric in metrics)
        {
            var info = MetricLabels.Info(metric);
            var b = s.Baseline.Find(metric);
            bool first = true;
            foreach (var p in policies)
            {
                var c = s.FindComparison(p.Name, metric);
                double? pct = c is null || b is null ? null : info.PercentChange(b.Mean, c.MeanDiff);
                rows.Add(
                [
                    first ? info.Label : "",
                    first ? info.IsShare ? "% (difference: points)" : info.Unit : "",
                    first && b is not null ? MetricLabels.Format(metric, b.Mean) : "",
                    p.Name,
                    c is null ? "n/a" : MetricLabels.FormatInterval(metric, c.MeanDiff, c.Ci95Low, c.Ci95High, signed: true),
                    pct is double x ? MetricLabels.Fixed(x, 1, signed: true) + "%" : "–",
                    c is null || double.IsNaN(c.PLower) ? "n/a" : c.PLower.ToString("0.00", CultureInfo.InvariantCulture),
                ]);
                first = false;
            }
        }
        return new TableBlock(["Metric", "Unit", $"{s.Baseline.Name} mean", "Variant", "Difference [95% CI]", "Change", "p_lower"], rows,
            Numeric: true, Id: id, TextColumns: new HashSet<int> { 0, 1, 3 }, IntervalColumns: new HashSet<int> { 4 });
    }

    private static void AddInteractions(List<ReportBlock> blocks, ResultsDirectory r)
    {
        var s = r.Summary;
        if (s.Interactions.Count == 0) return;
        blocks.Add(new HeadingBlock(2, "Combined policies"));
        blocks.Add(new ParagraphBlock(
            "For a variant that combines others: its effect against its scenario's baseline, the sum of its parts' effects, and the interaction, their difference, " +
            "computed per replication ((combination − baseline) − Σ (part − baseline)) with its paired 95% interval. An interaction whose interval excludes zero means the policies " +
            "do not simply add up: a negative interaction on arrivals means together they cut arrivals by more than the sum of each alone."));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var x in s.Interactions)
        {
            bool first = true;
            foreach (string metric in HeadlineMetrics.Concat(x.Metrics.Keys.Where(k => !HeadlineMetrics.Contains(k) && x.Metrics[k] is { } e && (e.Ci95Low > 0 || e.Ci95High < 0))))
            {
                var e = x.Find(metric);
                if (e is null) continue;
                rows.Add(
                [
                    first ? $"{x.Variant} = {string.Join(" + ", x.Parts)}" : "",
                    MetricLabels.Info(metric).Label,
                    MetricLabels.Info(metric).IsShare ? "points" : MetricLabels.Unit(metric),
                    MetricLabels.Format(metric, e.CombinedEffect, signed: true),
                    MetricLabels.Format(metric, e.SumOfPartEffects, signed: true),
                    MetricLabels.FormatInterval(metric, e.Interaction, e.Ci95Low, e.Ci95High, signed: true),
                ]);
                first = false;
            }
        }
        blocks.Add(new TableBlock(["Combination", "Metric", "Unit", "Together", "Sum of parts", "Interaction [95% CI]"], rows,
            Numeric: true, Id: "interactions-table", TextColumns: new HashSet<int> { 0, 1, 2 }, IntervalColumns: new HashSet<int> { 5 }));
    }

    /// <summary>The first simulated day of the reference: daily.csv's first date, else the resolved scenario's start date.</summary>
    internal static DateOnly? BaseDate(ResultsDirectory r)
    {
        var first = r.DailySeries(r.Summary.Baseline.Name, "arrivals_uk").FirstOrDefault(d => d.Date.HasValue)?.Date;
        if (first is not null) return first;
        var start = r.Manifest is null ? null : ScenarioAssumptions.AllValues(r.Manifest.ResolvedScenario)
            .FirstOrDefault(a => a.Path.EndsWith("calendar.start_date", StringComparison.Ordinal));
        return start is not null && DateOnly.TryParseExact(start.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static void AddValidation(List<ReportBlock> blocks, ResultsDirectory r)
    {
        blocks.Add(new HeadingBlock(2, "Validation of the base year"));
        DateOnly? start = BaseDate(r);
        if (start is null)
        {
            blocks.Add(new ParagraphBlock($"The results do not say which year was simulated, so the validation status cannot be given; see {ValidationRecord.Document}.", Emphasis: true));
            return;
        }
        int year = start.Value.Year;
        var checks = ValidationRecord.ForYear(year);
        if (checks.Count == 0)
        {
            string validated = string.Join(", ", ValidationRecord.Scenarios.Keys.Order());
            blocks.Add(new ParagraphBlock(
                $"The reference simulates {year} (from {start.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}). There are no validation targets for {year}: the model is checked against " +
                $"the public record of {validated} only ({ValidationRecord.Document}); {(year > 2024 ? "2025 outcomes are kept out of calibration for an out-of-sample test, so " : "")}" +
                "its results for this year are projections of the validated structure, not reproductions of observed figures.", Emphasis: true));
            return;
        }
        int met = checks.Count(c => c.Outcome == ValidationOutcome.Met);
        var missed = checks.Where(c => c.Outcome == ValidationOutcome.Missed).ToList();
        int judged = checks.Count(c => c.Outcome != ValidationOutcome.NotJudged);
        string scenario = ValidationRecord.Scenarios.TryGetValue(year, out var sc) ? sc : "";
        string summary = $"The reference simulates {year}. Against the public record of {year}, the model ({scenario}, {ValidationRecord.Replications} replications) meets {met} of {judged} targets" +
            (missed.Count == 0 ? "." : $" and misses {missed.Count}: {string.Join("; ", missed.Select(c => $"{c.Metric} ({c.Verdict.Replace("**", "", StringComparison.Ordinal)})"))}.") +
            $" The table is {ValidationRecord.Document} (generated by channelsim backtest; a target is met when its implausibility is at most 3); it describes the calibrated model as documented there, not this run.";
        blocks.Add(new ParagraphBlock(summary, Emphasis: missed.Count > 0));
        blocks.Add(new TableBlock(["Target", "Public figure", "Model mean", "Verdict"],
            checks.Select(c => (IReadOnlyList<string>)[c.Name.Length == 0 ? c.Metric : $"{c.Name} ({c.Metric})", c.Target, c.ModelMean, c.Outcome switch
            {
                ValidationOutcome.Missed => "missed: " + c.Verdict.Replace("**", "", StringComparison.Ordinal).Replace("miss: ", "", StringComparison.Ordinal),
                ValidationOutcome.NotJudged => "not judged: " + c.Verdict,
                _ => "met: " + c.Verdict,
            }]).ToList(), Id: "validation-table"));
    }

    private static void AddAllMetrics(List<ReportBlock> blocks, ResultsDirectory r)
    {
        var s = r.Summary;
        blocks.Add(new HeadingBlock(2, "Every metric: reference means and definitions"));
        blocks.Add(new ParagraphBlock($"Means over replications with their 95% confidence intervals, for {s.Baseline.Name}. Shares are fractions in the data files and percentages here. " +
            "Every variant's values of every metric are in summary.csv and comparison.csv; 'channelsim metrics' prints these definitions."));
        blocks.Add(new TableBlock(["Metric", "Unit", "Mean [95% CI]", "Definition"],
            s.Baseline.MetricOrder.Select(metric =>
            {
                var info = MetricLabels.Info(metric);
                var b = s.Baseline.Find(metric)!;
                return (IReadOnlyList<string>)[$"{info.Label} ({metric})", info.Unit, MetricLabels.FormatInterval(metric, b.Mean, b.Ci95Low, b.Ci95High), info.Definition];
            }).ToList(), Numeric: true, Id: "metrics-table", TextColumns: new HashSet<int> { 0, 1, 3 }, IntervalColumns: new HashSet<int> { 2 }));
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
            blocks.Add(new ParagraphBlock("Parameters whose source the scenario files cite in a '# source:' comment (from the scenario files recorded in the manifest). Keys in square brackets are the sources listed below (docs/SOURCES.md); 'free parameter' means no published source: the value was set by calibration or judgement."));
            blocks.Add(new TableBlock(["Parameter", "Value", "Source"],
                sourced.Select(a => (IReadOnlyList<string>)[a.Path, a.Value.Length > 0 ? a.Value : "(section)", a.Source]).ToList(),
                FirstColumnCode: true));
            var keys = sourced.SelectMany(a => SourceCatalog.KeysIn(a.Source)).Distinct(StringComparer.Ordinal).ToList();
            if (keys.Count > 0)
            {
                blocks.Add(new HeadingBlock(3, "Sources cited"));
                blocks.Add(new ListBlock(keys.Select(k => (k, SourceCatalog.All.TryGetValue(k, out var reference) ? reference : "not in this version's docs/SOURCES.md")).ToList()));
            }
            return;
        }
        var values = ScenarioAssumptions.AllValues(m.ResolvedScenario);
        blocks.Add(new ParagraphBlock("The resolved scenario cites no sources ('# source:' comments), so its parameter values are listed instead; check each against docs/SOURCES.md and the scenario files before relying on the results.", Emphasis: true));
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
            new[] { "Replications per variant", Pick(m?.Replications, s.Replications > 0 ? s.Replications.ToString(CultureInfo.InvariantCulture) : "") },
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
