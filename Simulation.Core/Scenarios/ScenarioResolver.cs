using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// One load: reads a file and the chain it extends, checks each, and resolves every variant to a full
/// parameter set (catalog defaults, then the extended files from the furthest, then this file, then
/// the variant's overrides).
/// </summary>
internal sealed class ScenarioResolver(CatalogIndex catalog, IReadOnlyList<string>? overrides = null)
{
    private const string BaselineName = "baseline";
    private const string Origin = ScenarioLoader.OverrideOrigin;
    private readonly List<ScenarioIssue> _issues = [];
    private readonly IReadOnlyList<string> _overrideTexts = overrides ?? [];

    public ScenarioLoadResult Load(string path, byte[]? text)
    {
        var chain = new List<ScenarioFileModel>();
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            _issues.Add(new ScenarioIssue(path, "", 0, 0, "", "is not a usable file path: " + ex.Message));
            return Fail();
        }
        var model = ReadFile(path, fullPath, text, null);
        while (model is not null)
        {
            chain.Add(model);
            if (model.Extends is null) break;
            model = ReadParent(model, chain);
        }
        var assignments = ParseOverrides(out var normalized);
        Scenario? scenario = null;
        // Resolve even when a file has problems: dates outside the period are found only after resolving.
        if (chain.Count > 0) scenario = Resolve(path, chain, assignments, normalized);
        if (_issues.Count > 0 || scenario is null) return Fail();
        return new ScenarioLoadResult(scenario with { ResolvedYaml = ResolvedYamlWriter.Write(scenario, catalog) }, ImmutableArray<ScenarioIssue>.Empty);
    }

    private ScenarioLoadResult Fail()
    {
        if (_issues.Count == 0) throw new InvalidOperationException("A scenario failed to load without an issue.");
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var issue in _issues) fileOrder.TryAdd(issue.File, fileOrder.Count);
        var sorted = _issues.OrderBy(i => fileOrder[i.File]).ThenBy(i => i.Line).ThenBy(i => i.Column).Distinct().ToImmutableArray();
        return new ScenarioLoadResult(null, sorted);
    }

    private ScenarioFileModel? ReadParent(ScenarioFileModel child, List<ScenarioFileModel> chain)
    {
        var at = child.ExtendsLocation;
        string parentFull;
        try
        {
            parentFull = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(child.FullPath) ?? "", child.Extends!));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Add(at, "is not a usable file path: " + ex.Message);
            return null;
        }
        // Messages name an extended file the way the user named the first one: absolute, or
        // relative to the working directory.
        var parentDisplay = Path.IsPathRooted(child.File) ? parentFull : Path.GetRelativePath(Environment.CurrentDirectory, parentFull);
        var cycleStart = chain.FindIndex(m => string.Equals(m.FullPath, parentFull, StringComparison.Ordinal));
        if (cycleStart >= 0)
        {
            var names = chain.Skip(cycleStart).Select(m => Path.GetFileName(m.File)).Append(Path.GetFileName(parentDisplay));
            Add(at, "makes a cycle of extends (" + string.Join(" -> ", names) + "); a file cannot extend itself, directly or through others");
            return null;
        }
        if (chain.Count >= ScenarioLoader.MaxExtendsDepth)
        {
            Add(at, $"makes a chain of extends longer than {ScenarioLoader.MaxExtendsDepth} files");
            return null;
        }
        return ReadFile(parentDisplay, parentFull, null, at);
    }

    /// <summary>Reads, decodes and checks one file; null when it could not be read as YAML at all.</summary>
    private ScenarioFileModel? ReadFile(string file, string fullPath, byte[]? bytes, SourceLocation? namedBy)
    {
        if (bytes is null)
        {
            bytes = ReadBytes(file, fullPath, namedBy);
            if (bytes is null) return null;
        }
        if (bytes.Length > ScenarioLoader.MaxFileBytes)
        {
            _issues.Add(new ScenarioIssue(file, "", 1, 1, "", TooLarge(bytes.Length)));
            return null;
        }
        var text = Decode(file, bytes);
        if (text is null) return null;
        var before = _issues.Count;
        var root = YamlTreeReader.Read(text, file, _issues);
        if (root is null)
        {
            if (_issues.Count == before)
                _issues.Add(new ScenarioIssue(file, "", 1, 1, "", "the file is empty; a scenario starts with 'schema_version: 1'"));
            return null;
        }
        var model = new ScenarioFileModel { File = file, FullPath = fullPath, Bytes = bytes };
        new ScenarioFileParser(catalog, _issues).Parse(root, model);
        return model;
    }

    private byte[]? ReadBytes(string file, string fullPath, SourceLocation? namedBy)
    {
        string? problem = null;
        try
        {
            if (Directory.Exists(fullPath)) problem = "is a directory, not a scenario file";
            else if (!File.Exists(fullPath)) problem = "file not found";
            else
            {
                var length = new FileInfo(fullPath).Length;
                if (length > ScenarioLoader.MaxFileBytes) problem = TooLarge(length);
                else if (ReadAtMost(fullPath, ScenarioLoader.MaxFileBytes) is { } bytes) return bytes;
                else problem = $"does not end within {ScenarioLoader.MaxFileBytes / (1024 * 1024)} MB (a device such as /dev/zero, not a scenario file)";
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = "cannot be read: " + ex.Message;
        }
        if (namedBy is { } at) Add(at, $"names '{file}', which {(problem == "file not found" ? "does not exist" : problem)}");
        else _issues.Add(new ScenarioIssue(file, "", 0, 0, "", problem!));
        return null;
    }

    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="limit"/>. The length on
    /// disk is not trusted: devices such as /dev/zero report 0 and never end (found by hardening:
    /// reading them whole ran the process out of memory).
    /// </summary>
    private static byte[]? ReadAtMost(string fullPath, long limit)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string TooLarge(long length) =>
        $"is {length.ToString("N0", CultureInfo.InvariantCulture)} bytes; scenario files are limited to {ScenarioLoader.MaxFileBytes / (1024 * 1024)} MB";

    /// <summary>Strict UTF-8 text, or null with an issue at the first byte that is not text.</summary>
    private string? Decode(string file, byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            _issues.Add(new ScenarioIssue(file, "", 1, 1, "", "is UTF-16 text; save the file as UTF-8"));
            return null;
        }
        var nul = span.IndexOf((byte)0);
        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done && nul < 0) return new string(chars, 0, charsWritten);
        var offset = nul >= 0 && (status == System.Buffers.OperationStatus.Done || nul < bytesRead) ? nul : bytesRead;
        var prefix = Encoding.UTF8.GetString(span[..offset]);
        var line = 1 + prefix.Count(c => c == '\n');
        var column = 1 + prefix.Length - (prefix.LastIndexOf('\n') + 1);
        var value = "0x" + span[offset].ToString("X2", CultureInfo.InvariantCulture);
        _issues.Add(new ScenarioIssue(file, "", line, column, value, offset == nul
            ? "contains a NUL byte: this is a binary file, not YAML text"
            : "is not valid UTF-8 text; save the file as UTF-8"));
        return null;
    }

    /// <summary>
    /// Checks each "key.path=value" exactly as the same key would be checked in a file (the value is
    /// read as YAML, so [1, 2, 3] and quoting work as there); problems name "--set" as their origin.
    /// </summary>
    private List<Assignment> ParseOverrides(out ImmutableArray<string> normalized)
    {
        var assignments = new List<Assignment>();
        var texts = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in _overrideTexts)
        {
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                _issues.Add(new ScenarioIssue(Origin, text.Trim(), 0, 0, "",
                    "must be written key.path=value, e.g. --set uk.border_force.vessels=8"));
                continue;
            }
            var keyPath = text[..eq].Trim();
            var valueText = text[(eq + 1)..].Trim();
            if (catalog.TryGetSpec(keyPath, out var spec))
            {
                var found = new List<ScenarioIssue>();
                var node = valueText.Length == 0 ? new YamlScalar(1, 1, "", isPlain: true) : YamlTreeReader.Read(valueText, Origin, found);
                var value = node is null ? null : ParameterValueParser.Parse(spec, node, Origin, keyPath, found);
                // Positions inside the value text mean nothing to the user: the whole value is shown instead.
                foreach (var issue in found) _issues.Add(issue with { KeyPath = keyPath, Line = 0, Column = 0, Value = valueText });
                if (value is null) continue;
                if (!seen.Add(keyPath))
                {
                    _issues.Add(new ScenarioIssue(Origin, keyPath, 0, 0, valueText, "is given a second time; give each key one --set"));
                    continue;
                }
                assignments.Add(new Assignment(keyPath, value.Value, new SourceLocation(Origin, keyPath, 0, 0, valueText)));
                texts.Add(keyPath + "=" + valueText);
                continue;
            }
            string rule;
            if (catalog.TryGetGroup(keyPath, out var group))
                rule = $"is a group of settings ({string.Join(", ", group.SomeLeafPaths(3))}, ...), not a single value; --set one of its keys";
            else if (Array.IndexOf(CatalogIndex.ScenarioKeys, keyPath.Split('.')[0]) >= 0)
                rule = "is a scenario setting, not a model parameter; --set changes parameters (for experiment.replications and experiment.seed use --replications and --seed)";
            else
            {
                var suggestion = catalog.Suggest(keyPath, []);
                rule = "is not a known key" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") + " (" + ScenarioFileParser.KeyListHint + ")";
            }
            _issues.Add(new ScenarioIssue(Origin, keyPath, 0, 0, valueText, rule));
        }
        normalized = texts.ToImmutable();
        return assignments;
    }

    private Scenario? Resolve(string path, List<ScenarioFileModel> chain, List<Assignment> overrideAssignments, ImmutableArray<string> overrideTexts)
    {
        var values = ImmutableDictionary.CreateBuilder<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var spec in catalog.Specs) values[spec.Path] = spec.Default;
        var timeline = new List<(TimelineChange Change, SourceLocation At)>();
        var replications = 100;
        var seed = 20240101UL;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var model = chain[i];
            foreach (var a in model.Base) values[a.Path] = a.Value;
            AddTimeline(timeline, model.Timeline);
            replications = model.Replications ?? replications;
            seed = model.Seed ?? seed;
        }
        var baseValues = values.ToImmutable();
        var baseTimeline = timeline.OrderBy(t => t.Change.Date).ToList();

        var root = chain[0];
        var written = root.Variants;
        var ordered = new List<VariantModel>();
        var baseline = written?.Find(v => v.Name == BaselineName);
        ordered.Add(baseline ?? new VariantModel(BaselineName, written is null ? "" : "The scenario without variant overrides.", [], []));
        if (written is not null) ordered.AddRange(written.Where(v => v.Name != BaselineName));

        long changes = 0;
        foreach (var variant in ordered) changes += baseTimeline.Count + variant.Timeline.Sum(e => (long)e.Set.Count);
        if (changes > ScenarioLoader.MaxResolvedTimelineChanges)
        {
            _issues.Add(new ScenarioIssue(root.File, "timeline", 1, 1, "",
                $"the variants hold {changes} dated changes in all; at most {ScenarioLoader.MaxResolvedTimelineChanges} are allowed"));
            return null;
        }
        var variants = ImmutableArray.CreateBuilder<ScenarioVariant>(ordered.Count);
        // A broken start date or horizon would make every date look out of range; its own issue is enough.
        var calendarIssue = _issues.Exists(i => !i.KeyPath.Contains("timeline[", StringComparison.Ordinal) &&
                                                (i.KeyPath.EndsWith(ScenarioFileParser.StartDatePath, StringComparison.Ordinal) ||
                                                 i.KeyPath.EndsWith(ScenarioFileParser.HorizonDaysPath, StringComparison.Ordinal)));
        var reported = new HashSet<(string, int, int)>();
        foreach (var variant in ordered)
        {
            var variantValues = baseValues.ToBuilder();
            foreach (var a in variant.Overrides) variantValues[a.Path] = a.Value;
            // Command-line overrides come last: the question asked on the command line holds for every variant.
            foreach (var a in overrideAssignments) variantValues[a.Path] = a.Value;
            var variantTimeline = new List<(TimelineChange Change, SourceLocation At)>(baseTimeline);
            AddTimeline(variantTimeline, variant.Timeline);
            var sorted = variantTimeline.OrderBy(t => t.Change.Date).ToList();
            var parameters = new ParameterSet
            {
                Values = variantValues.ToImmutable(),
                Timeline = sorted.Select(t => t.Change).ToImmutableArray(),
            };
            var changesCalendar = variant.Overrides.Concat(overrideAssignments).Any(a => a.Path is ScenarioFileParser.StartDatePath or ScenarioFileParser.HorizonDaysPath);
            if (!calendarIssue) CheckTimelineDates(parameters, sorted, changesCalendar ? variant.Name : null, reported);
            variants.Add(new ScenarioVariant(variant.Name, variant.Description, parameters)
            {
                Combines = variant.Combines.Select(c => c.Name).ToImmutableArray(),
            });
        }
        CheckCombinations(ordered, variants);

        return new Scenario
        {
            Name = root.Name ?? ScenarioFileParser.NameFromFile(path),
            Description = root.Description ?? "",
            SourcePath = path,
            Sha256 = Hash(chain, overrideTexts),
            Overrides = overrideTexts,
            // The chain runs from this file up to the root it extends; the root's text comes first.
            SourceTexts = chain.Select(m => Encoding.UTF8.GetString(m.Bytes)).Reverse().ToImmutableArray(),
            Variants = variants.MoveToImmutable(),
            DefaultReplications = replications,
            DefaultSeed = seed,
        };
    }

    /// <summary>
    /// A combined variant must name other, plain variants of this file, and must hold every change each
    /// part makes to the baseline; otherwise its "interaction" would measure something else.
    /// </summary>
    private void CheckCombinations(List<VariantModel> ordered, IReadOnlyList<ScenarioVariant> variants)
    {
        var baseline = variants[0];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++) byName.TryAdd(ordered[i].Name, i);
        for (var v = 0; v < ordered.Count; v++)
        {
            var model = ordered[v];
            if (model.Combines.Count == 0) continue;
            if (v == 0)
            {
                Add(model.CombinesLocation, "the baseline is what every variant is compared with; it cannot be a combination");
                continue;
            }
            var parts = new List<int>();
            foreach (var (name, at) in model.Combines)
            {
                if (name == model.Name) { Add(at, "a variant cannot combine itself"); continue; }
                if (!byName.TryGetValue(name, out var index))
                {
                    var suggestion = EditDistance.Closest(name, byName.Keys.ToArray());
                    Add(at, $"names '{name}', which is not a variant of this file" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?") +
                        $" (variants: {string.Join(", ", byName.Keys)})");
                    continue;
                }
                if (index == 0) { Add(at, "names the baseline, which every variant is already compared with; list only policy variants"); continue; }
                if (ordered[index].Combines.Count > 0) { Add(at, $"names '{name}', which is itself a combination; list its parts instead"); continue; }
                parts.Add(index);
            }
            if (parts.Count < 2 || parts.Count != model.Combines.Count) continue;
            CheckHoldsParts(model, variants[v], parts.Select(p => variants[p]).ToList(), baseline);
        }
    }

    private void CheckHoldsParts(VariantModel model, ScenarioVariant combined, List<ScenarioVariant> parts, ScenarioVariant baseline)
    {
        var problems = new List<string>();
        var setBy = new Dictionary<string, ScenarioVariant>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (path, value) in part.Parameters.Values.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (value.Equals(baseline.Parameters.Values[path])) continue;
                catalog.TryGetSpec(path, out var spec);
                if (setBy.TryGetValue(path, out var other) && !other.Parameters.Values[path].Equals(value))
                {
                    problems.Add($"'{other.Name}' and '{part.Name}' set {path} differently ({other.Parameters.Values[path].Format(spec.Kind)} and {value.Format(spec.Kind)}), so they cannot be combined");
                    continue;
                }
                setBy.TryAdd(path, part);
                if (!combined.Parameters.Values[path].Equals(value))
                    problems.Add($"'{part.Name}' sets {path}: {value.Format(spec.Kind)} but this variant has {combined.Parameters.Values[path].Format(spec.Kind)}");
            }
            var remaining = combined.Parameters.Timeline.ToList();
            var inBaseline = baseline.Parameters.Timeline.ToList();
            foreach (var change in part.Parameters.Timeline)
            {
                if (inBaseline.Remove(change)) { remaining.Remove(change); continue; }
                if (!remaining.Remove(change))
                {
                    catalog.TryGetSpec(change.Path, out var spec);
                    problems.Add($"'{part.Name}' changes {change.Path} to {change.Value.Format(spec.Kind)} on {Iso(change.Date)} but this variant's timeline does not");
                }
            }
        }
        if (problems.Count == 0) return;
        var shown = problems.Take(5).ToList();
        if (problems.Count > shown.Count) shown.Add($"and {problems.Count - shown.Count} more");
        Add(model.CombinesLocation, "a combination must hold every change of its parts: " + string.Join("; ", shown) +
            ". Set the same values in this variant (or drop 'combines')");
    }

    private static void AddTimeline(List<(TimelineChange, SourceLocation)> into, IReadOnlyList<TimelineEntry> entries)
    {
        foreach (var entry in entries)
            foreach (var a in entry.Set)
                into.Add((new TimelineChange(entry.Date, a.Path, a.Value), entry.DateLocation));
    }

    private void CheckTimelineDates(ParameterSet parameters, List<(TimelineChange Change, SourceLocation At)> timeline, string? variant,
        HashSet<(string, int, int)> reported)
    {
        if (!parameters.Values.ContainsKey(ScenarioFileParser.StartDatePath) || !parameters.Values.ContainsKey(ScenarioFileParser.HorizonDaysPath)) return;
        var start = parameters.Date(ScenarioFileParser.StartDatePath);
        // Day numbers, not DateOnly.AddDays, so a period reaching past year 9999 cannot throw.
        var endDay = Math.Min(start.DayNumber + Math.Max(1, parameters.Number(ScenarioFileParser.HorizonDaysPath)), (double)DateOnly.MaxValue.DayNumber + 1);
        var last = DateOnly.FromDayNumber((int)endDay - 1);
        foreach (var (change, at) in timeline)
        {
            if (change.Date >= start && change.Date.DayNumber < endDay) continue;
            if (!reported.Add((at.File, at.Line, at.Column))) continue;
            var inVariant = variant is null ? "" : $" of variant '{variant}'";
            Add(at, $"is outside the simulated period{inVariant}, {Iso(start)} to {Iso(last)} ({ScenarioFileParser.StartDatePath} plus {ScenarioFileParser.HorizonDaysPath}); the change would never happen");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// SHA-256 over the bytes of the file, then of the file it extends, and so on up the chain; then,
    /// only when there are command-line overrides (so hashes without them are unchanged), a
    /// "--set" line and one "key.path=value" line per override, so a run cannot be resumed or merged
    /// with other overrides.
    /// </summary>
    private static string Hash(List<ScenarioFileModel> chain, ImmutableArray<string> overrides)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var model in chain) hash.AppendData(model.Bytes);
        if (!overrides.IsEmpty)
        {
            hash.AppendData(Encoding.UTF8.GetBytes("\n" + Origin + "\n" + string.Concat(overrides.Select(o => o + "\n"))));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void Add(SourceLocation at, string rule) =>
        _issues.Add(new ScenarioIssue(at.File, at.KeyPath, at.Line, at.Column, at.Value, rule));
}
