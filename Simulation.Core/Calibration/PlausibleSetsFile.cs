using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Calibration;

/// <summary>One parameter set that history matching kept: its id, the line it came from and its values by catalog key.</summary>
public sealed record PlausibleSet(string SetId, int Line, ImmutableArray<KeyValuePair<string, ParameterValue>> Values)
{
    /// <summary><paramref name="parameters"/> with this set's values in place of its own (every key of the set).</summary>
    public ParameterSet ApplyTo(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (key, value) in Values) parameters = parameters.With(key, value);
        return parameters;
    }
}

/// <summary>
/// Reads a plausible-set file (plausible.csv): header <c>set_id,key1,key2,...</c> with catalog keys,
/// one row per parameter set, values written as in a scenario file (invariant culture, whole numbers
/// for integer keys). Every value is checked exactly like the same key in a scenario file, so a set
/// that loads can be run; problems come back as <see cref="ScenarioIssue"/>s naming file, line and column.
/// </summary>
public static class PlausibleSetsFile
{
    /// <summary>The header cell that names a row.</summary>
    public const string SetIdColumn = "set_id";

    /// <summary>Loads and validates <paramref name="path"/>; the sets are empty whenever there is an issue.</summary>
    public static (ImmutableArray<PlausibleSet> Sets, ImmutableArray<ScenarioIssue> Issues) Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return ([], [new ScenarioIssue(path, "", 1, 1, "", "cannot be read as UTF-8 text: " + e.Message)]);
        }
        return Parse(text, path);
    }

    /// <summary>Lower-case hex SHA-256 of the file bytes (provenance and the resume identity).</summary>
    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Parses the file's text; <paramref name="file"/> names it in issues.</summary>
    public static (ImmutableArray<PlausibleSet> Sets, ImmutableArray<ScenarioIssue> Issues) Parse(string text, string file)
    {
        var issues = new List<ScenarioIssue>();
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            return ([], [new ScenarioIssue(file, "", 1, 1, "", $"is empty; a plausible-set file needs a header '{SetIdColumn},key1,key2,...' and at least one row")]);
        }
        string[] header = lines[headerIndex].Split(',');
        int headerLine = headerIndex + 1;
        if (header[0].Trim() != SetIdColumn)
        {
            issues.Add(new ScenarioIssue(file, "", headerLine, 1, header[0].Trim(), $"the first column must be '{SetIdColumn}'"));
        }
        var catalog = new CatalogIndex(ParameterCatalog.All);
        var specs = new ParameterSpec?[header.Length];
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        int column = 1 + header[0].Length + 1;
        for (int c = 1; c < header.Length; c++)
        {
            string key = header[c].Trim();
            if (!catalog.TryGetSpec(key, out ParameterSpec spec))
            {
                string? suggestion = catalog.Suggest(key, []);
                issues.Add(new ScenarioIssue(file, key, headerLine, column, key,
                    "is not a parameter key" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " ('channelsim schema' lists the keys)"));
            }
            else if (spec.Kind is not (ParameterKind.Number or ParameterKind.Integer or ParameterKind.Probability))
            {
                issues.Add(new ScenarioIssue(file, key, headerLine, column, key,
                    $"is a {spec.Kind.ToString().ToLowerInvariant()} parameter; a plausible set holds number, integer and probability parameters only"));
            }
            else if (key.StartsWith("calendar.", StringComparison.Ordinal))
            {
                issues.Add(new ScenarioIssue(file, key, headerLine, column, key,
                    "is a calendar setting of the scenario, not a model parameter a plausible set can vary"));
            }
            else if (!seenKeys.Add(key))
            {
                issues.Add(new ScenarioIssue(file, key, headerLine, column, key, "is a column a second time"));
            }
            else
            {
                specs[c] = spec;
            }
            column += header[c].Length + 1;
        }
        if (header.Length < 2) issues.Add(new ScenarioIssue(file, "", headerLine, 1, lines[headerIndex].Trim(), "names no parameter; the header is 'set_id,key1,key2,...'"));

        var sets = ImmutableArray.CreateBuilder<PlausibleSet>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = headerIndex + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            int line = i + 1;
            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                issues.Add(new ScenarioIssue(file, "", line, 1, lines[i].Trim(), $"has {cells.Length} cells; the header has {header.Length}"));
                continue;
            }
            string id = cells[0].Trim();
            if (id.Length == 0)
            {
                issues.Add(new ScenarioIssue(file, SetIdColumn, line, 1, "", "needs a set id"));
            }
            else if (seenIds.TryGetValue(id, out int first))
            {
                issues.Add(new ScenarioIssue(file, SetIdColumn, line, 1, id, $"is a duplicate set id (first on line {first})"));
            }
            else
            {
                seenIds.Add(id, line);
            }
            var values = ImmutableArray.CreateBuilder<KeyValuePair<string, ParameterValue>>(header.Length - 1);
            int at = 1 + cells[0].Length + 1;
            bool ok = true;
            for (int c = 1; c < cells.Length; c++)
            {
                ParameterSpec? spec = specs[c];
                string cell = cells[c].Trim();
                if (spec is not null)
                {
                    var found = new List<ScenarioIssue>();
                    ParameterValue? value = cell.Length == 0
                        ? null
                        : ParameterValueParser.Parse(spec, new YamlScalar(line, at, cell, isPlain: true), file, spec.Path, found);
                    if (cell.Length == 0) found.Add(new ScenarioIssue(file, spec.Path, line, at, "", "needs a value (" + ParameterValueParser.Describe(spec) + ")"));
                    issues.AddRange(found);
                    if (value is null) ok = false;
                    else values.Add(new(spec.Path, value.Value));
                }
                at += cells[c].Length + 1;
            }
            if (ok && id.Length > 0) sets.Add(new PlausibleSet(id, line, values.ToImmutable()));
        }
        if (sets.Count == 0 && issues.Count == 0)
        {
            issues.Add(new ScenarioIssue(file, "", headerLine, 1, "", "holds a header but no parameter set; at least one row is needed"));
        }
        return issues.Count > 0 ? ([], issues.ToImmutableArray()) : (sets.ToImmutable(), []);
    }
}
