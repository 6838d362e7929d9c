using ScottPlot;

namespace Simulation.Cli.Plotting;

/// <summary>
/// A two-parameter sweep as a coloured scatter: each design point at (parameter 1, parameter 2),
/// coloured by the metric's mean there (colour bar on the right) and, when there are few enough
/// points to stay legible, labelled with the value.
/// </summary>
public static class SweepSurfaceChart
{
    /// <summary>Most points that still get a value label.</summary>
    public const int MaxLabelledPoints = 60;

    /// <summary>Draws the chart for one metric; <paramref name="values"/> holds the metric mean at each point.</summary>
    public static RenderedChart Render(string metric, string xPath, string yPath, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<double> values, (double X, double Y)? basePoint, string directory)
    {
        double scale = MetricLabels.DisplayScale(metric);
        string title = $"{MetricLabels.Name(metric)} across the sweep";
        var plt = ChartStyle.NewPlot(title, xPath, yPath);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v * scale);
            max = Math.Max(max, v * scale);
        }
        if (!double.IsFinite(min)) { min = 0; max = 1; }
        if (max == min) { max = min + 1; }
        var colormap = new ScottPlot.Colormaps.Viridis();
        bool labels = values.Count <= MaxLabelledPoints;
        for (int i = 0; i < values.Count; i++)
        {
            double v = values[i] * scale;
            Color color = double.IsFinite(v) ? colormap.GetColor((v - min) / (max - min)) : Colors.Gray;
            var marker = plt.Add.Marker(xs[i], ys[i], MarkerShape.FilledCircle, 16, color);
            marker.MarkerStyle.OutlineColor = Colors.Black;
            marker.MarkerStyle.OutlineWidth = 1;
            if (labels)
            {
                var t = plt.Add.Text(ValueFormat.Number(v), xs[i], ys[i]);
                t.LabelStyle.FontSize = 12;
                t.LabelStyle.Alignment = Alignment.LowerLeft;
                t.LabelStyle.OffsetX = 9;
                t.LabelStyle.OffsetY = -5;
            }
        }
        if (basePoint is (double bx, double by))
        {
            var cross = plt.Add.Marker(bx, by, MarkerShape.Cross, 22, Colors.Black);
            cross.MarkerStyle.LineWidth = 3;
            cross.LegendText = "base scenario (not a design point)";
            ChartStyle.LegendBelow(plt);
        }
        var bar = plt.Add.ColorBar(new ColorAxisSource(colormap, min, max));
        bar.Label = $"Mean {MetricLabels.WithUnit(metric)}";
        bar.LabelStyle.FontSize = 15;
        bar.Axis.TickLabelStyle.FontSize = 13;
        // A margin keeps the labels of points on the edge of the design inside the frame.
        var allX = basePoint is null ? xs : xs.Append(basePoint.Value.X).ToList();
        var allY = basePoint is null ? ys : ys.Append(basePoint.Value.Y).ToList();
        (double xLow, double xHigh) = Padded(allX, 0.06, 0.12);
        (double yLow, double yHigh) = Padded(allY, 0.06, 0.08);
        plt.Axes.SetLimits(xLow, xHigh, yLow, yHigh);
        string caption = $"Each dot is one design point, coloured by the mean {MetricLabels.Name(metric)} over the replications there" +
            (labels ? " (value printed next to it)" : "") + (basePoint is null ? "" : "; the cross marks the base scenario's values") + "; all points share the same seeds (common random numbers). Source: sweep_points.csv.";
        return ChartStyle.Save(plt, directory, $"sweep_{metric}", title, caption);
    }

    private static (double Low, double High) Padded(IReadOnlyList<double> values, double below, double above)
    {
        double low = values.Min(), high = values.Max();
        double span = high > low ? high - low : Math.Max(Math.Abs(low) * 0.1, 1);
        return (low - span * below, high + span * above);
    }

    private sealed class ColorAxisSource(IColormap colormap, double min, double max) : IHasColorAxis
    {
        public IColormap Colormap { get; } = colormap;

        public ScottPlot.Range GetRange() => new(min, max);
    }
}
