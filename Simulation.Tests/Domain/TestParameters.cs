using System.Globalization;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Domain;

/// <summary>Builds parameter sets for tests from the catalog defaults (the 2024 baseline).</summary>
internal static class TestParameters
{
    /// <summary>Defaults with several values replaced; values are double, int, bool, string or DateOnly.</summary>
    public static ParameterSet With(params (string Path, object Value)[] changes) => With(ParameterCatalog.Defaults(), changes);

    /// <summary>A set with several values replaced.</summary>
    public static ParameterSet With(ParameterSet set, params (string Path, object Value)[] changes)
    {
        foreach (var (path, value) in changes) set = set.With(path, ToValue(value));
        return set;
    }

    /// <summary>A short horizon keeps unit tests fast.</summary>
    public static ParameterSet Short(int days, params (string Path, object Value)[] changes) =>
        With(With(("calendar.horizon_days", days)), changes);

    public static ParameterValue ToValue(object value) => value switch
    {
        double d => ParameterValue.Of(d),
        int i => ParameterValue.Of(i),
        bool b => ParameterValue.Of(b),
        string s => ParameterValue.Of(s),
        DateOnly date => ParameterValue.Of(date),
        _ => throw new ArgumentException("Unsupported test value " + Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Every hazard and harm probability at zero.</summary>
    public static readonly (string, object)[] NoHazards =
    [
        ("crossing.engine_failure_rate_per_hour", 0.0), ("crossing.deflation_rate_per_hour", 0.0),
        ("crossing.overload_hazard_per_person_per_hour", 0.0), ("crossing.sea_state_hazard_per_metre_per_hour", 0.0),
        ("uk.response.waiting_hazard_per_hour", 0.0), ("french.beach.launch_death_probability_per_person", 0.0),
        ("taxi_boat.boarding_drowning_probability_per_person", 0.0), ("taxi_boat.hypothermia_rate_per_hour", 0.0),
        ("harm.crush_incident_probability_per_extra_person", 0.0), ("french.maritime.fatality_given_capsize_probability", 0.0),
    ];

    /// <summary>No French enforcement on land or at sea and no returns.</summary>
    public static readonly (string, object)[] NoEnforcement =
    [
        ("french.beach.officers_per_night", 0.0), ("french.maritime.doctrine", "none"),
        ("uk.windspire.return_probability", 0.0), ("returns.one_in_one_out.enabled", false), ("returns.removals.enabled", false),
    ];
}
