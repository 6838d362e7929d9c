using System.Collections.Immutable;

namespace Simulation.Core.Domain.Metrics;

/// <summary>Stable snake_case names of <see cref="Metric"/> and <see cref="DailySeries"/>, in enum order.</summary>
public static class MetricNames
{
    /// <summary>Number of metrics, derived from the enum so that appending a metric cannot leave it stale.</summary>
    public static readonly int Count = Enum.GetValues<Metric>().Length;

    /// <summary>Names in enum order, from <see cref="MetricRegistry.Totals"/>.</summary>
    public static readonly ImmutableArray<string> All = MetricRegistry.Totals.Select(m => m.Name).ToImmutableArray();

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
