using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Calibration;

/// <summary>Either a validated <see cref="CalibrationSpec"/> or every problem found (never both).</summary>
public sealed record CalibrationLoadResult(CalibrationSpec? Spec, ImmutableArray<ScenarioIssue> Issues)
{
    /// <summary>True when the file is valid.</summary>
    public bool IsValid => Spec is not null && Issues.IsEmpty;
}

/// <summary>
/// Loads and checks a calibration file (format: docs/CALIBRATION.md, "The calibration file"): the year
/// scenarios, the observed targets with their uncertainties and sources, the mechanism parameters with
/// prior ranges, and the wave design. Every problem is reported at once as a <see cref="ScenarioIssue"/>
/// with file, key path, line and rule; nothing a user writes makes the loader throw.
/// </summary>
public static partial class CalibrationFileLoader
{
    /// <summary>Keys at the top of a calibration file.</summary>
    public static readonly ImmutableArray<string> TopKeys = ["name", "description", "scenarios", "targets", "parameters", "design"];
    /// <summary>Keys of one target.</summary>
    public static readonly ImmutableArray<string> TargetKeys = ["name", "scenario", "metric", "year", "observed", "observation_sd", "discrepancy_sd", "source"];
    /// <summary>Keys of one parameter.</summary>
    public static readonly ImmutableArray<string> ParameterKeys = ["key", "range", "reason"];
    /// <summary>Keys of the design.</summary>
    public static readonly ImmutableArray<string> DesignKeys =
        ["method", "wave1_points", "points_per_wave", "max_waves", "target_plausible", "replications", "cutoff", "rule", "seed"];

    /// <summary>Most points in one wave: every point runs every year scenario, so this bounds a run's length.</summary>
    public const int MaxPointsPerWave = 100_000;
    /// <summary>Most waves.</summary>
    public const int MaxWaves = 100;
    /// <summary>Most replications per point.</summary>
    public const int MaxReplications = 10_000;

    /// <summary>
    /// True when the text looks like a calibration file (a top-level <c>targets:</c> key), so
    /// <c>channelsim validate</c> can tell it from a scenario.
    /// </summary>
    public static bool LooksLikeCalibrationFile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("targets:", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Loads a calibration file, its year scenarios and the calibration-targets.csv beside it.</summary>
    public static CalibrationLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var issues = new List<ScenarioIssue>();
        byte[]? bytes = null;
        try
        {
            if (Directory.Exists(path)) issues.Add(new ScenarioIssue(path, "", 0, 0, "", "is a directory, not a calibration file"));
            else if (!File.Exists(path)) issues.Add(new ScenarioIssue(path, "", 0, 0, "", "file not found"));
            else if (new FileInfo(path).Length > ScenarioLoader.MaxFileBytes)
                issues.Add(new ScenarioIssue(path, "", 1, 1, "", $"is larger than {ScenarioLoader.MaxFileBytes / (1024 * 1024)} MB; a calibration file is a few kilobytes"));
            else bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            issues.Add(new ScenarioIssue(path, "", 0, 0, "", "cannot be read: " + ex.Message));
        }
        if (bytes is null) return new CalibrationLoadResult(null, [.. issues]);
        return LoadBytes(bytes, path);
    }

