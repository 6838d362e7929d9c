using System.Globalization;

namespace Simulation.Cli.Plotting;

/// <summary>Readable names and units of metrics for axis labels and tables; unknown metrics fall back to their snake_case name.</summary>
public static class MetricLabels
{
    /// <summary>Human-readable name of a metric.</summary>
    public static string Name(string metric) => metric switch
    {
        "arrivals_uk" => "UK arrivals",
        "cumulative_arrivals_uk" => "Cumulative UK arrivals",
        "deaths" => "Deaths",
        "launch_attempts" => "Launch attempts",
        "prevented_on_land" => "Prevented on land",
        "uk_vessel_utilisation" => "UK vessel utilisation",
        "mean_wait_for_rescue_hours" => "Mean wait for rescue",
        "weather_rating" => "Weather rating",
        _ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(metric.Replace('_', ' ')),
    };

    /// <summary>Unit of a metric as shown on an axis (after <see cref="DisplayScale"/>).</summary>
    public static string Unit(string metric) => metric switch
    {
        "arrivals_uk" or "cumulative_arrivals_uk" or "deaths" or "prevented_on_land" or "rescued_uk" or "rescued_fr"
            or "returned_windspire" or "intercepted_at_sea_fr" or "gave_up" or "returned_after_arrival" => "people",
        "launch_attempts" or "boats_arrived" or "boats_self_landed" => "boats",
        "uk_vessel_utilisation" => "% of vessel time",
        "red_days" => "days",
        "people_per_boat" => "people per boat",
        _ when metric.StartsWith("deaths_", StringComparison.Ordinal) => "people",
        _ when metric.StartsWith("people_", StringComparison.Ordinal) => "people",
        _ when metric.EndsWith("_hours", StringComparison.Ordinal) => "hours",
        _ when metric.EndsWith("_share", StringComparison.Ordinal) => "%",
        _ when metric.StartsWith("uk_responses_", StringComparison.Ordinal) => "boats",
        _ => "count",
    };

    /// <summary>Factor applied to a metric's values for display (shares are shown as percentages).</summary>
    public static double DisplayScale(string metric) =>
        metric == "uk_vessel_utilisation" || metric.EndsWith("_share", StringComparison.Ordinal) ? 100.0 : 1.0;

    /// <summary>"Name (unit)".</summary>
    public static string WithUnit(string metric) => $"{Name(metric)} ({Unit(metric)})";
}
