using System.Collections.Immutable;

namespace Simulation.Core.Calibration;

/// <summary>
/// The keys a year scenario sets as inputs (calendar, weather shares, demand, loads, fleets and
/// officers in service, policies in force, the starting taxi-boat share). Every year shares the
/// other, mechanism, keys; a calibration varies mechanisms only, because an input differs from
/// year to year and one value fitted across three years would mean nothing.
/// </summary>
public static class YearInputKeys
{
    /// <summary>Exact keys, or prefixes ending in '.' that cover a whole group.</summary>
    public static readonly ImmutableArray<string> All =
    [
        "calendar.",
        "weather.red_day_share", "weather.amber_day_share", "weather.series_file",
        "demand.new_arrivals_rate_per_day", "demand.initial_people_on_coast",
        "smuggling.load_mean_people", "smuggling.load_cv", "smuggling.taxi_boat_share_initial",
        "french.beach.officers_per_night", "french.maritime.doctrine", "french.maritime.vessels",
        "uk.border_force.vessels", "uk.rnli.lifeboats", "uk.joint_operations.ships",
        "uk.windspire.return_probability", "uk.windspire.operate_in_french_waters",
        "returns.one_in_one_out.enabled", "returns.one_in_one_out.start_date", "returns.one_in_one_out.weekly_cap_people",
        "returns.removals.enabled", "returns.removals.start_date", "returns.removals.share_of_arrivals_probability",
    ];

    /// <summary>True when <paramref name="key"/> is a year input.</summary>
    public static bool Contains(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (string input in All)
        {
            if (input.EndsWith('.') ? key.StartsWith(input, StringComparison.Ordinal) : key == input) return true;
        }
        return false;
    }
}
