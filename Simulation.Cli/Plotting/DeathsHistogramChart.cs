using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Histogram of deaths per replication, one bar group per bin, one bar per variant.</summary>
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
            notes.Add($"Deaths histogram not drawn: {ResultsReader.ReplicationsFile} is absent or has no '{Metric}' column.");
            return null;
        }
        var all = variants.SelectMany(v => table.Values(v, Metric)).Where(x => !double.IsNaN(x)).ToList();
        double lo = Math.Floor(all.Min()), hi = Math.Floor(all.Max());
        // Whole-number bins (deaths are counts); widen them so there are at most about 25 bins.
        double width = Math.Max(1, Math.Ceiling((hi - lo + 1) / 25));
        int binCount = (int)Math.Floor((hi - lo) / width) + 1;
        const string title = "Deaths per replication";
        var plt = ChartStyle.NewPlot(title, "Deaths in one replication (people)", "Replications (count)");
        double barSize = width * 0.8 / variants.Count;
        int maxCount = 0;
        for (int i = 0; i < variants.Count; i++)
        {
            var counts = new int[binCount];
            foreach (double x in table.Values(variants[i], Metric))
            {
                if (!double.IsNaN(x)) { counts[Math.Min(binCount - 1, (int)Math.Floor((x - lo) / width))]++; }
            }
            maxCount = Math.Max(maxCount, counts.Max());
            var c = ChartStyle.VariantColor(i);
            var bars = new List<Bar>();
            for (int b = 0; b < binCount; b++)
            {
                double center = lo + b * width + (width - 1) / 2.0;
                bars.Add(new Bar
                {
                    Position = center - width * 0.4 + barSize * (i + 0.5), Value = counts[b], Size = barSize,
                    FillColor = c, LineWidth = 0,
                });
            }
            var plot = plt.Add.Bars(bars);
            plot.LegendText = variants[i];
            var mean = results.Summary.Variants[i].Find(Metric);
            if (mean is not null && !double.IsNaN(mean.Mean))
            {
                var v = plt.Add.VerticalLine(mean.Mean, 2, c, LinePattern.Solid);
                v.LegendText = $"{variants[i]} mean {ValueFormat.Number(mean.Mean)}";
            }
        }
        plt.Axes.SetLimitsY(0, maxCount * 1.15);
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (width == 1 && binCount <= 30)
        {
            plt.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(
                Enumerable.Range(0, binCount).Select(b => ((int)(lo + b)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                b => lo + b);
        }
        ChartStyle.LegendBelow(plt);
        string caption = $"Raw per-replication values from {ResultsReader.ReplicationsFile}, binned in whole numbers ({ValueFormat.Number(width)} per bin); thin vertical lines are the means from {ResultsReader.SummaryFile}.";
        return ChartStyle.Save(plt, directory, "deaths_histogram", title, caption);
    }
}
