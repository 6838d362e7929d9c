using System.Globalization;
using ScottPlot;
using Simulation.Cli.Reporting;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Plotting;

/// <summary>
/// Launch attempts through the year as small multiples, one panel per variant: the 7-day mean of the median daily
/// launches, the reference's for comparison, and behind them the share of replications in which each day is rated red.
/// Drawn in one plot (panels stacked on the y axis) so that it is saved as PNG and SVG like every other chart.
/// </summary>
public static class LaunchesWeatherChart
{
    private const double PanelHeight = 1.0, PanelGap = 0.3, DataHeight = 0.85;
    private static readonly Color RedDay = Color.FromHex("#D55E00");

    /// <summary>Draws the chart, or returns null and adds a note when the series are missing.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        var red = results.DailySeries(variants[0], DailyOutputSeries.RedDayShare);
        if (variants.Any(v => results.DailySeries(v, "launch_attempts").Count == 0))
        {
            notes.Add($"Launches chart not drawn: {ResultsReader.DailyFile} lacks 'launch_attempts'.");
            return null;
        }
        var shown = Enumerable.Range(0, variants.Count).Where(i => i == 0 || !results.Summary.IsIdentical(variants[i])).ToList();
        var smoothed = shown.ToDictionary(i => i, i => SevenDayMean(results.DailySeries(variants[i], "launch_attempts")));
        var reference = results.DailySeries(variants[0], "launch_attempts");
        bool dates = reference.All(r => r.Date.HasValue);
        double[] xs = reference.Select(r => ChartStyle.X(r, dates)).ToArray();
        double max = Math.Max(1, smoothed.Values.Max(v => v.Where(double.IsFinite).DefaultIfEmpty(0).Max()));
        double scaleTop = NiceCeiling(max);

        const string title = "Launch attempts per day and red days, one panel per variant";
        var plt = ChartStyle.NewPlot(title, "Date", "");
        if (dates) ChartStyle.MonthTicks(plt, reference[0].Date!.Value, reference[^1].Date!.Value);
        else plt.XLabel("Day of the run (day 0 = start date)", 16);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var redTicks = new ScottPlot.TickGenerators.NumericManual();
        int n = shown.Count;
        for (int k = 0; k < n; k++)
        {
            int i = shown[k];
            double floor = (n - 1 - k) * (PanelHeight + PanelGap);
            if (red.Count == xs.Length)
            {
                var bars = red.Select((r, d) => new Bar
                {
                    Position = xs[d], ValueBase = floor, Value = floor + (double.IsFinite(r.Median) ? r.Median : 0) * DataHeight,
                    Size = 1.0, FillColor = RedDay.WithAlpha(0.22), LineWidth = 0,
                }).ToList();
                plt.Add.Bars(bars);
            }
            plt.Add.HorizontalLine(floor, 1, Colors.Gray.WithAlpha(0.6), LinePattern.Solid);
            if (i != 0)
            {
                var refLine = plt.Add.Scatter(xs, smoothed[0].Select(v => floor + v / scaleTop * DataHeight).ToArray(), Colors.Black.WithAlpha(0.45));
                refLine.MarkerSize = 0;
                refLine.LineWidth = 1.5f;
            }
            var line = plt.Add.Scatter(xs, smoothed[i].Select(v => floor + v / scaleTop * DataHeight).ToArray(), ChartStyle.VariantColor(i));
            line.MarkerSize = 0;
            line.LineWidth = 2.5f;
            var label = plt.Add.Text(i == 0 ? $"{variants[i]} (reference)" : $"{variants[i]} (grey: {variants[0]})", xs[0], floor + PanelHeight);
            label.LabelFontColor = ChartStyle.Readable(ChartStyle.VariantColor(i));
            label.LabelFontSize = 13;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.UpperLeft;
            label.OffsetX = 4;
            ticks.AddMajor(floor, "0");
            ticks.AddMajor(floor + DataHeight, scaleTop.ToString("0.#", CultureInfo.InvariantCulture));
            redTicks.AddMajor(floor, "0%");
            redTicks.AddMajor(floor + DataHeight, "100%");
        }
        plt.Axes.Left.TickGenerator = ticks;
        plt.Axes.Left.TickLabelStyle.FontSize = 12;
        plt.YLabel("Launch attempts per day (7-day mean of the daily median)", 15);
        plt.Axes.SetLimitsX(xs[0] - 0.5, xs[^1] + 0.5);
        double yTop = n * (PanelHeight + PanelGap) - PanelGap + 0.05;
        plt.Axes.SetLimitsY(-0.1, yTop);
        if (red.Count == xs.Length)
        {
            plt.Axes.Right.TickGenerator = redTicks;
            plt.Axes.Right.TickLabelStyle.FontSize = 12;
            plt.Axes.Right.Label.Text = "Red days (share of replications, shaded)";
            plt.Axes.Right.Label.FontSize = 15;
            plt.Axes.Right.Label.Bold = true;
            plt.Axes.Right.Label.ForeColor = RedDay;
            plt.Axes.SetLimitsY(-0.1, yTop, plt.Axes.Right);
        }
        plt.HideGrid();
        string caption = $"Each panel: the 7-day mean of the median daily launch attempts across replications for one variant (coloured), with the reference's in grey. " +
            (red.Count == xs.Length
                ? $"Shaded columns: the share of replications in which that day is rated red, crossing likely (full panel height = every replication; the weather is the same under every variant). "
                : $"{ResultsReader.DailyFile} has no '{DailyOutputSeries.RedDayShare}' series, so red days are not shown. ") +
            $"Variants identical to the reference are left out. Source: {ResultsReader.DailyFile}.";
        return ChartStyle.Save(plt, directory, "launches_weather", title, caption, height: 160 + 95 * n);
    }

    /// <summary>Centred 7-day mean of the daily medians (shorter windows at the ends).</summary>
    private static double[] SevenDayMean(IReadOnlyList<DailyQuantiles> rows)
    {
        var result = new double[rows.Count];
        for (int d = 0; d < rows.Count; d++)
        {
            int from = Math.Max(0, d - 3), to = Math.Min(rows.Count - 1, d + 3);
            double sum = 0;
            int count = 0;
            for (int k = from; k <= to; k++)
            {
                if (!double.IsFinite(rows[k].Median)) continue;
                sum += rows[k].Median;
                count++;
            }
            result[d] = count == 0 ? double.NaN : sum / count;
        }
        return result;
    }

    private static double NiceCeiling(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value) return step * magnitude;
        }
        return 10 * magnitude;
    }
}
