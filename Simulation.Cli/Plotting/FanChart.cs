using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using Simulation.Cli.Reporting;
using Simulation.Core.Domain.Validation;

namespace Simulation.Cli.Plotting;

/// <summary>
/// Cumulative UK arrivals over the horizon per variant: median line with 50% and 90% bands across replications,
/// each line labelled at its end, the variants' dated policy changes marked, and the observed total of the base year
/// where one is known; plus a second panel of each variant's difference from the reference.
/// </summary>
public static partial class FanChart
{
    /// <summary>Series the runner writes for this chart.</summary>
    public const string CumulativeSeries = "cumulative_arrivals_uk";

    /// <summary>Draws the chart, or returns null and adds a note when daily.csv has no arrivals series.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        bool fromCumulative = variants.All(v => results.DailySeries(v, CumulativeSeries).Count > 0);
        bool fromDaily = variants.All(v => results.DailySeries(v, "arrivals_uk").Count > 0);
        if (!fromCumulative && !fromDaily)
        {
            notes.Add($"Fan chart of cumulative arrivals not drawn: {ResultsReader.DailyFile} has neither a '{CumulativeSeries}' nor an 'arrivals_uk' series for every variant.");
            return null;
        }
        string title = fromCumulative
            ? "Cumulative arrivals in the UK: median with 50% and 90% bands across replications"
            : "Cumulative arrivals in the UK: running sum of daily medians (no bands available)";
        var plt = ChartStyle.NewPlot(title, "Date", "People landed in the UK since the start (people)");
        string series = fromCumulative ? CumulativeSeries : "arrivals_uk";
        bool dates = variants.All(v => results.DailySeries(v, series).All(r => r.Date.HasValue));
        if (dates)
        {
            var all = variants.SelectMany(v => results.DailySeries(v, series)).Select(r => r.Date!.Value).ToList();
            ChartStyle.MonthTicks(plt, all.Min(), all.Max());
        }
        else plt.XLabel("Day of the run (day 0 = start date)", 16);

