using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Calibration;

/// <summary>One plausible parameter set: its id and the values it sets (catalog keys, in the file's column order).</summary>
public sealed record PlausibleSet(string Id, ImmutableArray<KeyValuePair<string, ParameterValue>> Values)
{
    /// <summary>Line of the set in the file (for messages).</summary>
    public int Line { get; init; }

    /// <summary><paramref name="parameters"/> with this set's values in place of its own.</summary>
    public ParameterSet ApplyTo(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (key, value) in Values) parameters = parameters.With(key, value);
        return parameters;
    }
}

/// <summary>Either the sets of a plausible-sets file or every problem found (never both).</summary>
public sealed record PlausibleSetsLoadResult(ImmutableArray<PlausibleSet> Sets, ImmutableArray<ScenarioIssue> Issues)
{
    /// <summary>True when the file is valid.</summary>
    public bool IsValid => Issues.IsEmpty && !Sets.IsEmpty;
}

/// <summary>
/// Reads a plausible-sets file (the parameter sets a calibration kept): a CSV with the header
/// <c>set_id,&lt;key&gt;,&lt;key&gt;...</c> and one row per set, values written as in YAML. Keys are
/// checked against the parameter catalog and values against each key's kind and range; every
/// problem is a <see cref="ScenarioIssue"/> with file, line and column.
/// </summary>
public static class PlausibleSetsFile
{
    /// <summary>The first column's name.</summary>
    public const string IdColumn = "set_id";

    /// <summary>Most sets a file may hold: each runs every replication, so this bounds a run's length.</summary>
    public const int MaxSets = 100_000;

