using YamlDotNet.RepresentationModel;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// A year file sets inputs only (calendar, weather shares, demand, loads, fleets and officers in
/// service, policies in force, the starting taxi-boat share); the mechanisms (harm, crossing hazards,
/// UK response rules, supply, give-up, adaptation, prevention curve) are shared by every year, so
/// the model is tested on whether one set of mechanism parameters holds across 2022–2024.
/// </summary>
public class YearFileInputsTests
{
    /// <summary>The keys a year file may set, exactly or as a prefix ending in '.'.</summary>
    public static readonly string[] AllowedInputs =
    [
        "schema_version", "name", "extends", "description", "experiment.",
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

    public static bool IsAllowed(string key) =>
        AllowedInputs.Any(a => a.EndsWith('.') ? key.StartsWith(a, StringComparison.Ordinal) : key == a);

    [Theory]
    [InlineData("year-2022.yaml")]
    [InlineData("year-2023.yaml")]
    public void AYearFileSetsOnlyInputs(string file)
    {
        var keys = SetKeys(Path.Combine(RepositoryPaths.Root(), "scenarios", file));
        Assert.NotEmpty(keys);
        var mechanisms = keys.Where(k => !IsAllowed(k)).ToList();
        Assert.True(mechanisms.Count == 0, $"{file} sets mechanism parameters, which every year must share: {string.Join(", ", mechanisms)}");
    }

    [Fact]
    public void TheRuleRefusesMechanismKeys()
    {
        foreach (string key in new[] { "harm.capsize_given_distress_probability", "crossing.engine_failure_rate_per_hour",
                     "uk.response.max_wait_hours", "uk.rnli.nearest_asset_share", "smuggling.attempt_share_red" })
            Assert.False(IsAllowed(key), key);
        Assert.True(IsAllowed("uk.border_force.vessels"));
        Assert.True(IsAllowed("calendar.start_date"));
    }

    /// <summary>Every key the file sets: nested mappings as dotted paths, and the keys of each timeline entry's 'set'.</summary>
    public static List<string> SetKeys(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var keys = new List<string>();
        foreach (var (k, v) in root.Children)
        {
            string name = ((YamlScalarNode)k).Value!;
            if (name == "timeline" && v is YamlSequenceNode entries)
            {
                foreach (YamlMappingNode entry in entries.Children.Cast<YamlMappingNode>())
                    foreach (var (ek, ev) in entry.Children)
                        if (((YamlScalarNode)ek).Value == "set") Flatten((YamlMappingNode)ev, "", keys);
                continue;
            }
            if (v is YamlMappingNode map) Flatten(map, name + ".", keys);
            else keys.Add(name);
        }
        return keys;
    }

    private static void Flatten(YamlMappingNode map, string prefix, List<string> keys)
    {
        foreach (var (k, v) in map.Children)
        {
            string name = prefix + ((YamlScalarNode)k).Value;
            if (v is YamlMappingNode inner) Flatten(inner, name + ".", keys);
            else keys.Add(name);
        }
    }
}
