using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Every chart of the analyst report, drawn from the files of a results directory (never recomputed statistics).</summary>
public static class ChartSet
{
    /// <summary>Metrics with a forest plot of paired differences.</summary>
    public static readonly IReadOnlyList<string> ForestMetrics = ["arrivals_uk", "deaths"];

    /// <summary>The UK response metrics the model team is adding; the charts use them as soon as summary.json has them.</summary>
    public const string WaitP90Minutes = "wait_p90_minutes", BusyNightUtilisation = "uk_busy_night_utilisation";

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
        Add(UkResponseWait(results, plotsDirectory, notes));
        Add(UkResponseUtilisation(results, plotsDirectory, notes));
        charts.AddRange(TornadoChart.RenderAll(results, plotsDirectory));
        return charts;
    }

    /// <summary>The 90th percentile of the wait for a UK vessel when the results have it, else the mean wait, in minutes.</summary>
    private static RenderedChart? UkResponseWait(ResultsDirectory results, string plots, ICollection<string> notes)
    {
        bool p90 = results.Summary.Baseline.Find(WaitP90Minutes) is not null;
        return p90
            ? MetricBarChart.Render(results, WaitP90Minutes, plots, notes, id: "uk_response_wait", factor: 1, unit: "minutes",
                title: "UK response: 90th percentile of the wait for a UK vessel")
            : MetricBarChart.Render(results, "mean_wait_for_rescue_hours", plots, notes, id: "uk_response_wait", factor: 60, unit: "minutes",
                title: "UK response: mean wait for a UK vessel",
                captionLead: $"These results have no '{WaitP90Minutes}', so the mean wait is shown (hours in the files, minutes here); a mean hides the long waits that matter at sea. ");
    }

    /// <summary>Utilisation on busy nights when the results have it, else over the whole period (which averages quiet months in).</summary>
    private static RenderedChart? UkResponseUtilisation(ResultsDirectory results, string plots, ICollection<string> notes)
    {
        bool busy = results.Summary.Baseline.Find(BusyNightUtilisation) is not null;
        return busy
            ? MetricBarChart.Render(results, BusyNightUtilisation, plots, notes, id: "uk_response_utilisation",
                title: "UK response: vessel utilisation on busy nights")
            : MetricBarChart.Render(results, "uk_vessel_utilisation", plots, notes, id: "uk_response_utilisation",
                title: "UK response: vessel utilisation over the whole period",
                captionLead: $"These results have no '{BusyNightUtilisation}', so utilisation over the whole period is shown; it averages quiet months in and understates the load on busy nights. ");
    }
}
