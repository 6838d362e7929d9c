using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Tornado chart of a one-at-a-time sweep (sweep.csv, format in <see cref="SweepRow"/>): one chart per metric.</summary>
public static class TornadoChart
{
    private static readonly Color LowColor = Color.FromHex("#0072B2");
    private static readonly Color HighColor = Color.FromHex("#E69F00");
    private const double HalfRow = 0.17;
    private const double BarHeight = 0.32;

    /// <summary>Draws one chart per metric in the sweep; empty if there is no sweep.</summary>
    public static IReadOnlyList<RenderedChart> RenderAll(ResultsDirectory results, string directory)
    {
        var charts = new List<RenderedChart>();
        foreach (var group in results.Sweep.GroupBy(r => r.Metric, StringComparer.Ordinal))
        {
            charts.Add(Render(group.Key, group.ToList(), directory));
        }
        return charts;
    }

    /// <summary>Draws the tornado for one metric; the widest swing is at the top.</summary>
    public static RenderedChart Render(string metric, IReadOnlyList<SweepRow> rows, string directory)
    {
        double scale = MetricLabels.DisplayScale(metric);
        // Ascending swing from the bottom up puts the most influential parameter at the top.
        var ordered = rows.OrderBy(r => r.Swing).ThenBy(r => r.Parameter, StringComparer.Ordinal).ToList();
        double baseline = ordered[0].BaselineMean * scale;
        string title = $"{MetricLabels.Name(metric)}: sensitivity to one parameter at a time";
        var plt = ChartStyle.NewPlot(title, $"Mean {MetricLabels.WithUnit(metric)}", "");
        var low = new List<Bar>();
        var high = new List<Bar>();
        double minX = baseline, maxX = baseline;
        for (int i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            // Low and high sit side by side in the row so that both stay visible when they move
            // the metric the same way (overlaid bars would hide the shorter one).
            low.Add(new Bar { Position = i - HalfRow, ValueBase = baseline, Value = r.LowMean * scale, Size = BarHeight, FillColor = LowColor, LineWidth = 0 });
            high.Add(new Bar { Position = i + HalfRow, ValueBase = baseline, Value = r.HighMean * scale, Size = BarHeight, FillColor = HighColor, LineWidth = 0 });
            minX = Math.Min(minX, Math.Min(r.LowMean, r.HighMean) * scale);
            maxX = Math.Max(maxX, Math.Max(r.LowMean, r.HighMean) * scale);
        }
        var lowPlot = plt.Add.Bars(low);
        lowPlot.Horizontal = true;
        lowPlot.LegendText = "parameter at its low value";
        var highPlot = plt.Add.Bars(high);
        highPlot.Horizontal = true;
        highPlot.LegendText = "parameter at its high value";
        // The paired 95% interval of each setting's difference from the base, drawn at the bar's end.
        bool intervals = false;
        for (int i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            foreach (var (mean, ci, row) in new[] { (r.LowMean, r.LowDiffCi, i - HalfRow), (r.HighMean, r.HighDiffCi, i + HalfRow) })
            {
                if (!double.IsFinite(ci.Low) || !double.IsFinite(ci.High)) continue;
                double x = mean * scale, lo = baseline + ci.Low * scale, hi = baseline + ci.High * scale;
                plt.Add.Plottable(new ScottPlot.Plottables.ErrorBar([x], [row], [Math.Max(0, hi - x)], [Math.Max(0, x - lo)], null, null)
                {
                    LineWidth = 2, CapSize = 8, Color = Colors.Black,
                });
                minX = Math.Min(minX, lo);
                maxX = Math.Max(maxX, hi);
                intervals = true;
            }
        }
        var line = plt.Add.VerticalLine(baseline, 2, Colors.Black, LinePattern.Solid);
        line.LegendText = $"baseline mean {ValueFormat.Number(baseline)}";
        double span = Math.Max(maxX - minX, Math.Abs(baseline) * 0.01 + 1e-9);
        for (int i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            // Labels go past the whisker, so they never sit on it.
            AddEndLabel(plt, r.LowValue, r.LowMean * scale, i - HalfRow, baseline, span, r.LowDiffCi, scale);
            AddEndLabel(plt, r.HighValue, r.HighMean * scale, i + HalfRow, baseline, span, r.HighDiffCi, scale);
        }
        plt.Axes.SetLimitsX(minX - span * 0.18, maxX + span * 0.18);
        plt.Axes.SetLimitsY(-0.6, ordered.Count - 0.4);
        plt.Axes.Left.TickGenerator = ChartStyle.CategoryTicks(ordered.Select(r => r.Parameter).ToList(), i => i);
        ChartStyle.LegendBelow(plt);
        string caption = $"Each pair of bars runs from the baseline mean to the mean with one parameter at its low (blue, lower bar) or high (orange, upper bar) value, all else at baseline; the setting is printed at the bar's end; the black line is the baseline mean. " +
            (intervals ? "Whiskers: the paired 95% interval of each setting's difference from the baseline (simulation noise only). " : $"{ResultsReader.SweepFile} has no interval columns, so no whiskers are drawn. ") +
            $"Source: {ResultsReader.SweepFile}.";
        return ChartStyle.Save(plt, directory, $"tornado_{metric}", title, caption);
    }

    private static void AddEndLabel(Plot plt, string setting, double value, double row, double baseline, double span, (double Low, double High) ci, double scale)
    {
        bool right = value >= baseline;
        double end = value;
        if (double.IsFinite(ci.Low) && double.IsFinite(ci.High)) end = right ? Math.Max(value, baseline + ci.High * scale) : Math.Min(value, baseline + ci.Low * scale);
        var t = plt.Add.Text(setting, end + (right ? 1 : -1) * span * 0.012, row);
        t.LabelStyle.FontSize = 13;
        t.LabelStyle.Alignment = right ? Alignment.MiddleLeft : Alignment.MiddleRight;
    }
}