    /// <summary>Loads and checks the file at <paramref name="path"/>.</summary>
    public static PlausibleSetsLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            if (!File.Exists(path)) return Fail(new ScenarioIssue(path, "", 0, 0, "", "file not found"));
            if (new FileInfo(path).Length > ScenarioLoader.MaxFileBytes)
                return Fail(new ScenarioIssue(path, "", 1, 1, "", $"is larger than {ScenarioLoader.MaxFileBytes / (1024 * 1024)} MB"));
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(new ScenarioIssue(path, "", 0, 0, "", "cannot be read: " + ex.Message));
        }
        return Parse(text, path);
    }

    /// <summary>Checks <paramref name="text"/> as if read from <paramref name="fileName"/>.</summary>
    public static PlausibleSetsLoadResult Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var issues = new List<ScenarioIssue>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim().Length == 0)
            return Fail(new ScenarioIssue(fileName, "", 1, 1, "", $"is empty; the first line must be the header '{IdColumn},<key>,<key>...'"));
        string[] header = lines[0].Split(',');
        int[] headerColumns = Starts(header);
        if (header[0].Trim() != IdColumn)
            issues.Add(new ScenarioIssue(fileName, "", 1, 1, header[0], $"the first column must be '{IdColumn}'"));
        var specs = new ParameterSpec?[header.Length];
        var seenKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 1; c < header.Length; c++)
        {
            string key = header[c].Trim();
            if (!ParameterCatalog.TryFind(key, out ParameterSpec spec))
            {
                string? suggestion = EditDistance.Closest(key, ParameterCatalog.All.Select(s => s.Path));
                issues.Add(new ScenarioIssue(fileName, key, 1, headerColumns[c], key, "is not a parameter of the catalog" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?")));
                continue;
            }
            if (spec.Kind is ParameterKind.Date or ParameterKind.Text or ParameterKind.NumberList)
            {
                issues.Add(new ScenarioIssue(fileName, key, 1, headerColumns[c], key, $"is a {spec.Kind.ToString().ToLowerInvariant()} parameter; a plausible set holds numbers, whole numbers, probabilities, true/false or choices"));
                continue;
            }
            if (seenKeys.TryGetValue(key, out int first))
            {
                issues.Add(new ScenarioIssue(fileName, key, 1, headerColumns[c], key, $"is a second column for the same key (first in column {first}); name each key once"));
                continue;
            }
            seenKeys.Add(key, headerColumns[c]);
            specs[c] = spec;
        }
        if (header.Length < 2) issues.Add(new ScenarioIssue(fileName, "", 1, 1, lines[0], "names no parameter after set_id"));
        var sets = ImmutableArray.CreateBuilder<PlausibleSet>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            int line = i + 1;
            string[] cells = lines[i].Split(',');
            int[] columns = Starts(cells);
            if (cells.Length != header.Length)
            {
                issues.Add(new ScenarioIssue(fileName, "", line, 1, "", $"has {cells.Length} fields; the header has {header.Length}"));
                continue;
            }
            string id = cells[0].Trim();
            if (id.Length == 0) { issues.Add(new ScenarioIssue(fileName, IdColumn, line, 1, "", "needs a set id")); continue; }
            if (ids.TryGetValue(id, out int firstLine)) { issues.Add(new ScenarioIssue(fileName, IdColumn, line, 1, id, $"is a duplicate set id (first at line {firstLine})")); continue; }
            ids.Add(id, line);
            var values = ImmutableArray.CreateBuilder<KeyValuePair<string, ParameterValue>>();
            bool ok = true;
            for (int c = 1; c < cells.Length; c++)
            {
                if (specs[c] is not { } spec) { ok = false; continue; }
                string cell = cells[c].Trim();
                ParameterValue? value = ParseValue(spec, cell, out string? rule);
                if (value is null)
                {
                    issues.Add(new ScenarioIssue(fileName, $"{id}.{spec.Path}", line, columns[c], cell, rule!));
                    ok = false;
                    continue;
                }
                values.Add(new(spec.Path, value.Value));
            }
            if (ok) sets.Add(new PlausibleSet(id, values.ToImmutable()) { Line = line });
            if (ids.Count > MaxSets)
            {
                issues.Add(new ScenarioIssue(fileName, "", line, 1, "", $"holds more than {MaxSets.ToString(CultureInfo.InvariantCulture)} sets"));
                break;
            }
        }
        if (issues.Count == 0 && sets.Count == 0)
            issues.Add(new ScenarioIssue(fileName, "", 1, 1, "", "holds no parameter set (one row per set after the header)"));
        return issues.Count > 0 ? new PlausibleSetsLoadResult(ImmutableArray<PlausibleSet>.Empty, [.. issues]) : new PlausibleSetsLoadResult(sets.ToImmutable(), ImmutableArray<ScenarioIssue>.Empty);
    }

    private static PlausibleSetsLoadResult Fail(ScenarioIssue issue) => new(ImmutableArray<PlausibleSet>.Empty, [issue]);

    /// <summary>1-based column where each comma-separated field starts.</summary>
    private static int[] Starts(string[] cells)
    {
        var starts = new int[cells.Length];
        int position = 1;
        for (int i = 0; i < cells.Length; i++)
        {
            starts[i] = position;
            position += cells[i].Length + 1;
        }
        return starts;
    }

    private static ParameterValue? ParseValue(ParameterSpec spec, string cell, out string? rule)
    {
        rule = null;
        switch (spec.Kind)
        {
            case ParameterKind.Boolean:
                if (cell is "true" or "false") return ParameterValue.Of(cell == "true");
                rule = "must be true or false";
                return null;
            case ParameterKind.Choice:
                if (spec.Choices.Contains(cell)) return ParameterValue.Of(cell);
                rule = "must be one of " + string.Join(", ", spec.Choices);
                return null;
        }
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
        {
            rule = $"must be a finite number ({spec.Unit})";
            return null;
        }
        if (spec.Kind == ParameterKind.Integer && v != Math.Floor(v))
        {
            rule = "must be a whole number";
            return null;
        }
        if (v < spec.Min || v > spec.Max)
        {
            rule = $"must be from {spec.Min.ToString("R", CultureInfo.InvariantCulture)} to {spec.Max.ToString("R", CultureInfo.InvariantCulture)} ({spec.Unit})";
            return null;
        }
        return ParameterValue.Of(v);
    }
}
