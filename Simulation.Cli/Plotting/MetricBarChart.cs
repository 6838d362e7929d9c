using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Mean of one metric per variant as bars, with 95% confidence intervals as error bars.</summary>
public static class MetricBarChart
{
    /// <summary>Draws the chart, or returns null and adds a note when no variant has the metric.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string metric, string directory, ICollection<string> notes)
    {
        var variants = results.Summary.Variants;
        if (variants.All(v => v.Find(metric) is null))
        {
            notes.Add($"Bar chart of '{metric}' not drawn: {ResultsReader.SummaryFile} does not report it.");
            return null;
        }
        double scale = MetricLabels.DisplayScale(metric);
        string title = $"{MetricLabels.Name(metric)} per variant: mean and 95% CI";
        var plt = ChartStyle.NewPlot(title, "Variant", MetricLabels.WithUnit(metric));
        int n = variants.Count;
        var xs = new double[n]; var ys = new double[n]; var neg = new double[n]; var pos = new double[n]; var zero = new double[n];
        var bars = new List<Bar>();
        double top = 0;
        for (int i = 0; i < n; i++)
        {
            var s = variants[i].Find(metric);
            double mean = s is null ? double.NaN : s.Mean * scale;
            xs[i] = i;
            ys[i] = double.IsNaN(mean) ? 0 : mean;
            neg[i] = s is null || double.IsNaN(s.Ci95Low) ? 0 : (s.Mean - s.Ci95Low) * scale;
            pos[i] = s is null || double.IsNaN(s.Ci95High) ? 0 : (s.Ci95High - s.Mean) * scale;
            top = Math.Max(top, ys[i] + pos[i]);
            bars.Add(new Bar { Position = i, Value = ys[i], Size = 0.6, FillColor = ChartStyle.VariantColor(i).WithAlpha(0.8), LineWidth = 0 });
        }
        plt.Add.Bars(bars);
        plt.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, zero, zero, neg, pos) { LineWidth = 2, CapSize = 16, Color = Colors.Black });
        top = Math.Max(top, 1e-9);
        for (int i = 0; i < n; i++)
        {
            var s = variants[i].Find(metric);
            if (s is null) { continue; }
            // Labels sit above the error bar so they never cover its cap.
            var label = plt.Add.Text(ValueFormat.WithInterval(s.Mean * scale, s.Ci95Low * scale, s.Ci95High * scale), i, ys[i] + pos[i] + top * 0.02);
            label.LabelStyle.FontSize = 14;
            label.LabelStyle.Alignment = Alignment.LowerCenter;
        }
        plt.Axes.SetLimitsY(0, top * 1.15);
        plt.Axes.SetLimitsX(-0.6, n - 0.4);
        plt.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(variants.Select(v => v.Name).ToList(), i => i);
        plt.Axes.Bottom.TickLabelStyle.FontSize = 15;
        string caption = $"Bar: mean over replications; whiskers and bracketed numbers: 95% confidence interval of the mean. Numbers from {ResultsReader.SummaryFile}.";
        return ChartStyle.Save(plt, directory, metric, title, caption);
    }
}
