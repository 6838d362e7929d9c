using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Every chart of the analyst report, drawn from the files of a results directory (never recomputed statistics).</summary>
public static class ChartSet
{
    /// <summary>Metrics with a forest plot of paired differences.</summary>
    public static readonly IReadOnlyList<string> ForestMetrics = ["arrivals_uk", "deaths"];

    /// <summary>Metrics with a bar chart per variant.</summary>
    public static readonly IReadOnlyList<string> ResourceMetrics = ["uk_vessel_utilisation", "mean_wait_for_rescue_hours"];

    /// <summary>Draws every chart whose inputs exist into <paramref name="plotsDirectory"/>; notes say which were skipped and why.</summary>
    public static IReadOnlyList<RenderedChart> RenderAll(ResultsDirectory results, string plotsDirectory, ICollection<string> notes)
    {
        // ScottPlot formats tick labels with the current culture; charts must be identical on every machine.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        try
        {
            return RenderAllInvariant(results, plotsDirectory, notes);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    private static List<RenderedChart> RenderAllInvariant(ResultsDirectory results, string plotsDirectory, ICollection<string> notes)
    {
        var charts = new List<RenderedChart>();
        void Add(RenderedChart? c) { if (c is not null) { charts.Add(c); } }
        Add(FanChart.Render(results, plotsDirectory, notes));
        Add(FanChart.RenderDifference(results, plotsDirectory, notes));
        Add(LaunchesWeatherChart.Render(results, plotsDirectory, notes));
        Add(DeathsHistogramChart.Render(results, plotsDirectory, notes));
        if (results.Summary.Variants.Count > 1)
        {
            foreach (string m in ForestMetrics) { Add(ForestPlot.Render(results, m, plotsDirectory, notes)); }
        }
        else
        {
            notes.Add("Forest plots not drawn: the results have only the baseline variant, so there is nothing to compare.");
        }
        foreach (string m in ResourceMetrics) { Add(MetricBarChart.Render(results, m, plotsDirectory, notes)); }
        charts.AddRange(TornadoChart.RenderAll(results, plotsDirectory));
        return charts;
    }
}
