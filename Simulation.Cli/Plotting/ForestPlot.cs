using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Paired differences (policy minus baseline) with 95% confidence intervals, one row per policy.</summary>
public static class ForestPlot
{
    /// <summary>Draws the chart for one metric, or returns null and adds a note when there is nothing to compare.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string metric, string directory, ICollection<string> notes)
    {
        var summary = results.Summary;
        var policies = summary.Variants.Skip(1).Select(v => v.Name)
            .Where(v => summary.FindComparison(v, metric) is not null).ToList();
        if (policies.Count == 0)
        {
            notes.Add($"Forest plot for '{metric}' not drawn: {ResultsReader.SummaryFile} has no comparison against the baseline for it.");
            return null;
        }
        string baseline = summary.Baseline.Name;
        string title = $"{MetricLabels.Name(metric)}: change against '{baseline}', mean and 95% CI";
        double scale = MetricLabels.DisplayScale(metric);
        var plt = ChartStyle.NewPlot(title, $"Policy minus baseline, paired by replication ({MetricLabels.Unit(metric)})", "");
        int n = policies.Count;
        var xs = new double[n]; var ys = new double[n]; var neg = new double[n]; var pos = new double[n]; var zero = new double[n];
        double minX = 0, maxX = 0;
        for (int i = 0; i < n; i++)
        {
            var c = summary.FindComparison(policies[i], metric)!;
            // First policy at the top, as in the report's table.
            ys[i] = n - 1 - i;
            xs[i] = c.MeanDiff * scale;
            neg[i] = double.IsNaN(c.Ci95Low) ? 0 : (c.MeanDiff - c.Ci95Low) * scale;
            pos[i] = double.IsNaN(c.Ci95High) ? 0 : (c.Ci95High - c.MeanDiff) * scale;
            minX = Math.Min(minX, xs[i] - neg[i]);
            maxX = Math.Max(maxX, xs[i] + pos[i]);
        }
        plt.Add.VerticalLine(0, 2, Colors.Gray, LinePattern.Solid);
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, neg, pos, zero, zero)
        {
            LineWidth = 2.5f, CapSize = 12, Color = ChartStyle.VariantColor(0),
        };
        plt.Add.Plottable(bars);
        var points = plt.Add.Scatter(xs, ys, ChartStyle.VariantColor(0));
        points.LineWidth = 0;
        points.MarkerSize = 14;
        points.MarkerShape = MarkerShape.FilledSquare;
        double span = Math.Max(maxX - minX, 1e-9);
        for (int i = 0; i < n; i++)
        {
            var c = summary.FindComparison(policies[i], metric)!;
            var label = plt.Add.Text(
                ValueFormat.WithInterval(c.MeanDiff * scale, c.Ci95Low * scale, c.Ci95High * scale, signed: true),
                xs[i], ys[i] + 0.18);
            label.LabelStyle.FontSize = 14;
            label.LabelStyle.Alignment = Alignment.LowerCenter;
        }
        plt.Axes.SetLimitsX(minX - span * 0.15, maxX + span * 0.15);
        plt.Axes.SetLimitsY(-0.6, n - 0.3);
        plt.Axes.Left.TickGenerator = ChartStyle.CategoryTicks(policies, i => n - 1 - i);
        plt.Axes.Left.TickLabelStyle.FontSize = 15;
        string caption = $"Square: mean paired difference of {MetricLabels.Name(metric).ToLowerInvariant()} (policy minus '{baseline}'); whiskers: 95% confidence interval; grey vertical line: no change. Numbers from the comparisons in {ResultsReader.SummaryFile}.";
        return ChartStyle.Save(plt, directory, $"forest_{metric}", title, caption);
    }
}
