using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Mean of one metric per variant as bars, with 95% confidence intervals as error bars.</summary>
public static class MetricBarChart
{
    /// <summary>
    /// Draws the chart, or returns null and adds a note when no variant has the metric. <paramref name="factor"/> and
    /// <paramref name="unit"/> convert the displayed values (hours to minutes); by default the registry's display scale and unit.
    /// </summary>
    public static RenderedChart? Render(ResultsDirectory results, string metric, string directory, ICollection<string> notes,
        string? id = null, double? factor = null, string? unit = null, string? title = null, string? captionLead = null)
    {
        var summary = results.Summary;
        var variants = summary.Variants;
        if (variants.All(v => v.Find(metric) is null))
        {
            notes.Add($"Bar chart of '{metric}' not drawn: {ResultsReader.SummaryFile} does not report it.");
            return null;
        }
        var info = MetricLabels.Info(metric);
        double scale = factor ?? info.DisplayScale;
        unit ??= info.Unit;
        title ??= $"{info.Label} per variant: mean and 95% CI";
        var shown = Enumerable.Range(0, variants.Count).Where(i => i == 0 || !summary.IsIdentical(variants[i].Name)).ToList();
        var plt = ChartStyle.NewPlot(title, "", $"{info.Label} ({unit})");
        int n = shown.Count;
        double top = 0;
        for (int k = 0; k < n; k++)
        {
            int i = shown[k];
            var s = variants[i].Find(metric);
            if (s is null) continue;
            double mean = double.IsFinite(s.Mean) ? s.Mean * scale : 0;
            double lo = double.IsFinite(s.Ci95Low) ? s.Ci95Low * scale : mean, hi = double.IsFinite(s.Ci95High) ? s.Ci95High * scale : mean;
            var bar = plt.Add.Bar(new Bar { Position = k, Value = mean, Size = 0.6, FillColor = ChartStyle.VariantColor(i).WithAlpha(0.75), LineWidth = 0 });
            _ = bar;
            plt.Add.Plottable(new ScottPlot.Plottables.ErrorBar([(double)k], [mean], null, null, [hi - mean], [mean - lo]) { LineWidth = 2, CapSize = 14, Color = Colors.Black });
            top = Math.Max(top, hi);
        }
        top = Math.Max(top, 1e-9);
        for (int k = 0; k < n; k++)
        {
            var s = variants[shown[k]].Find(metric);
            if (s is null) continue;
            // Labels sit above the error bar so they never cover its cap.
            var label = plt.Add.Text(MetricLabels.Fixed(s.Mean * scale, Decimals(top)), k, (double.IsFinite(s.Ci95High) ? s.Ci95High * scale : s.Mean * scale) + top * 0.02);
            label.LabelFontSize = 13;
            label.LabelAlignment = Alignment.LowerCenter;
        }
        plt.Axes.SetLimitsY(0, top * 1.15);
        plt.Axes.SetLimitsX(-0.6, n - 0.4);
        plt.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(shown.Select(i => variants[i].Name.Replace('_', ' ')).ToList(), k => k);
        plt.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plt.Axes.Bottom.TickLabelStyle.Rotation = -25;
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plt.Axes.Bottom.MinimumSize = 150;
        string caption = (captionLead ?? "") + $"Bar: mean over replications; whiskers: 95% confidence interval of the mean (simulation noise only); number: the mean. Numbers from {ResultsReader.SummaryFile}; variants identical to the reference are left out.";
        return ChartStyle.Save(plt, directory, id ?? metric, title, caption);
    }

    private static int Decimals(double top) => top >= 100 ? 0 : top >= 10 ? 1 : 2;
}
