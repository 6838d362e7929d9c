using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Cumulative UK arrivals over the horizon per variant: median line with 50% and 90% bands across replications.</summary>
public static class FanChart
{
    /// <summary>Series the runner writes for this chart.</summary>
    public const string CumulativeSeries = "cumulative_arrivals_uk";

    /// <summary>Draws the chart, or returns null and adds a note when daily.csv has no arrivals series.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        bool fromCumulative = variants.All(v => results.DailySeries(v, CumulativeSeries).Count > 0);
        bool fromDaily = variants.All(v => results.DailySeries(v, "arrivals_uk").Count > 0);
        if (!fromCumulative && !fromDaily)
        {
            notes.Add($"Fan chart of cumulative arrivals not drawn: {ResultsReader.DailyFile} has neither a '{CumulativeSeries}' nor an 'arrivals_uk' series for every variant.");
            return null;
        }
        string title = fromCumulative
            ? "Cumulative UK arrivals: median with 50% and 90% bands across replications"
            : "Cumulative UK arrivals: running sum of daily medians (no bands available)";
        var plt = ChartStyle.NewPlot(title, "Date", "People landed in the UK since the start (people)");
        bool dates = true;
        for (int i = 0; i < variants.Count; i++)
        {
            var rows = results.DailySeries(variants[i], fromCumulative ? CumulativeSeries : "arrivals_uk");
            dates &= rows.All(r => r.Date.HasValue);
        }
        double[] Xs(IReadOnlyList<DailyQuantiles> rows) =>
            rows.Select(r => dates ? r.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : r.Day).ToArray();
        if (fromCumulative)
        {
            // All bands before any line, so that no band hides another variant's median.
            for (int i = 0; i < variants.Count; i++)
            {
                var rows = results.DailySeries(variants[i], CumulativeSeries);
                double[] xs = Xs(rows);
                var c = ChartStyle.VariantColor(i);
                var outer = plt.Add.FillY(xs, rows.Select(r => r.P05).ToArray(), rows.Select(r => r.P95).ToArray());
                outer.FillColor = c.WithAlpha(0.09);
                outer.LineWidth = 0;
                var inner = plt.Add.FillY(xs, rows.Select(r => r.P25).ToArray(), rows.Select(r => r.P75).ToArray());
                inner.FillColor = c.WithAlpha(0.2);
                inner.LineWidth = 0;
            }
        }
        var color = 0;
        foreach (string variant in variants)
        {
            var rows = results.DailySeries(variant, fromCumulative ? CumulativeSeries : "arrivals_uk");
            double[] xs = Xs(rows);
            var c = ChartStyle.VariantColor(color++);
            double[] median;
            if (fromCumulative)
            {
                median = rows.Select(r => r.Median).ToArray();
            }
            else
            {
                // The median of a running total is not the running total of daily medians; the title says so.
                median = new double[rows.Count];
                double sum = 0;
                for (int d = 0; d < rows.Count; d++)
                {
                    sum += double.IsNaN(rows[d].Median) ? 0 : rows[d].Median;
                    median[d] = sum;
                }
            }
            var line = plt.Add.Scatter(xs, median, c);
            line.MarkerSize = 0;
            line.LineWidth = 2.5f;
            line.LegendText = fromCumulative ? $"{variant} (median)" : $"{variant} (sum of daily medians)";
        }
        var allRows = variants.SelectMany(v => results.DailySeries(v, fromCumulative ? CumulativeSeries : "arrivals_uk")).ToList();
        if (dates)
        {
            ChartStyle.DateAxis(plt, variants.SelectMany(v => results.DailySeries(v, fromCumulative ? CumulativeSeries : "arrivals_uk")).Select(r => r.Date!.Value));
        }
        else
        {
            plt.XLabel("Day of the run (day 0 = start date)", 16);
        }
        // Axis limits after the date axis is installed (installing it resets them). Cumulative counts start at zero.
        double firstX = allRows.Min(r => dates ? r.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : r.Day);
        double lastX = allRows.Max(r => dates ? r.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : r.Day);
        double top = fromCumulative ? allRows.Max(r => Math.Max(r.P95, r.Median)) : 0;
        foreach (string variant in variants)
        {
            double sum = results.DailySeries(variant, "arrivals_uk").Sum(r => double.IsNaN(r.Median) ? 0 : r.Median);
            top = fromCumulative ? top : Math.Max(top, sum);
        }
        plt.Axes.SetLimitsX(firstX, lastX + Math.Max(0.5, (lastX - firstX) * 0.01));
        plt.Axes.SetLimitsY(0, Math.Max(1, top * 1.05));
        ChartStyle.LegendBelow(plt);
        string caption = fromCumulative
            ? $"Quantiles across replications of the '{CumulativeSeries}' series in {ResultsReader.DailyFile}: line = median, dark band = 25th-75th percentile, light band = 5th-95th percentile."
            : $"{ResultsReader.DailyFile} has no '{CumulativeSeries}' series, so each line is the running sum of the daily median arrivals; it is not the median of the cumulative total, and no bands can be drawn.";
        return ChartStyle.Save(plt, directory, "fan_cumulative_arrivals_uk", title, caption);
    }
}
