using ScottPlot;
using Simulation.Core.Sensitivity;

namespace Simulation.Cli.Plotting;

/// <summary>Sobol indices of one metric: per parameter a bar for S1 and one for ST with their bootstrap intervals, sorted by ST.</summary>
public static class SobolIndexChart
{
    // Okabe–Ito blue and orange, as in the tornado chart.
    private static readonly Color FirstColor = Color.FromHex("#0072B2");
    private static readonly Color TotalColor = Color.FromHex("#E69F00");
    private const double HalfRow = 0.17;
    private const double BarHeight = 0.32;

    /// <summary>Draws the chart; the parameter with the largest ST is at the top.</summary>
    public static RenderedChart Render(string metric, IReadOnlyList<string> parameters, IReadOnlyList<SobolIndex> indices, int baseSamples, long replications, string? compare, string directory)
    {
        // Ascending ST from the bottom up puts the most influential parameter at the top; NaN (no variance) at the bottom.
        var order = Enumerable.Range(0, parameters.Count)
            .OrderBy(i => double.IsFinite(indices[i].Total) ? indices[i].Total : double.NegativeInfinity).ThenByDescending(i => i).ToList();
        string subject = compare is null ? MetricLabels.Name(metric) : $"{MetricLabels.Name(metric)}, {compare} − baseline";
        string title = $"{subject}: Sobol sensitivity indices";
        var plt = ChartStyle.NewPlot(title, "Share of the output variance", "");
        var first = new List<Bar>();
        var total = new List<Bar>();
        double maxX = 1, minX = 0;
        var whiskers = new List<ScottPlot.Plottables.ErrorBar>();
        for (int row = 0; row < order.Count; row++)
        {
            SobolIndex s = indices[order[row]];
            first.Add(new Bar { Position = row - HalfRow, ValueBase = 0, Value = Finite(s.First), Size = BarHeight, FillColor = FirstColor, LineWidth = 0 });
            total.Add(new Bar { Position = row + HalfRow, ValueBase = 0, Value = Finite(s.Total), Size = BarHeight, FillColor = TotalColor, LineWidth = 0 });
            foreach ((double value, double low, double high, double y) in new[] { (s.First, s.FirstLow, s.FirstHigh, row - HalfRow), (s.Total, s.TotalLow, s.TotalHigh, row + HalfRow) })
            {
                if (!double.IsFinite(value) || !double.IsFinite(low) || !double.IsFinite(high)) continue;
                // ScottPlot's ErrorBar takes the positive (right) extent before the negative (left) one.
                whiskers.Add(new ScottPlot.Plottables.ErrorBar([value], [y], [Math.Max(0, high - value)], [Math.Max(0, value - low)], null, null)
                {
                    LineWidth = 2, CapSize = 8, Color = Colors.Black,
                });
                minX = Math.Min(minX, low);
                maxX = Math.Max(maxX, high);
            }
        }
        var firstPlot = plt.Add.Bars(first);
        firstPlot.Horizontal = true;
        firstPlot.LegendText = "S1, first order (this parameter alone)";
        var totalPlot = plt.Add.Bars(total);
        totalPlot.Horizontal = true;
        totalPlot.LegendText = "ST, total (with all its interactions)";
        // Whiskers after the bars, so a bar never hides the part of an interval that lies inside it.
        foreach (var whisker in whiskers) plt.Add.Plottable(whisker);
        plt.Add.VerticalLine(0, 1, Colors.Black, LinePattern.Solid);
        plt.Axes.SetLimitsX(Math.Min(-0.05, minX - 0.02), Math.Max(1.05, maxX + 0.02));
        plt.Axes.SetLimitsY(-0.6, order.Count - 0.4);
        plt.Axes.Left.TickGenerator = ChartStyle.CategoryTicks(order.Select(i => parameters[i]).ToList(), i => i);
        ChartStyle.LegendBelow(plt);
        string caption = $"Per parameter, the share of the variance of {subject.ToLowerInvariant()} across the ranges given with --vary that it explains alone (S1, blue, lower bar) " +
            $"and together with its interactions (ST, orange, upper bar); sorted by ST, largest at the top. Whiskers: 95% bootstrap intervals. " +
            $"Saltelli design with N = {baseSamples}; each point is the mean of {replications} replications, whose noise is part of the variance. Source: sensitivity.csv.";
        return ChartStyle.Save(plt, directory, $"sensitivity_{metric}", title, caption);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
