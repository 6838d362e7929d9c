using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Checks one parsed YAML tree against the scenario format and the parameter catalog, keeping every
/// valid value and reporting every problem with its key path and position.
/// </summary>
internal sealed partial class ScenarioFileParser(CatalogIndex catalog, List<ScenarioIssue> issues)
{
    /// <summary>The calendar keys the loader itself reads to check timeline dates.</summary>
    public const string StartDatePath = "calendar.start_date";
    public const string HorizonDaysPath = "calendar.horizon_days";

    private static readonly string[] ExperimentKeys = ["replications", "seed"];

    /// <summary>Where every key is listed, for unknown-key messages (scenarios/README.md is not at hand outside the repository).</summary>
    public const string KeyListHint = "'channelsim init DIR' writes scenarios/README.md, which lists every key; 'channelsim metrics' lists the metrics";
    private static readonly string[] TimelineKeys = ["date", "set"];
    private static readonly string[] VariantKeys = ["description", "timeline", "combines"];

    public void Parse(YamlNode root, ScenarioFileModel model)
    {
        var file = model.File;
        if (root is not YamlMapping top)
        {
            issues.Add(new ScenarioIssue(file, "", root.Line, root.Column, root.Display,
                root is YamlScalar { IsNull: true } ? "the file is empty; a scenario starts with 'schema_version: 1'"
                    : "the file must be a mapping of keys to values, starting with 'schema_version: 1'"));
            return;
        }
        var hasVersion = false;
        var assigned = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var experimentKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in Entries(top, file, ""))
        {
            switch (key.Value)
            {
                case "schema_version":
                    hasVersion = true;
                    if (value is YamlScalar { IsNull: false } v && v.Value.Trim() == "1") break;
                    if (value is not YamlAlias)
                        Add(file, "schema_version", value, "must be 1, the only scenario format version this program reads");
                    break;
                case "name":
                    var name = Text(file, "name", value);
                    if (name is null) break;
                    if (NamePattern().IsMatch(name)) model.Name = name;
                    else Add(file, "name", value, "must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit (it names output folders)");
                    break;
                case "description":
                    model.Description = Text(file, "description", value)?.Trim();
                    break;
                case "extends":
                    var extends = Text(file, "extends", value);
                    if (extends is null) break;
                    if (extends.Trim().Length == 0) { Add(file, "extends", value, "must name a scenario file, relative to this file"); break; }
                    model.Extends = extends.Trim();
                    model.ExtendsLocation = Location(file, "extends", value);
                    break;
                case "experiment":
                    ParseExperiment(file, value, model, experimentKeys);
                    break;
                case var dotted when dotted.StartsWith("experiment.", StringComparison.Ordinal):
                    ParseExperimentEntry(file, key, dotted["experiment.".Length..], value, model, experimentKeys);
                    break;
                case "timeline":
                    ParseTimeline(file, "timeline", value, model.Timeline);
                    break;
                case "variants":
                    model.Variants = ParseVariants(file, value);
                    break;
                default:
                    ParseParameter(file, key, value, "", "", assigned, model.Base, CatalogIndex.ScenarioKeys);
                    break;
            }
        }
        if (!hasVersion)
            issues.Add(new ScenarioIssue(file, "schema_version", top.Line, top.Column, "",
                "is required: start the file with 'schema_version: 1'"));
    }

    private void ParseExperiment(string file, YamlNode value, ScenarioFileModel model, HashSet<string> seen)
    {
        if (Mapping(file, "experiment", value) is not { } map) return;
        foreach (var (key, item) in Entries(map, file, "experiment."))
            ParseExperimentEntry(file, key, key.Value, item, model, seen);
    }

    private void ParseExperimentEntry(string file, YamlScalar key, string name, YamlNode item, ScenarioFileModel model, HashSet<string> seen)
    {
        var path = "experiment." + name;
        if (Array.IndexOf(ExperimentKeys, name) >= 0 && !seen.Add(name))
        {
            Add(file, path, item, "is set a second time; set each key once");
            return;
        }
        switch (name)
        {
            case "replications":
                var reps = Text(file, path, item);
                if (reps is null) break;
                if (int.TryParse(reps.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1) model.Replications = n;
                else Add(file, path, item, "must be a whole number of replications, at least 1");
                break;
            case "seed":
                var seed = Text(file, path, item);
                if (seed is null) break;
                if (ulong.TryParse(seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s)) model.Seed = s;
                else Add(file, path, item, "must be a whole number from 0 to 18446744073709551615 (an unsigned 64-bit seed)");
                break;
            default:
                UnknownKey(file, path, key, name, ExperimentKeys);
                break;
        }
    }

    private void ParseTimeline(string file, string path, YamlNode value, List<TimelineEntry> into)
    {
        if (value is YamlAlias || value is YamlScalar { IsNull: true }) return;
        if (value is not YamlSequence sequence)
        {
            Add(file, path, value, "must be a list of dated changes, each '- date: yyyy-MM-dd' with a 'set:' mapping");
            return;
        }
        DateOnly? previous = null;
        string previousPath = "";
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var entryPath = $"{path}[{i}]";
            if (Mapping(file, entryPath, sequence.Items[i]) is not { } map) continue;
            DateOnly? date = null;
            SourceLocation dateLocation = default;
            List<Assignment>? set = null;
            var hasSet = false;
            foreach (var (key, item) in Entries(map, file, entryPath + "."))
            {
                var itemPath = entryPath + "." + key.Value;
                switch (key.Value)
                {
                    case "date":
                        var text = Text(file, itemPath, item);
                        if (text is null) break;
                        date = ParameterValueParser.ParseDate(text.Trim());
                        if (date is null) Add(file, itemPath, item, "must be a date written yyyy-MM-dd, like 2025-07-01");
                        dateLocation = Location(file, itemPath, item);
                        break;
                    case "set":
                        hasSet = true;
                        if (Mapping(file, itemPath, item) is not { } setMap) break;
                        if (setMap.Entries.Count == 0) { Add(file, itemPath, item, "must set at least one parameter"); break; }
                        set = [];
                        var assigned = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                        foreach (var (setKey, setValue) in Entries(setMap, file, itemPath + "."))
                            ParseParameter(file, setKey, setValue, "", itemPath + ".", assigned, set);
                        break;
                    default:
                        UnknownKey(file, itemPath, key, TimelineKeys);
                        break;
                }
            }
            if (!map.Entries.Exists(e => e.Key.Value == "date"))
                issues.Add(new ScenarioIssue(file, entryPath + ".date", map.Line, map.Column, "", "is required: the day the change takes effect, yyyy-MM-dd"));
            if (!hasSet)
                issues.Add(new ScenarioIssue(file, entryPath + ".set", map.Line, map.Column, "", "is required: a mapping of the parameters that change"));
            if (date is null) continue;
            if (previous is not null && date < previous)
                Add(dateLocation, $"is earlier than the entry before it ({previousPath} = {previous.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}); list timeline changes in date order");
            previous = date;
            previousPath = dateLocation.KeyPath;
            foreach (var change in set ?? [])
            {
                if (change.Path is StartDatePath or HorizonDaysPath)
                    Add(change.Location, "cannot change during a run; set it at the top of the file or in a variant");
            }
            if (set is not null) into.Add(new TimelineEntry(date.Value, set, dateLocation));
        }
    }

    private List<VariantModel>? ParseVariants(string file, YamlNode value)
    {
        if (Mapping(file, "variants", value) is not { } map) return null;
        var variants = new List<VariantModel>();
        if (map.Entries.Count == 0) Add(file, "variants", value, "must name at least one variant, or be left out");
        if (map.Entries.Count > ScenarioLoader.MaxVariants)
        {
            Add(file, "variants", value, $"has {map.Entries.Count} variants; a scenario may have at most {ScenarioLoader.MaxVariants}");
            return null;
        }
        foreach (var (key, body) in Entries(map, file, "variants."))
        {
            var name = key.Value;
            var path = "variants." + name;
            if (!VariantNamePattern().IsMatch(name))
            {
                issues.Add(new ScenarioIssue(file, path, key.Line, key.Column, name,
                    "variant names must be snake_case: a lower-case letter, then lower-case letters, digits or '_' (at most 64)"));
                continue;
            }
            var description = "";
            var overrides = new List<Assignment>();
            var timeline = new List<TimelineEntry>();
            var combines = new List<(string, SourceLocation)>();
            SourceLocation combinesAt = default;
            if (body is YamlMapping bodyMap)
            {
                var assigned = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
                foreach (var (bodyKey, item) in Entries(bodyMap, file, path + "."))
                {
                    var itemPath = path + "." + bodyKey.Value;
                    if (bodyKey.Value == "description") description = Text(file, itemPath, item)?.Trim() ?? "";
                    else if (bodyKey.Value == "timeline") ParseTimeline(file, itemPath, item, timeline);
                    else if (bodyKey.Value == "combines")
                    {
                        combinesAt = Location(file, itemPath, item);
                        ParseCombines(file, itemPath, item, combines);
                    }
                    else if (Array.IndexOf(CatalogIndex.ScenarioKeys, bodyKey.Value) >= 0)
                        Add(file, itemPath, item, "cannot be set inside a variant; it applies to the whole scenario");
                    else ParseParameter(file, bodyKey, item, "", path + ".", assigned, overrides, VariantKeys);
                }
            }
            else if (body is not YamlAlias && body is not YamlScalar { IsNull: true })
            {
                Add(file, path, body, "must be a mapping of overrides (or empty for no change)");
                continue;
            }
            variants.Add(new VariantModel(name, description, overrides, timeline) { Combines = combines, CombinesLocation = combinesAt });
        }
        return variants;
    }

    /// <summary>
    /// <c>combines: [a, b]</c>: the names of the variants this one combines. Only the form is checked
    /// here; that the names exist and that the variant holds their changes needs every variant resolved.
    /// </summary>
    private void ParseCombines(string file, string path, YamlNode value, List<(string, SourceLocation)> into)
    {
        if (value is YamlAlias) return;
        if (value is not YamlSequence sequence)
        {
            Add(file, path, value, "must be a list of two or more variant names of this scenario, like [more_beach_patrols, windspire_rule]");
            return;
        }
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var name = Text(file, itemPath, sequence.Items[i])?.Trim();
            if (name is null) continue;
            var at = Location(file, itemPath, sequence.Items[i]);
            if (into.Exists(c => c.Item1 == name)) { Add(at, $"names '{name}' a second time; list each variant once"); continue; }
            into.Add((name, at));
        }
        if (sequence.Items.Count < 2) Add(file, path, value, "must name at least two variants: a combination of one variant is that variant");
    }

    /// <summary>
    /// One key of a parameter tree: a catalog path (possibly dotted), a group to descend into, or an
    /// unknown name. <paramref name="catalogPrefix"/> is the group reached so far, <paramref name="pathPrefix"/>
    /// the key path as written for messages, <paramref name="otherKeysHere"/> the non-parameter keys
    /// allowed at this level (offered as suggestions too).
    /// </summary>
    private void ParseParameter(string file, YamlScalar key, YamlNode value, string catalogPrefix, string pathPrefix,
        Dictionary<string, SourceLocation> assigned, List<Assignment> into, string[]? otherKeysHere = null)
    {
        var name = key.Value;
        var keyPath = pathPrefix + name;
        var fullPath = catalogPrefix + name;
        if (catalog.TryGetSpec(fullPath, out var spec))
        {
            var parsed = ParameterValueParser.Parse(spec, value, file, keyPath, issues);
            var location = Location(file, keyPath, value);
            if (assigned.TryGetValue(fullPath, out var first))
            {
                Add(location, $"sets {fullPath} a second time (first at line {first.Line}); set each parameter once");
                return;
            }
            assigned.Add(fullPath, location);
            if (parsed is not null) into.Add(new Assignment(fullPath, parsed.Value, location));
            return;
        }
        if (catalog.TryGetGroup(fullPath, out var group))
        {
            if (value is YamlMapping map)
            {
                foreach (var (childKey, childValue) in Entries(map, file, keyPath + "."))
                    ParseParameter(file, childKey, childValue, fullPath + ".", keyPath + ".", assigned, into);
                return;
            }
            if (value is YamlAlias) return;
            var examples = string.Join(", ", group.SomeLeafPaths(3));
            Add(file, keyPath, value, $"is a group of settings ({examples}, ...), not a single value; write its keys beneath it");
            return;
        }
        var suggestion = catalog.Suggest(fullPath, otherKeysHere ?? []);
        issues.Add(new ScenarioIssue(file, keyPath, key.Line, key.Column, "",
            "is not a known key" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (" + KeyListHint + ")"));
    }

    private void UnknownKey(string file, string path, YamlScalar key, string[] known) => UnknownKey(file, path, key, key.Value, known);

    private void UnknownKey(string file, string path, YamlScalar key, string name, string[] known)
    {
        var suggestion = EditDistance.Closest(name, known);
        issues.Add(new ScenarioIssue(file, path, key.Line, key.Column, "",
            "is not a known key here" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (allowed: " + string.Join(", ", known) + ")"));
    }

    /// <summary>A mapping's entries, reporting and skipping repeated keys.</summary>
    private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping map, string file, string pathPrefix)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (seen.TryGetValue(entry.Key.Value, out var firstLine))
            {
                issues.Add(new ScenarioIssue(file, pathPrefix + entry.Key.Value, entry.Key.Line, entry.Key.Column, "",
                    $"is a duplicate key (first at line {firstLine}); each key may appear once in a mapping"));
                continue;
            }
            seen.Add(entry.Key.Value, entry.Key.Line);
            yield return (entry.Key, entry.Value);
        }
    }

    private YamlMapping? Mapping(string file, string path, YamlNode value)
    {
        if (value is YamlMapping map) return map;
        if (value is YamlAlias) return null;
        Add(file, path, value, value is YamlScalar { IsNull: true } ? "needs a mapping of keys beneath it" : "must be a mapping of keys, not a single value or list");
        return null;
    }

    private string? Text(string file, string path, YamlNode value)
    {
        if (value is YamlAlias) return null;
        if (value is not YamlScalar scalar)
        {
            Add(file, path, value, "must be a single value, not a mapping or list");
            return null;
        }
        if (scalar.IsNull)
        {
            Add(file, path, value, "needs a value");
            return null;
        }
        return scalar.Value;
    }

    private static SourceLocation Location(string file, string path, YamlNode node) => new(file, path, node.Line, node.Column, node.Display);

    private void Add(string file, string path, YamlNode node, string rule) =>
        issues.Add(new ScenarioIssue(file, path, node.Line, node.Column, node.Display, rule));

    private void Add(SourceLocation at, string rule) =>
        issues.Add(new ScenarioIssue(at.File, at.KeyPath, at.Line, at.Column, at.Value, rule));

    /// <summary>The default name: the file name without extension, made to pass the name rule.</summary>
    public static string NameFromFile(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var chars = stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray();
        var name = new string(chars).TrimStart('.', '_', '-');
        if (name.Length > 64) name = name[..64];
        return name.Length == 0 ? "scenario" : name;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex VariantNamePattern();
}
