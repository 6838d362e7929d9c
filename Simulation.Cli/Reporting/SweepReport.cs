using System.Globalization;
using System.Text.Json;
using Simulation.Cli.Plotting;

namespace Simulation.Cli.Reporting;

/// <summary>
/// The report of a directory written by <c>channelsim sweep</c>: a headline naming the most influential parameters,
/// what the intervals cover, the one-at-a-time ranking per metric (sensitivity.csv) with units, the tornado charts with
/// their intervals, the sweep's own charts, and provenance.
/// </summary>
public static class SweepReport
{
    /// <summary>Ranking of parameters per metric, written by the sweep.</summary>
    public const string SensitivityFile = "sensitivity.csv";

    /// <summary>True for a directory written by channelsim sweep (sweep.csv, no summary.json).</summary>
    public static bool IsSweepDirectory(string directory) =>
        File.Exists(Path.Combine(directory, ResultsReader.SweepFile)) && !File.Exists(Path.Combine(directory, ResultsReader.SummaryFile));

    private sealed record Ranked(string Metric, int Rank, string Parameter, string Low, string High, double LowMean, double HighMean,
        double BaselineMean, double Diff, double DiffLow, double DiffHigh, int N);

    /// <summary>Draws the tornado charts again from sweep.csv and writes report.md and report.html.</summary>
    /// <exception cref="ResultsFormatException">A file of the sweep is malformed.</exception>
    public static ReportOutput Write(string directory, string? outputDirectory)
    {
        string outDir = Path.GetFullPath(outputDirectory ?? directory);
        string plots = Path.Combine(outDir, ReportWriter.PlotsDirectory);
        Directory.CreateDirectory(plots);
        var rows = ResultsReader.ReadSweep(Path.Combine(directory, ResultsReader.SweepFile));
        var ranking = File.Exists(Path.Combine(directory, SensitivityFile)) ? ReadSensitivity(Path.Combine(directory, SensitivityFile)) : [];
        var manifest = File.Exists(Path.Combine(directory, ResultsReader.ManifestFile)) ? ReadManifest(Path.Combine(directory, ResultsReader.ManifestFile)) : null;
        var notes = new List<string>();
        var charts = new List<RenderedChart>();
        // ScottPlot formats tick labels with the current culture; charts must be identical on every machine.
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            charts.AddRange(rows.GroupBy(r => r.Metric, StringComparer.Ordinal).Select(g => TornadoChart.Render(g.Key, g.ToList(), plots)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
        string scenario = manifest?.Scenario ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        var blocks = new List<ReportBlock> { new HeadingBlock(1, "ChannelSim sweep report: " + scenario) };
        blocks.Add(new BoxBlock("headline", "Headline", Headline(ranking)));
        blocks.Add(new BoxBlock("interval-box", "What the intervals cover",
        [
            $"Simulation noise only: every interval is a Monte Carlo 95% confidence interval (Student t) over the {manifest?.Replications ?? ranking.FirstOrDefault()?.N ?? 0} replications of each point, paired by replication (every point shares the seeds: common random numbers). Parameter uncertainty is not included in any interval.",
            "The ranking varies one parameter at a time, all others at their base values: it shows which inputs the results are sensitive to, not how uncertain the results are when every input is uncertain together.",
        ]));
        AddRanking(blocks, ranking);
        blocks.Add(new HeadingBlock(2, "Charts"));
        foreach (var c in charts)
        {
            blocks.Add(new HeadingBlock(3, c.Title));
            blocks.Add(new ImageBlock(c.Title, ReportWriter.PlotsDirectory + "/" + Path.GetFileName(c.PngPath), c.PngPath,
                c.Caption + $" Vector version: {ReportWriter.PlotsDirectory}/{Path.GetFileName(c.SvgPath)}."));
        }
        // The sweep's own charts of the design (two varied parameters), drawn by the sweep from sweep_points.csv.
        string sourcePlots = Path.Combine(directory, ReportWriter.PlotsDirectory);
        if (Directory.Exists(sourcePlots))
        {
            foreach (string png in Directory.GetFiles(sourcePlots, "sweep_*.png").Order(StringComparer.Ordinal))
            {
                string metric = Path.GetFileNameWithoutExtension(png)["sweep_".Length..];
                string title = $"{MetricLabels.Name(metric)} across the design";
                blocks.Add(new HeadingBlock(3, title));
                blocks.Add(new ImageBlock(title, ReportWriter.PlotsDirectory + "/" + Path.GetFileName(png), png,
                    "Each dot is one design point, coloured by the metric's mean there; drawn by channelsim sweep from sweep_points.csv."));
                charts.Add(new RenderedChart("sweep_" + metric, title, "", png, Path.ChangeExtension(png, ".svg")));
            }
        }
        if (manifest is not null)
        {
            blocks.Add(new HeadingBlock(2, "Provenance"));
            blocks.Add(new TableBlock(["Item", "Value"],
            [
                ["channelsim version", manifest.Version], ["Scenario file", manifest.Scenario], ["Seed", manifest.Seed],
                ["Design", manifest.Design], ["Replications per point", manifest.Replications.ToString(CultureInfo.InvariantCulture)],
                ["Command line", manifest.CommandLine], ["Started (UTC)", manifest.Started], ["Ended (UTC)", manifest.Ended],
            ]));
        }
        else
        {
            blocks.Add(new ParagraphBlock($"{ResultsReader.ManifestFile} was not found, so the sweep's provenance cannot be given.", Emphasis: true));
        }
        return ReportWriter.Save(outDir, "ChannelSim sweep report: " + scenario, blocks, charts, notes);
    }

    private static List<string> Headline(IReadOnlyList<Ranked> ranking)
    {
        var paragraphs = new List<string>();
        foreach (var group in ranking.GroupBy(r => r.Metric, StringComparer.Ordinal))
        {
            var info = MetricLabels.Info(group.Key);
            var top = group.OrderBy(r => r.Rank).First();
            bool beyondNoise = top.DiffLow > 0 || top.DiffHigh < 0;
            paragraphs.Add($"{info.Label}: most sensitive to {top.Parameter}. From {top.Low} to {top.High} it moves the mean from {MetricLabels.Format(group.Key, top.LowMean)} to " +
                $"{MetricLabels.Format(group.Key, top.HighMean)} {info.Unit} (difference {MetricLabels.FormatInterval(group.Key, top.Diff, top.DiffLow, top.DiffHigh, signed: true)}, 95% CI" +
                (beyondNoise ? ")." : "; within simulation noise)."));
        }
        if (paragraphs.Count == 0) paragraphs.Add($"{SensitivityFile} was not found, so no parameter can be ranked.");
        return paragraphs;
    }

    private static void AddRanking(List<ReportBlock> blocks, IReadOnlyList<Ranked> ranking)
    {
        foreach (var group in ranking.GroupBy(r => r.Metric, StringComparer.Ordinal))
        {
            var info = MetricLabels.Info(group.Key);
            blocks.Add(new HeadingBlock(2, $"{info.Label} ({info.Unit}): parameters by influence"));
            blocks.Add(new TableBlock(["Rank", "Parameter", "Low", "High", "Mean at low", "Mean at high", "High − low [95% CI]"],
                group.OrderBy(r => r.Rank).Select(r => (IReadOnlyList<string>)
                [
                    r.Rank.ToString(CultureInfo.InvariantCulture), r.Parameter, r.Low, r.High, MetricLabels.Format(r.Metric, r.LowMean),
                    MetricLabels.Format(r.Metric, r.HighMean), MetricLabels.FormatInterval(r.Metric, r.Diff, r.DiffLow, r.DiffHigh, signed: true),
                ]).ToList(), Numeric: true, Id: "sensitivity-" + group.Key, TextColumns: new HashSet<int> { 1 }, IntervalColumns: new HashSet<int> { 6 }));
        }
    }

    private static List<Ranked> ReadSensitivity(string path)
    {
        var t = CsvTable.Read(path);
        int cM = t.Column("metric"), cR = t.Column("rank"), cP = t.Column("parameter"), cLv = t.Column("low_value"), cHv = t.Column("high_value"),
            cLm = t.Column("low_mean"), cHm = t.Column("high_mean"), cB = t.Column("baseline_mean"), cD = t.Column("diff_high_minus_low"),
            cDl = t.Column("diff_ci95_low"), cDh = t.Column("diff_ci95_high"), cN = t.Column("n");
        double N(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
        return t.Rows.Select(row =>
        {
            var f = row.Fields;
            return new Ranked(f[cM], (int)N(f[cR]), f[cP], f[cLv], f[cHv], N(f[cLm]), N(f[cHm]), N(f[cB]), N(f[cD]), N(f[cDl]), N(f[cDh]), (int)N(f[cN]));
        }).ToList();
    }

    private sealed record SweepManifest(string Version, string Scenario, string Seed, string Design, long Replications, string CommandLine, string Started, string Ended);

    private static SweepManifest? ReadManifest(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            string Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "";
            string scenario = root.TryGetProperty("scenario", out var sc) && sc.TryGetProperty("paths", out var ps) && ps.ValueKind == JsonValueKind.Array
                ? string.Join(", ", ps.EnumerateArray().Select(p => p.GetString())) : "";
            string design = root.TryGetProperty("design", out var d) ? Text(d, "kind") : "";
            long reps = root.TryGetProperty("replications", out var r) && r.TryGetInt64(out long n) ? n : 0;
            return new SweepManifest(Text(root, "channelsim_version"), scenario, Text(root, "seed"), design, reps, Text(root, "command_line"),
                Text(root, "started_utc"), Text(root, "ended_utc"));
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException($"{Path.GetFileName(path)}: not valid JSON ({e.Message})", e);
        }
    }
}