        if (fromCumulative)
        {
            // All bands before any line, so that no band hides another variant's median.
            for (int i = 0; i < variants.Count; i++)
            {
                var rows = results.DailySeries(variants[i], CumulativeSeries);
                double[] xs = rows.Select(r => ChartStyle.X(r, dates)).ToArray();
                var c = ChartStyle.VariantColor(i);
                var outer = plt.Add.FillY(xs, rows.Select(r => r.P05).ToArray(), rows.Select(r => r.P95).ToArray());
                outer.FillColor = c.WithAlpha(0.08);
                outer.LineWidth = 0;
                var inner = plt.Add.FillY(xs, rows.Select(r => r.P25).ToArray(), rows.Select(r => r.P75).ToArray());
                inner.FillColor = c.WithAlpha(0.18);
                inner.LineWidth = 0;
            }
        }
        var ends = new List<(double Y, string Text, Color Color)>();
        double firstX = double.MaxValue, lastX = double.MinValue, top = 0;
        for (int i = 0; i < variants.Count; i++)
        {
            var rows = results.DailySeries(variants[i], series);
            double[] xs = rows.Select(r => ChartStyle.X(r, dates)).ToArray();
            double[] median = fromCumulative ? rows.Select(r => r.Median).ToArray() : RunningSum(rows);
            var line = plt.Add.Scatter(xs, median, ChartStyle.VariantColor(i));
            line.MarkerSize = 0;
            line.LineWidth = i == 0 ? 3.5f : 2.5f;
            line.LinePattern = ChartStyle.VariantPattern(i);
            firstX = Math.Min(firstX, xs[0]);
            lastX = Math.Max(lastX, xs[^1]);
            top = Math.Max(top, fromCumulative ? rows.Max(r => Math.Max(r.P95, r.Median)) : median.Max());
            ends.Add((median[^1], variants[i], ChartStyle.VariantColor(i)));
        }
        string markers = dates ? MarkTimelines(plt, results, top) : "";
        string observed = dates ? MarkObservedTotal(plt, results, lastX, ref top) : "";
        ChartStyle.DirectLabels(plt, lastX, ends, top * 0.035);
        // Room on the right for the labels: about a quarter of the horizon.
        plt.Axes.SetLimitsX(firstX, lastX + (lastX - firstX) * 0.27);
        plt.Axes.SetLimitsY(0, Math.Max(1, top * 1.08));
        string caption = (fromCumulative
            ? $"Quantiles across replications of the '{CumulativeSeries}' series in {ResultsReader.DailyFile}: line = median, dark band = 25th-75th percentile, light band = 5th-95th percentile; each line is named at its end."
            : $"{ResultsReader.DailyFile} has no '{CumulativeSeries}' series, so each line is the running sum of the daily median arrivals; it is not the median of the cumulative total, and no bands can be drawn.")
            + markers + observed;
        return ChartStyle.Save(plt, directory, "fan_cumulative_arrivals_uk", title, caption);
    }

    /// <summary>
    /// The second panel: each variant's cumulative arrivals minus the reference's, as the difference of the two medians
    /// (daily.csv has no paired daily differences), with the paired difference of the period totals and its 95% interval
    /// from summary.json at the end.
    /// </summary>
    public static RenderedChart? RenderDifference(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        var summary = results.Summary;
        var shown = Enumerable.Range(1, variants.Count - 1).Where(i => !summary.IsIdentical(variants[i])).ToList();
        if (shown.Count == 0 || variants.Any(v => results.DailySeries(v, CumulativeSeries).Count == 0)) return null;
        var reference = results.DailySeries(variants[0], CumulativeSeries);
        bool dates = reference.All(r => r.Date.HasValue);
        const string title = "Cumulative arrivals in the UK: difference from the reference";
        var plt = ChartStyle.NewPlot(title, "Date", $"Variant minus {variants[0]} (people)");
        if (dates) ChartStyle.MonthTicks(plt, reference[0].Date!.Value, reference[^1].Date!.Value);
        else plt.XLabel("Day of the run (day 0 = start date)", 16);
        plt.Add.HorizontalLine(0, 1.5f, Colors.Gray, LinePattern.Solid);
        var ends = new List<(double Y, string Text, Color Color)>();
        double low = 0, high = 0, firstX = ChartStyle.X(reference[0], dates), lastX = ChartStyle.X(reference[^1], dates);
        foreach (int i in shown)
        {
            var rows = results.DailySeries(variants[i], CumulativeSeries);
            int n = Math.Min(rows.Count, reference.Count);
            double[] xs = rows.Take(n).Select(r => ChartStyle.X(r, dates)).ToArray();
            double[] diff = Enumerable.Range(0, n).Select(d => rows[d].Median - reference[d].Median).ToArray();
            var c = ChartStyle.VariantColor(i);
            var line = plt.Add.Scatter(xs, diff, c);
            line.MarkerSize = 0;
            line.LineWidth = 2.5f;
            line.LinePattern = ChartStyle.VariantPattern(i);
            low = Math.Min(low, diff.Min());
            high = Math.Max(high, diff.Max());
            var paired = summary.FindComparison(variants[i], "arrivals_uk");
            if (paired is not null && double.IsFinite(paired.Ci95Low))
            {
                double x = xs[^1] + (lastX - firstX) * 0.012;
                var bar = new ScottPlot.Plottables.ErrorBar([x], [paired.MeanDiff], null, null, [paired.Ci95High - paired.MeanDiff], [paired.MeanDiff - paired.Ci95Low])
                {
                    LineWidth = 2, CapSize = 6, Color = c,
                };
                plt.Add.Plottable(bar);
                low = Math.Min(low, paired.Ci95Low);
                high = Math.Max(high, paired.Ci95High);
            }
            ends.Add((diff[^1], variants[i], c));
        }
        double span = Math.Max(1, high - low);
        ChartStyle.DirectLabels(plt, lastX + (lastX - firstX) * 0.02, ends, span * 0.04);
        plt.Axes.SetLimitsX(firstX, lastX + (lastX - firstX) * 0.32);
        plt.Axes.SetLimitsY(low - span * 0.06, high + span * 0.06);
        string caption = $"Lines: median cumulative arrivals of each variant minus that of {variants[0]} (a difference of medians from {ResultsReader.DailyFile}, not a paired statistic). " +
            $"Whisker at the end: the paired mean difference of the period's total with its 95% confidence interval, from {ResultsReader.SummaryFile}. Variants identical to the reference are left out.";
        return ChartStyle.Save(plt, directory, "fan_difference_arrivals_uk", title, caption);
    }

    private static double[] RunningSum(IReadOnlyList<DailyQuantiles> rows)
    {
        // The median of a running total is not the running total of daily medians; the title says so.
        var sums = new double[rows.Count];
        double sum = 0;
        for (int d = 0; d < rows.Count; d++)
        {
            sum += double.IsNaN(rows[d].Median) ? 0 : rows[d].Median;
            sums[d] = sum;
        }
        return sums;
    }

    /// <summary>A dashed vertical line, in the variant's colour, on each date a variant's timeline changes a parameter that the reference's does not.</summary>
    private static string MarkTimelines(Plot plt, ResultsDirectory results, double top)
    {
        var timelines = Timelines(results.Manifest?.ResolvedScenario ?? "");
        var variants = results.VariantNames;
        timelines.TryGetValue(variants[0], out var referenceChanges);
        int marked = 0;
        for (int i = 1; i < variants.Count; i++)
        {
            if (!timelines.TryGetValue(variants[i], out var changes)) continue;
            foreach (var (date, what) in changes.Where(c => referenceChanges is null || !referenceChanges.Contains(c)))
            {
                var c = ChartStyle.VariantColor(i);
                var line = plt.Add.VerticalLine(ChartStyle.X(date), 1.5f, c, LinePattern.Dashed);
                var t = plt.Add.Text($"{variants[i]}: {what} from {date.ToString("d MMM", CultureInfo.InvariantCulture)}", ChartStyle.X(date), top * (1.04 - 0.05 * marked));
                t.LabelFontColor = ChartStyle.Readable(c);
                t.LabelFontSize = 12;
                t.LabelAlignment = Alignment.MiddleRight;
                t.OffsetX = -4;
                _ = line;
                marked++;
            }
        }
        return marked == 0 ? "" : " Dashed vertical lines: dates on which a variant's timeline changes a parameter.";
    }

    /// <summary>The observed total of the base year (validation record), when the run covers that whole calendar year.</summary>
    private static string MarkObservedTotal(Plot plt, ResultsDirectory results, double lastX, ref double top)
    {
        var reference = results.DailySeries(results.VariantNames[0], CumulativeSeries);
        if (reference.Count == 0 || reference[0].Date is not { } start || start.DayOfYear != 1) return "";
        int year = start.Year;
        if (reference[^1].Date is not { } end || end != new DateOnly(year, 12, 31)) return "";
        var check = ValidationRecord.ForYear(year).FirstOrDefault(c => c.Metric == "arrivals_uk");
        if (check is null || !double.TryParse(check.Target.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double observed)) return "";
        var marker = plt.Add.Marker(lastX, observed, MarkerShape.FilledDiamond, 14, Colors.Black);
        _ = marker;
        var t = plt.Add.Text($"observed {year}: {observed.ToString("#,##0", CultureInfo.InvariantCulture)}", lastX, observed);
        t.LabelFontSize = 12;
        t.LabelAlignment = Alignment.UpperRight;
        t.OffsetY = 8;
        top = Math.Max(top, observed);
        return $" Black diamond: the published total for {year} ({observed.ToString("#,##0", CultureInfo.InvariantCulture)} people, Home Office small boat arrivals; {ValidationRecord.Document}).";
    }

    /// <summary>Each variant's dated changes in the resolved scenario ("variants: name: ... timeline: - date: ... set: path: value").</summary>
    internal static Dictionary<string, HashSet<(DateOnly Date, string What)>> Timelines(string resolvedYaml)
    {
        var result = new Dictionary<string, HashSet<(DateOnly, string)>>(StringComparer.Ordinal);
        string? variant = null;
        DateOnly? date = null;
        foreach (string line in resolvedYaml.Split('\n'))
        {
            if (VariantLine().Match(line) is { Success: true } v) { variant = v.Groups[1].Value; date = null; continue; }
            if (variant is null) continue;
            if (DateLine().Match(line) is { Success: true } d)
            {
                date = DateOnly.ParseExact(d.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                continue;
            }
            if (date is not null && SetLine().Match(line) is { Success: true } s)
            {
                if (!result.TryGetValue(variant, out var set)) result[variant] = set = [];
                set.Add((date.Value, $"{s.Groups[1].Value[(s.Groups[1].Value.LastIndexOf('.') + 1)..]} = {s.Groups[2].Value.Trim('"')}"));
            }
        }
        return result;
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9_]*):\s*$")]
    private static partial Regex VariantLine();

    [GeneratedRegex(@"^\s+- date: (\d{4}-\d{2}-\d{2})\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^\s{8,}([a-z][a-z0-9_.]*): (.+)$")]
    private static partial Regex SetLine();
}
