using ScottPlot;
using Simulation.Cli.Reporting;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Plotting;

/// <summary>
/// Deaths per replication as one horizontal box plot per variant, sorted by median: box = 25th-75th percentile,
/// whiskers = 5th-95th percentile, line = median, diamond = mean. Overlaid histograms of eight variants cannot be read.
/// </summary>
public static class DeathsHistogramChart
{
    private const string Metric = "deaths";

    /// <summary>Draws the chart, or returns null and adds a note when replications.csv lacks deaths.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        var table = results.Replications;
        if (table is null || variants.All(v => table.Values(v, Metric).Count == 0))
        {
            notes.Add($"Deaths chart not drawn: {ResultsReader.ReplicationsFile} is absent or has no '{Metric}' column.");
            return null;
        }
        var rows = Enumerable.Range(0, variants.Count)
            .Where(i => i == 0 || !results.Summary.IsIdentical(variants[i]))
            .Select(i => (Index: i, Values: table.Values(variants[i], Metric).Where(double.IsFinite).Order().ToArray()))
            .Where(r => r.Values.Length > 0)
            .OrderBy(r => ExperimentStatistics.Quantile(r.Values, 0.5)).ThenBy(r => r.Index)
            .ToList();
        string title = "Deaths per replication, by variant (sorted by median)";
        var plt = ChartStyle.NewPlot(title, "Deaths in one replication (people)", "");
        var labels = new List<string>();
        double max = 0;
        for (int k = 0; k < rows.Count; k++)
        {
            var (i, values) = rows[k];
            var c = ChartStyle.VariantColor(i);
            double Q(double p) => ExperimentStatistics.Quantile(values, p);
            // Drawn from rectangles and lines: ScottPlot 5.1's horizontal Box is not implemented.
            Color edge = i == 0 ? Colors.Black : ChartStyle.Readable(c);
            double lo = Q(0.05), q1 = Q(0.25), med = Q(0.5), q3 = Q(0.75), hi = Q(0.95);
            var rect = plt.Add.Rectangle(q1, Math.Max(q3, q1 + 1e-9), k - 0.27, k + 0.27);
            rect.FillColor = c.WithAlpha(0.35);
            rect.LineColor = edge;
            rect.LineWidth = 2;
            foreach (var (x1, y1, x2, y2) in new[] { (lo, k, q1, k), (q3, k, hi, k), (lo, k - 0.12, lo, k + 0.12), (hi, k - 0.12, hi, k + 0.12) })
            {
                var whisker = plt.Add.Line(x1, y1, x2, y2);
                whisker.LineColor = edge;
                whisker.LineWidth = 2;
            }
            var middle = plt.Add.Line(med, k - 0.27, med, k + 0.27);
            middle.LineColor = edge;
            middle.LineWidth = 3;
            var mean = plt.Add.Marker(values.Average(), k, MarkerShape.FilledDiamond, 11, Colors.Black);
            if (k == 0) mean.LegendText = "mean";
            labels.Add(variants[i]);
            max = Math.Max(max, values[^1]);
        }
        plt.Axes.Left.TickGenerator = ChartStyle.CategoryTicks(labels, k => k);
        plt.Axes.Left.TickLabelStyle.FontSize = 14;
        plt.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        plt.Axes.SetLimitsX(0, Math.Max(1, max * 1.05));
        ChartStyle.LegendBelow(plt);
        string caption = $"Raw per-replication values from {ResultsReader.ReplicationsFile}: box = 25th-75th percentile, whiskers = 5th-95th percentile, " +
            "line in the box = median, diamond = mean; sorted by median, lowest at the bottom. Variants identical to the reference are left out.";
        return ChartStyle.Save(plt, directory, "deaths_by_variant", title, caption, height: Math.Max(450, 160 + 60 * rows.Count));
    }
}