    /// <summary>
    /// Loads calibration text as if read from <paramref name="fileName"/> (used in messages and to find
    /// the year scenarios and calibration-targets.csv, relative to the file's folder).
    /// </summary>
    public static CalibrationLoadResult LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return LoadBytes(new UTF8Encoding(false).GetBytes(text), fileName);
    }

    /// <summary>Loads raw bytes as if read from <paramref name="fileName"/> (the fuzz tests give non-UTF-8 bytes too).</summary>
    internal static CalibrationLoadResult LoadBytes(byte[] bytes, string fileName)
    {
        var issues = new List<ScenarioIssue>();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            issues.Add(new ScenarioIssue(fileName, "", 1, 1, "", "is not valid UTF-8 text; save the file as UTF-8"));
            return new CalibrationLoadResult(null, [.. issues]);
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            issues.Add(new ScenarioIssue(fileName, "", 1, 1, "", "contains a NUL byte: this is a binary file, not YAML text"));
            return new CalibrationLoadResult(null, [.. issues]);
        }
        YamlNode? root = YamlTreeReader.Read(text, fileName, issues);
        if (root is null)
        {
            if (issues.Count == 0) issues.Add(new ScenarioIssue(fileName, "", 1, 1, "", "the file is empty; a calibration file starts with 'name:'"));
            return new CalibrationLoadResult(null, Sorted(issues, fileName));
        }
        var reader = new Reader(fileName, issues);
        CalibrationSpec? spec = reader.Read(root, bytes);
        if (issues.Count > 0 || spec is null)
        {
            if (issues.Count == 0) issues.Add(new ScenarioIssue(fileName, "", 1, 1, "", "is not a usable calibration file"));
            return new CalibrationLoadResult(null, Sorted(issues, fileName));
        }
        return new CalibrationLoadResult(spec, ImmutableArray<ScenarioIssue>.Empty);
    }

    /// <summary>The calibration file's own problems first, in line order, then each scenario's.</summary>
    private static ImmutableArray<ScenarioIssue> Sorted(List<ScenarioIssue> issues, string fileName)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal) { [fileName] = 0 };
        foreach (ScenarioIssue issue in issues) fileOrder.TryAdd(issue.File, fileOrder.Count);
        return [.. issues.OrderBy(i => fileOrder[i.File]).ThenBy(i => i.Line).ThenBy(i => i.Column).Distinct()];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$")]
    private static partial Regex TargetNamePattern();

    /// <summary>One load's state: the file, its folder and the issues found so far.</summary>
    private sealed class Reader(string file, List<ScenarioIssue> issues)
    {
        private readonly string _folder = FolderOf(file);

        private static string FolderOf(string file)
        {
            try
            {
                return Path.GetDirectoryName(file) ?? "";
            }
            catch (ArgumentException)
            {
                return "";
            }
        }

        public CalibrationSpec? Read(YamlNode root, byte[] bytes)
        {
            if (root is not YamlMapping top)
            {
                Add("", root, root is YamlScalar { IsNull: true }
                    ? "the file is empty; a calibration file is a mapping with name, scenarios, targets, parameters and design"
                    : "the file must be a mapping of keys (name, scenarios, targets, parameters, design), not a single value or list");
                return null;
            }
            string? name = null;
            string description = "";
            List<ScenarioEntry>? scenarios = null;
            YamlNode? targetsNode = null, parametersNode = null;
            CalibrationDesign design = new();
            foreach (var (key, value) in Entries(top, ""))
            {
                switch (key.Value)
                {
                    case "name":
                        string? text = Text("name", value);
                        if (text is null) break;
                        if (NamePattern().IsMatch(text.Trim())) name = text.Trim();
                        else Add("name", value, "must be 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit (it names output folders)");
                        break;
                    case "description":
                        description = Text("description", value)?.Trim() ?? "";
                        break;
                    case "scenarios":
                        scenarios = ReadScenarios(value);
                        break;
                    case "targets":
                        targetsNode = value;
                        break;
                    case "parameters":
                        parametersNode = value;
                        break;
                    case "design":
                        design = ReadDesign(value);
                        break;
                    default:
                        UnknownKey(key.Value, key, TopKeys);
                        break;
                }
            }
            foreach (string required in (string[])["scenarios", "targets", "parameters"])
            {
                if (!top.Entries.Exists(e => e.Key.Value == required))
                    issues.Add(new ScenarioIssue(file, required, top.Line, top.Column, "", RequiredRule(required)));
            }
            scenarios ??= [];
            CalibrationTargetsTable? table = targetsNode is null ? null : ReadTable(top);
            var targets = targetsNode is null ? [] : ReadTargets(targetsNode, scenarios, table);
            var parameters = parametersNode is null ? [] : ReadParameters(parametersNode);
            if (design.Rule == ImplausibilityRule.SecondMaximum && targets.Count < 2 && targetsNode is not null)
                Add("design.rule", top, "is second_max, which needs at least two targets");
            if (issues.Count > 0) return null;
            return new CalibrationSpec
            {
                Name = name ?? NameFromFile(file),
                Description = description,
                SourcePath = file,
                Sha256 = Hash(bytes, scenarios),
                Scenarios = [.. scenarios.Select(s => s.Written)],
                ScenarioFiles = [.. scenarios.Select(s => s.Display)],
                Targets = [.. targets],
                Parameters = [.. parameters],
                Design = design,
            };
        }

        private static string RequiredRule(string key) => key switch
        {
            "scenarios" => "is required: the list of year scenario files, relative to this file",
            "targets" => "is required: the list of observed figures to match (name, scenario, metric, year, observed, observation_sd, discrepancy_sd, source)",
            _ => "is required: the list of mechanism parameters to calibrate (key, range, reason)",
        };

        /// <summary>SHA-256 of the file bytes followed by each scenario's hash (its hex text), in order.</summary>
        private static string Hash(byte[] bytes, List<ScenarioEntry> scenarios)
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(bytes);
            foreach (ScenarioEntry s in scenarios) sha.AppendData(Encoding.ASCII.GetBytes(s.Scenario!.Sha256));
            return Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        private static string NameFromFile(string path)
        {
            string stem = Path.GetFileNameWithoutExtension(path);
            var name = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-')]).TrimStart('.', '_', '-');
            if (name.Length > 64) name = name[..64];
            return name.Length == 0 ? "calibration" : name;
        }

        private sealed record ScenarioEntry(string Written, string FullPath, string Display, Scenario? Scenario);

        private List<ScenarioEntry> ReadScenarios(YamlNode value)
        {
            var result = new List<ScenarioEntry>();
            if (Sequence("scenarios", value, "must be a list of year scenario files, relative to this file, like '- ../year-2022.yaml'") is not { } list) return result;
            if (list.Items.Count == 0) Add("scenarios", value, "must name at least one year scenario file");
            for (int i = 0; i < list.Items.Count; i++)
            {
                string path = $"scenarios[{i}]";
                string? written = Text(path, list.Items[i])?.Trim();
                if (written is null) continue;
                if (written.Length == 0) { Add(path, list.Items[i], "must name a scenario file, relative to this file"); continue; }
                string full, display;
                try
                {
                    full = Path.GetFullPath(Path.Combine(_folder, written));
                    display = Path.IsPathRooted(file) ? full : Path.GetRelativePath(Environment.CurrentDirectory, full);
                }
                catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
                {
                    Add(path, list.Items[i], "is not a usable file path: " + ex.Message);
                    continue;
                }
                if (result.Exists(s => s.FullPath == full)) { Add(path, list.Items[i], "names a scenario a second time; list each year scenario once"); continue; }
                if (!File.Exists(full))
                {
                    Add(path, list.Items[i], $"names '{display}', which does not exist");
                    // Kept without a scenario, so the targets that name it are not reported a second time.
                    result.Add(new ScenarioEntry(written, full, display, null));
                    continue;
                }
                ScenarioLoadResult loaded = ScenarioLoader.Load(display);
                if (!loaded.IsValid)
                {
                    // The scenario's own problems keep its own path, so they can be fixed where they are.
                    issues.AddRange(loaded.Issues);
                    Add(path, list.Items[i], $"names '{display}', which is not a valid scenario ({loaded.Issues.Length} problem{(loaded.Issues.Length == 1 ? "" : "s")}, listed under its own path)");
                    result.Add(new ScenarioEntry(written, full, display, null));
                    continue;
                }
                result.Add(new ScenarioEntry(written, full, display, loaded.Scenario));
            }
            return result;
        }

        private CalibrationTargetsTable? ReadTable(YamlMapping top)
        {
            string csv = Path.Combine(_folder, CalibrationTargetsTable.FileName);
            string problem;
            try
            {
                if (File.Exists(csv))
                {
                    var (table, error) = CalibrationTargetsTable.Parse(File.ReadAllText(csv));
                    if (table is not null) return table;
                    problem = $"needs {CalibrationTargetsTable.FileName} beside this file to check sources, and it cannot be read: {error}";
                }
                else problem = $"needs {CalibrationTargetsTable.FileName} beside this file (in '{(_folder.Length == 0 ? "." : _folder)}') to check every target's source and observed value; it was not found";
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problem = $"needs {CalibrationTargetsTable.FileName} beside this file, which cannot be read: {ex.Message}";
            }
            YamlNode at = top.Entries.Find(e => e.Key.Value == "targets").Key ?? (YamlNode)top;
            Add("targets", at, problem);
            return null;
        }

        private List<CalibrationTarget> ReadTargets(YamlNode value, List<ScenarioEntry> scenarios, CalibrationTargetsTable? table)
        {
            var result = new List<CalibrationTarget>();
            if (Sequence("targets", value, "must be a list of targets, each '- name: ...' with scenario, metric, year, observed, observation_sd, discrepancy_sd and source") is not { } list)
                return result;
            if (list.Items.Count == 0) Add("targets", value, "must list at least one target");
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < list.Items.Count; i++)
            {
                string at = $"targets[{i}]";
                if (Mapping(at, list.Items[i]) is not { } map) continue;
                string? name = null, scenario = null, source = null;
                Metric? metric = null;
                int? year = null;
                double? observed = null, observationSd = null, discrepancySd = null;
                ScenarioEntry? entry = null;
                YamlNode? yearNode = null, observedNode = null, sourceNode = null;
                foreach (var (key, item) in Entries(map, at + "."))
                {
                    string path = at + "." + key.Value;
                    switch (key.Value)
                    {
                        case "name":
                            name = Text(path, item)?.Trim();
                            if (name is null) break;
                            if (!TargetNamePattern().IsMatch(name)) { Add(path, item, "must be snake_case: a lower-case letter, then lower-case letters, digits or '_' (at most 64)"); name = null; break; }
                            if (names.TryGetValue(name, out int first)) { Add(path, item, $"is a duplicate target name (first at line {first}); name each target once"); name = null; break; }
                            names.Add(name, item.Line);
                            break;
                        case "scenario":
                            scenario = Text(path, item)?.Trim();
                            if (scenario is null) break;
                            entry = FindScenario(scenario, scenarios);
                            if (entry is null)
                            {
                                Add(path, item, "is not one of the files listed under 'scenarios'; a target belongs to one of the year scenarios" +
                                    (scenarios.Count == 0 ? "" : " (" + string.Join(", ", scenarios.Select(s => s.Written)) + ")"));
                                scenario = null;
                            }
                            break;
                        case "metric":
                            string? metricName = Text(path, item)?.Trim();
                            if (metricName is null) break;
                            metric = FindMetric(metricName);
                            if (metric is null)
                            {
                                string? suggestion = EditDistance.Closest(metricName, MetricRegistry.Totals.Select(m => m.Name));
                                Add(path, item, "is not a metric (a column of replications.csv)" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " ('channelsim metrics' lists them)");
                            }
                            break;
                        case "year":
                            yearNode = item;
                            string? yearText = Text(path, item);
                            if (yearText is null) break;
                            if (int.TryParse(yearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= 1900 and <= 2200) year = y;
                            else Add(path, item, "must be a calendar year, a whole number like 2022");
                            break;
                        case "observed":
                            observedNode = item;
                            observed = Number(path, item, "must be a finite number in the metric's unit (a share is a fraction from 0 to 1)");
                            break;
                        case "observation_sd":
                            observationSd = PositiveNumber(path, item, "observation standard deviation");
                            break;
                        case "discrepancy_sd":
                            discrepancySd = PositiveNumber(path, item, "model-discrepancy standard deviation");
                            break;
                        case "source":
                            sourceNode = item;
                            source = Text(path, item)?.Trim();
                            if (source is not null && source.Length == 0) { Add(path, item, "must name the calibration-targets.csv row(s): '<year> <metric>', joined with ' + ' for a sum"); source = null; }
                            break;
                        default:
                            UnknownKey(path, key, TargetKeys);
                            break;
                    }
                }
                foreach (string required in TargetKeys)
                {
                    if (!map.Entries.Exists(e => e.Key.Value == required))
                        issues.Add(new ScenarioIssue(file, at + "." + required, map.Line, map.Column, "", $"is required in every target ({string.Join(", ", TargetKeys)})"));
                }
                if (entry?.Scenario is { } s && year is int yr && yearNode is not null)
                {
                    int scenarioYear = s.Variants[0].Parameters.Date("calendar.start_date").Year;
                    if (scenarioYear != yr)
                        Add(at + ".year", yearNode, $"is not the calendar year of {entry.Written}, which starts on {s.Variants[0].Parameters.Date("calendar.start_date").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({scenarioYear})");
                }
                if (source is not null && table is not null && sourceNode is not null)
                    CheckSource(at, source, sourceNode, observed, observedNode, table);
                if (name is null || scenario is null || metric is null || year is null || observed is null || observationSd is null || discrepancySd is null || source is null) continue;
                result.Add(new CalibrationTarget
                {
                    Name = name, Scenario = scenario, Metric = metric.Value, Year = year.Value, Observed = observed.Value,
                    ObservationSd = observationSd.Value, DiscrepancySd = discrepancySd.Value, Source = source, Line = map.Line,
                });
            }
            return result;
        }

        private void CheckSource(string at, string source, YamlNode sourceNode, double? observed, YamlNode? observedNode, CalibrationTargetsTable table)
        {
            double sum = 0;
            bool allFound = true;
            foreach (string part in source.Split(" + "))
            {
                string row = part.Trim();
                if (table.Find(row) is double v) { sum += v; continue; }
                allFound = false;
                string? suggestion = EditDistance.Closest(row, table.Keys);
                Add(at + ".source", sourceNode, $"names the row '{row}', which is not in {CalibrationTargetsTable.FileName} (rows are '<year> <metric>', joined with ' + ' for a sum)" +
                    (suggestion is null ? "" : $"; did you mean '{suggestion}'?"));
            }
            if (!allFound || observed is not double o || observedNode is null) return;
            // The CSV holds the figures as published; anything but rounding noise is a copying mistake.
            if (Math.Abs(o - sum) > 1e-9 * Math.Max(1, Math.Abs(sum)))
                Add(at + ".observed", observedNode, $"is not the value of its source in {CalibrationTargetsTable.FileName} ({InvariantFormat(sum)} for '{source}'); copy the published figure");
        }

        private static string InvariantFormat(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        private ScenarioEntry? FindScenario(string written, List<ScenarioEntry> scenarios)
        {
            string full;
            try
            {
                full = Path.GetFullPath(Path.Combine(_folder, written));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                return null;
            }
            return scenarios.Find(s => s.FullPath == full);
        }

        private static Metric? FindMetric(string name)
        {
            for (int i = 0; i < MetricRegistry.Totals.Length; i++)
            {
                if (MetricRegistry.Totals[i].Name == name) return (Metric)i;
            }
            return null;
        }

        private List<CalibrationParameter> ReadParameters(YamlNode value)
        {
            var result = new List<CalibrationParameter>();
            if (Sequence("parameters", value, "must be a list of parameters, each '- key: ...' with range: [low, high] and reason") is not { } list) return result;
            if (list.Items.Count == 0) Add("parameters", value, "must list at least one mechanism parameter to calibrate");
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < list.Items.Count; i++)
            {
                string at = $"parameters[{i}]";
                if (Mapping(at, list.Items[i]) is not { } map) continue;
                ParameterSpec? spec = null;
                string? reason = null;
                double? low = null, high = null;
                YamlNode? rangeNode = null;
                foreach (var (key, item) in Entries(map, at + "."))
                {
                    string path = at + "." + key.Value;
                    switch (key.Value)
                    {
                        case "key":
                            string? name = Text(path, item)?.Trim();
                            if (name is null) break;
                            spec = CheckKey(path, name, item);
                            if (spec is null) break;
                            if (keys.TryGetValue(name, out int first)) { Add(path, item, $"is a duplicate parameter (first at line {first}); list each key once"); spec = null; break; }
                            keys.Add(name, item.Line);
                            break;
                        case "range":
                            rangeNode = item;
                            (low, high) = ReadRange(path, item);
                            break;
                        case "reason":
                            reason = Text(path, item)?.Trim();
                            if (reason is not null && reason.Length == 0) { Add(path, item, "must say why this range (a published bound, a physical limit, or 'free: plausible ...')"); reason = null; }
                            break;
                        default:
                            UnknownKey(path, key, ParameterKeys);
                            break;
                    }
                }
                foreach (string required in ParameterKeys)
                {
                    if (!map.Entries.Exists(e => e.Key.Value == required))
                        issues.Add(new ScenarioIssue(file, at + "." + required, map.Line, map.Column, "", $"is required in every parameter ({string.Join(", ", ParameterKeys)})"));
                }
                if (spec is not null && low is double lo && high is double hi && rangeNode is not null)
                {
                    if (lo < spec.Min || hi > spec.Max)
                        issues.Add(new ScenarioIssue(file, at + ".range", rangeNode.Line, rangeNode.Column, $"[{InvariantFormat(lo)}, {InvariantFormat(hi)}]", $"goes outside the values {spec.Path} may take ({InvariantFormat(spec.Min)} to {InvariantFormat(spec.Max)} {spec.Unit})"));
                    else if (spec.Kind == ParameterKind.Integer && (lo != Math.Floor(lo) || hi != Math.Floor(hi)))
                        Add(at + ".range", rangeNode, $"must have whole-number ends: {spec.Path} is a whole number");
                    else if (spec.Kind == ParameterKind.Integer && hi - lo < 1)
                        Add(at + ".range", rangeNode, $"must span at least one whole number step: {spec.Path} is a whole number");
                }
                if (spec is null || low is null || high is null || reason is null) continue;
                result.Add(new CalibrationParameter
                {
                    Key = spec.Path, Low = low.Value, High = high.Value, Reason = reason,
                    IsInteger = spec.Kind == ParameterKind.Integer, Line = map.Line,
                });
            }
            return result;
        }

        private ParameterSpec? CheckKey(string path, string name, YamlNode item)
        {
            if (!ParameterCatalog.TryFind(name, out ParameterSpec spec))
            {
                string? suggestion = EditDistance.Closest(name, ParameterCatalog.All.Select(s => s.Path));
                Add(path, item, "is not a parameter of the catalog" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (" + ScenarioFileParser.KeyListHint + ")");
                return null;
            }
            if (spec.Kind is not (ParameterKind.Number or ParameterKind.Integer or ParameterKind.Probability))
            {
                Add(path, item, $"is a {spec.Kind.ToString().ToLowerInvariant()} parameter; only numbers, whole numbers and probabilities can be calibrated");
                return null;
            }
            if (YearInputKeys.Contains(name))
            {
                Add(path, item, "is a year input (set by each year scenario), not a mechanism every year shares; calibrate mechanism parameters only");
                return null;
            }
            return spec;
        }

        private (double?, double?) ReadRange(string path, YamlNode item)
        {
            if (item is YamlAlias) return (null, null);
            if (item is not YamlSequence { Items.Count: 2 } pair)
            {
                Add(path, item, "must be a list of two numbers, [low, high]");
                return (null, null);
            }
            double? lo = Number(path + "[0]", pair.Items[0], "must be a finite number (the low end of the range)");
            double? hi = Number(path + "[1]", pair.Items[1], "must be a finite number (the high end of the range)");
            if (lo is double l && hi is double h && l >= h)
            {
                issues.Add(new ScenarioIssue(file, path, item.Line, item.Column, $"[{InvariantFormat(l)}, {InvariantFormat(h)}]",
                    $"has its low end ({InvariantFormat(l)}) not below its high end ({InvariantFormat(h)}); write [low, high] with low < high"));
                return (null, null);
            }
            return (lo, hi);
        }

        private CalibrationDesign ReadDesign(YamlNode value)
        {
            var design = new CalibrationDesign();
            if (Mapping("design", value) is not { } map) return design;
            foreach (var (key, item) in Entries(map, "design."))
            {
                string path = "design." + key.Value;
                switch (key.Value)
                {
                    case "method":
                        string? method = Text(path, item)?.Trim();
                        if (method == "latin_hypercube") design = design with { Method = CalibrationDesignMethod.LatinHypercube };
                        else if (method == "sobol") design = design with { Method = CalibrationDesignMethod.Sobol };
                        else if (method is not null) Add(path, item, "must be latin_hypercube or sobol");
                        break;
                    case "wave1_points":
                        if (Whole(path, item, 2, MaxPointsPerWave, "points") is int w1) design = design with { Wave1Points = w1 };
                        break;
                    case "points_per_wave":
                        if (Whole(path, item, 2, MaxPointsPerWave, "points") is int pw) design = design with { PointsPerWave = pw };
                        break;
                    case "max_waves":
                        if (Whole(path, item, 1, MaxWaves, "waves") is int mw) design = design with { MaxWaves = mw };
                        break;
                    case "target_plausible":
                        if (Whole(path, item, 1, MaxPointsPerWave * MaxWaves, "points") is int tp) design = design with { TargetPlausible = tp };
                        break;
                    case "replications":
                        if (Whole(path, item, 2, MaxReplications, "replications (two at least, for a variance)") is int r) design = design with { Replications = r };
                        break;
                    case "cutoff":
                        if (Number(path, item, "must be a finite number above 0 (3 is the usual three-sigma cut-off)") is double c)
                        {
                            if (c > 0) design = design with { Cutoff = c };
                            else Add(path, item, "must be above 0 (3 is the usual three-sigma cut-off)");
                        }
                        break;
                    case "rule":
                        string? rule = Text(path, item)?.Trim();
                        if (rule == "max") design = design with { Rule = ImplausibilityRule.Maximum };
                        else if (rule == "second_max") design = design with { Rule = ImplausibilityRule.SecondMaximum };
                        else if (rule is not null) Add(path, item, "must be max or second_max");
                        break;
                    case "seed":
                        string? seed = Text(path, item);
                        if (seed is null) break;
                        if (ulong.TryParse(seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong sd)) design = design with { Seed = sd };
                        else Add(path, item, "must be a whole number from 0 to 18446744073709551615 (an unsigned 64-bit seed)");
                        break;
                    default:
                        UnknownKey(path, key, DesignKeys);
                        break;
                }
            }
            return design;
        }

        private int? Whole(string path, YamlNode item, int min, int max, string what)
        {
            string? text = Text(path, item);
            if (text is null) return null;
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= min && n <= max) return n;
            Add(path, item, $"must be a whole number of {what} from {min} to {max.ToString(CultureInfo.InvariantCulture)}");
            return null;
        }

        private double? Number(string path, YamlNode item, string rule)
        {
            string? text = Text(path, item);
            if (text is null) return null;
            if (item is YamlScalar { IsPlain: true } &&
                double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
            Add(path, item, rule);
            return null;
        }

        private double? PositiveNumber(string path, YamlNode item, string what)
        {
            double? v = Number(path, item, $"must be a finite number above 0: the {what}, in the metric's unit");
            if (v is double d && d <= 0)
            {
                Add(path, item, $"must be above 0: the {what}, in the metric's unit (a zero or negative uncertainty would make every miss infinitely implausible)");
                return null;
            }
            return v;
        }

        private IEnumerable<(YamlScalar Key, YamlNode Value)> Entries(YamlMapping map, string prefix)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in map.Entries)
            {
                if (seen.TryGetValue(entry.Key.Value, out int firstLine))
                {
                    issues.Add(new ScenarioIssue(file, prefix + entry.Key.Value, entry.Key.Line, entry.Key.Column, "",
                        $"is a duplicate key (first at line {firstLine}); each key may appear once in a mapping"));
                    continue;
                }
                seen.Add(entry.Key.Value, entry.Key.Line);
                yield return (entry.Key, entry.Value);
            }
        }

        private YamlMapping? Mapping(string path, YamlNode value)
        {
            if (value is YamlMapping map) return map;
            if (value is YamlAlias) return null;
            Add(path, value, value is YamlScalar { IsNull: true } ? "needs a mapping of keys beneath it" : "must be a mapping of keys, not a single value or list");
            return null;
        }

        private YamlSequence? Sequence(string path, YamlNode value, string rule)
        {
            if (value is YamlSequence list) return list;
            if (value is YamlAlias) return null;
            Add(path, value, rule);
            return null;
        }

        private string? Text(string path, YamlNode value)
        {
            if (value is YamlAlias) return null;
            if (value is not YamlScalar scalar)
            {
                Add(path, value, "must be a single value, not a mapping or list");
                return null;
            }
            if (scalar.IsNull)
            {
                Add(path, value, "needs a value");
                return null;
            }
            return scalar.Value;
        }

        private void UnknownKey(string path, YamlScalar key, ImmutableArray<string> known) => UnknownKey(path, key.Value, key, known);

        private void UnknownKey(string path, string name, YamlScalar key, ImmutableArray<string> known)
        {
            string? suggestion = EditDistance.Closest(name, known);
            issues.Add(new ScenarioIssue(file, path, key.Line, key.Column, "",
                "is not a known key here" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (allowed: " + string.Join(", ", known) + ")"));
        }

        private void Add(string path, YamlNode node, string rule) =>
            issues.Add(new ScenarioIssue(file, path, node.Line, node.Column, node.Display, rule));
    }
}
