using System.Collections.Immutable;

namespace Simulation.Core.Domain.Metrics;

/// <summary>Stable snake_case names of <see cref="Metric"/> and <see cref="DailySeries"/>, in enum order.</summary>
public static class MetricNames
{
    /// <summary>Number of metrics.</summary>
    public const int Count = (int)Metric.PersonAttempts + 1;

    /// <summary>Names in enum order.</summary>
    public static readonly ImmutableArray<string> All = ImmutableArray.Create(
        "arrivals_uk", "boats_arrived", "people_per_boat", "launch_attempts", "prevented_on_land",
        "prevented_on_land_share", "intercepted_at_sea_fr", "rescued_fr", "rescued_uk", "returned_windspire",
        "returned_after_arrival", "deaths", "deaths_drowning", "deaths_hypothermia", "deaths_crush",
        "deaths_interception", "taxi_boat_share", "red_days", "uk_vessel_utilisation",
        "uk_responses_border_force", "uk_responses_rnli", "boats_self_landed", "mean_wait_for_rescue_hours",
        "gave_up", "people_on_coast_start", "people_new_on_coast", "people_on_coast_end", "people_at_sea_end", "person_attempts");

    /// <summary>Daily series names in enum order.</summary>
    public static readonly ImmutableArray<string> Daily = ImmutableArray.Create(
        "arrivals_uk", "launch_attempts", "prevented_on_land", "deaths", "weather_rating");

    /// <summary>Snake_case name of a metric.</summary>
    public static string Of(Metric metric) => All[(int)metric];

    /// <summary>Finds a metric by its snake_case name.</summary>
    public static bool TryParse(string name, out Metric metric)
    {
        int index = All.IndexOf(name);
        metric = (Metric)Math.Max(index, 0);
        return index >= 0;
    }
}
