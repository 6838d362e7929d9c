using System.Globalization;
using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>
/// Paired differences (variant minus reference) with 95% confidence intervals, one row per variant sorted by effect,
/// the numbers in a column right of the data (clear of the zero line), and a top axis in percent of the reference mean.
/// </summary>
public static class ForestPlot
{
    /// <summary>Draws the chart for one metric, or returns null and adds a note when there is nothing to compare.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string metric, string directory, ICollection<string> notes)
    {
        var summary = results.Summary;
        var variants = results.VariantNames;
        var policies = Enumerable.Range(1, variants.Count - 1)
            .Where(i => !summary.IsIdentical(variants[i]) && summary.FindComparison(variants[i], metric) is not null)
            .OrderBy(i => summary.FindComparison(variants[i], metric)!.MeanDiff).ThenBy(i => i).ToList();
        if (policies.Count == 0)
        {
            notes.Add($"Forest plot for '{metric}' not drawn: {ResultsReader.SummaryFile} has no comparison against the reference for it.");
            return null;
        }
        var info = MetricLabels.Info(metric);
        string baseline = summary.Baseline.Name;
        int sets = summary.EnsembleSets;
        string title = sets > 0
            ? $"{info.Label}: change against {baseline}, 95% CI and 90% range across {sets} parameter sets"
            : $"{info.Label}: change against {baseline}, mean and 95% CI";
        double scale = info.DisplayScale;
        var plt = ChartStyle.NewPlot(title, $"Variant minus {baseline}, paired by replication ({info.DifferenceUnit}; top axis: % of the {baseline} mean)", "");
        int n = policies.Count;
        double minX = 0, maxX = 0;
        var labels = new List<string>();
        for (int k = 0; k < n; k++)
        {
            int i = policies[k];
            var c = summary.FindComparison(variants[i], metric)!;
            // Largest decrease at the top.
            double y = n - 1 - k;
            double x = c.MeanDiff * scale;
            double lo = double.IsNaN(c.Ci95Low) ? x : c.Ci95Low * scale, hi = double.IsNaN(c.Ci95High) ? x : c.Ci95High * scale;
            var color = ChartStyle.Readable(ChartStyle.VariantColor(i));
            var whisker = new ScottPlot.Plottables.ErrorBar([x], [y], [hi - x], [x - lo], null, null) { LineWidth = 3, CapSize = 14, Color = color };
            plt.Add.Plottable(whisker);
            // The marker is smaller than the interval's caps so a narrow interval stays visible around it.
            plt.Add.Marker(x, y, MarkerShape.FilledCircle, 9, color);
            minX = Math.Min(minX, lo);
            maxX = Math.Max(maxX, hi);
            if (c.Ensemble is { } e && double.IsFinite(e.P05) && double.IsFinite(e.P95))
            {
                // Drawn just below the simulation-noise interval, thinner and without caps, so the two never read as one.
                double ey = y - 0.3, median = e.Median * scale, p05 = e.P05 * scale, p95 = e.P95 * scale;
                var range = new ScottPlot.Plottables.ErrorBar([median], [ey], [p95 - median], [median - p05], null, null)
                {
                    LineWidth = 2, CapSize = 6, Color = color.WithAlpha(0.6),
                };
                plt.Add.Plottable(range);
                plt.Add.Marker(median, ey, MarkerShape.OpenDiamond, 8, color);
                minX = Math.Min(minX, p05);
                maxX = Math.Max(maxX, p95);
            }
            labels.Add(variants[i]);
        }
        plt.Add.VerticalLine(0, 1.5f, Colors.Gray, LinePattern.Dashed);
        double span = Math.Max(maxX - minX, 1e-9);
        double labelX = maxX + span * 0.06;
        for (int k = 0; k < n; k++)
        {
            var c = summary.FindComparison(variants[policies[k]], metric)!;
            var t = plt.Add.Text(MetricLabels.FormatInterval(metric, c.MeanDiff, c.Ci95Low, c.Ci95High, signed: true), labelX, n - 1 - k);
            t.LabelFontSize = 13;
            t.LabelAlignment = Alignment.MiddleLeft;
            if (c.Ensemble is { } e)
            {
                string flag = e.SignDependsOnParameters ? " sign depends on parameters" : "";
                var te = plt.Add.Text("sets " + MetricLabels.FormatInterval(metric, e.Median, e.P05, e.P95, signed: true) + flag, labelX, n - 1 - k - 0.3);
                te.LabelFontSize = 11;
                te.LabelAlignment = Alignment.MiddleLeft;
            }
        }
        double left = minX - span * 0.05, right = maxX + span * 0.55;
        plt.Axes.SetLimitsX(left, right);
        plt.Axes.SetLimitsY(sets > 0 ? -0.75 : -0.6, n - 0.4);
        plt.Axes.Left.TickGenerator = ChartStyle.CategoryTicks(labels, k => n - 1 - k);
        plt.Axes.Left.TickLabelStyle.FontSize = 14;
        string percentNote = "";
        var reference = summary.Baseline.Find(metric);
        if (reference is not null && info.PercentChange(reference.Mean, 1) is not null)
        {
            PercentAxis(plt, reference.Mean * scale, left, maxX + span * 0.03);
            percentNote = $" Top axis: the same differences in percent of the {baseline} mean ({MetricLabels.Format(metric, reference.Mean)} {info.Unit}).";
        }
        string caption = $"Dot: mean paired difference of {info.Label.ToLowerInvariant()} (variant minus {baseline}); whiskers: 95% confidence interval (simulation noise only); " +
            $"dashed line: no change; sorted by effect, largest decrease at the top. Numbers from {ResultsReader.SummaryFile}; variants identical to the reference are left out." + percentNote +
            (sets > 0
                ? $" Thin bar below each dot, marked 'sets': 90% range across plausible parameter sets ({sets} sets), p05 to p95 of the per-set paired mean differences, diamond at their median (parameter uncertainty, from the --ensemble file)" +
                  "; 'sign depends on parameters' where that range straddles zero."
                : "");
        return ChartStyle.Save(plt, directory, $"forest_{metric}", title, caption, height: Math.Max(420, 170 + 62 * n));
    }

    /// <summary>Ticks on the top axis at round percentages of <paramref name="reference"/>, within the data part of the x range.</summary>
    private static void PercentAxis(Plot plt, double reference, double left, double right)
    {
        double lowPct = left / reference * 100, highPct = right / reference * 100;
        if (lowPct > highPct) (lowPct, highPct) = (highPct, lowPct);
        double range = Math.Max(highPct - lowPct, 1e-9);
        double step = new[] { 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200 }.First(s => range / s <= 8);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = (int)Math.Ceiling(lowPct / step - 1e-9); k * step <= highPct + 1e-9; k++)
        {
            // Whole multiples of the step, so zero is exactly "0%" (not "-0%").
            double p = k * step;
            ticks.AddMajor(p / 100 * reference, k == 0 ? "0%" : (p > 0 ? "+" : "") + p.ToString("0.#", CultureInfo.InvariantCulture) + "%");
        }
        plt.Axes.Top.TickGenerator = ticks;
        plt.Axes.Top.TickLabelStyle.FontSize = 13;
        plt.Axes.Top.IsVisible = true;
        plt.Axes.SetLimitsX(left, plt.Axes.Bottom.Max, plt.Axes.Top);
    }
}
