using System.Globalization;
using System.Text.Json;

namespace Simulation.Cli.Reporting;

/// <summary>
/// Reads a results directory written by the runner. Tolerant of extra fields and columns; numbers are parsed
/// with the invariant culture whatever the machine's locale. Only summary.json is required.
/// </summary>
public static class ResultsReader
{
    /// <summary>File names inside a results directory.</summary>
    public const string SummaryFile = "summary.json", ManifestFile = "manifest.json", DailyFile = "daily.csv",
        ReplicationsFile = "replications.csv", SweepFile = "sweep.csv";

    /// <summary>Reads every known file of the directory.</summary>
    /// <exception cref="ResultsFormatException">The directory or summary.json is missing, or a file is malformed.</exception>
    public static ResultsDirectory Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ResultsFormatException($"Results directory '{directory}' does not exist.");
        }
        string summaryPath = Path.Combine(directory, SummaryFile);
        if (!File.Exists(summaryPath))
        {
            throw new ResultsFormatException(
                $"Results directory '{directory}' has no {SummaryFile} (nor {SweepFile}); is it the output directory of 'channelsim run', 'compare' or 'sweep'?");
        }
        string manifestPath = Path.Combine(directory, ManifestFile);
        string dailyPath = Path.Combine(directory, DailyFile);
        string replicationsPath = Path.Combine(directory, ReplicationsFile);
        string sweepPath = Path.Combine(directory, SweepFile);
        return new ResultsDirectory
        {
            Path = directory,
            Summary = ReadSummary(summaryPath),
            Manifest = File.Exists(manifestPath) ? ReadManifest(manifestPath) : null,
            Daily = File.Exists(dailyPath) ? ReadDaily(dailyPath) : [],
            Replications = File.Exists(replicationsPath) ? ReadReplications(replicationsPath) : null,
            Sweep = File.Exists(sweepPath) ? ReadSweep(sweepPath) : [],
        };
    }

    /// <summary>Reads summary.json.</summary>
    public static ResultsSummary ReadSummary(string path)
    {
        using var doc = ParseJson(path);
        var root = doc.RootElement;
        string file = Path.GetFileName(path);
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ResultsFormatException($"{file}: the top level must be a JSON object.");
        }
        if (!root.TryGetProperty("variants", out var variantsEl) || variantsEl.ValueKind != JsonValueKind.Object)
        {
            throw new ResultsFormatException($"{file}: key 'variants' is missing or not an object.");
        }
        var variants = new List<VariantSummary>();
        var identical = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in variantsEl.EnumerateObject())
        {
            var order = new List<string>();
            var metrics = new Dictionary<string, MetricSummary>(StringComparer.Ordinal);
            if (v.Value.ValueKind == JsonValueKind.Object && v.Value.TryGetProperty("metrics", out var metricsEl)
                && metricsEl.ValueKind == JsonValueKind.Object)
            {
                foreach (var m in metricsEl.EnumerateObject())
                {
                    string at = $"{file}: variants.{v.Name}.metrics.{m.Name}";
                    order.Add(m.Name);
                    metrics[m.Name] = new MetricSummary(
                        Number(m.Value, "mean", at), Number(m.Value, "sd", at), Number(m.Value, "ci95_low", at),
                        Number(m.Value, "ci95_high", at), Number(m.Value, "p05", at), Number(m.Value, "p50", at),
                        Number(m.Value, "p95", at), (int)Math.Round(NumberOr(m.Value, "n", at, 0)));
                }
            }
            else
            {
                throw new ResultsFormatException($"{file}: variants.{v.Name}: key 'metrics' is missing or not an object.");
            }
            variants.Add(new VariantSummary(v.Name, order, metrics, Text(v.Value, "description")));
            if (v.Value.TryGetProperty("identical_to_reference", out var same) && same.ValueKind == JsonValueKind.True) identical.Add(v.Name);
        }
        if (variants.Count == 0)
        {
            throw new ResultsFormatException($"{file}: 'variants' is empty; at least the baseline is needed.");
        }
        var comparisons = new Dictionary<string, IReadOnlyDictionary<string, PairedComparison>>(StringComparer.Ordinal);
        if (root.TryGetProperty("comparisons", out var compEl) && compEl.ValueKind == JsonValueKind.Object)
        {
            foreach (var v in compEl.EnumerateObject())
            {
                var byMetric = new Dictionary<string, PairedComparison>(StringComparer.Ordinal);
                if (v.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var m in v.Value.EnumerateObject())
                {
                    string at = $"{file}: comparisons.{v.Name}.{m.Name}";
                    byMetric[m.Name] = new PairedComparison(
                        Number(m.Value, "mean_diff", at), Number(m.Value, "ci95_low", at), Number(m.Value, "ci95_high", at),
                        Number(m.Value, "p_lower", at), Number(m.Value, "variance_reduction", at))
                    {
                        Ensemble = m.Value.TryGetProperty("ensemble", out var e) && e.ValueKind == JsonValueKind.Object
                            ? new EnsembleSpread(Number(e, "median", at), Number(e, "p05", at), Number(e, "p95", at),
                                Number(e, "share_below_zero", at), Number(e, "share_above_zero", at))
                            : null,
                    };
                }
                comparisons[v.Name] = byMetric;
            }
        }
        var interactions = new List<InteractionResult>();
        if (root.TryGetProperty("interactions", out var interEl) && interEl.ValueKind == JsonValueKind.Object)
        {
            foreach (var v in interEl.EnumerateObject())
            {
                if (v.Value.ValueKind != JsonValueKind.Object) continue;
                var parts = v.Value.TryGetProperty("parts", out var ps) && ps.ValueKind == JsonValueKind.Array
                    ? ps.EnumerateArray().Select(AsText).ToList() : [];
                var byMetric = new Dictionary<string, InteractionEstimate>(StringComparer.Ordinal);
                if (v.Value.TryGetProperty("metrics", out var ms) && ms.ValueKind == JsonValueKind.Object)
                {
                    foreach (var m in ms.EnumerateObject())
                    {
                        string at = $"{file}: interactions.{v.Name}.metrics.{m.Name}";
                        byMetric[m.Name] = new InteractionEstimate(Number(m.Value, "combined_effect", at), Number(m.Value, "sum_of_part_effects", at),
                            Number(m.Value, "interaction", at), Number(m.Value, "ci95_low", at), Number(m.Value, "ci95_high", at),
                            (int)Math.Round(NumberOr(m.Value, "n", at, 0)));
                    }
                }
                interactions.Add(new InteractionResult(v.Name, parts, Text(v.Value, "baseline"), byMetric));
            }
        }
        return new ResultsSummary
        {
            IdenticalToReference = identical,
            Interactions = interactions,
            Version = Text(root, "channelsim_version"),
            Seed = Text(root, "seed"),
            ScenarioSha256 = Text(root, "scenario_sha256"),
            Replications = (int)Math.Round(NumberOr(root, "replications", file, 0)),
            StoppingRule = Text(root, "stopping_rule"),
            EnsembleSets = root.TryGetProperty("ensemble", out var ensemble) && ensemble.ValueKind == JsonValueKind.Object
                ? (int)Math.Round(NumberOr(ensemble, "n_sets", file, 0)) : 0,
            EnsembleReplicationsPerSet = root.TryGetProperty("ensemble", out var perSet) && perSet.ValueKind == JsonValueKind.Object
                ? (int)Math.Round(NumberOr(perSet, "replications_per_set", file, 0)) : 0,
            Variants = variants,
            Comparisons = comparisons,
        };
    }

    /// <summary>Reads manifest.json.</summary>
    public static ResultsManifest ReadManifest(string path)
    {
        using var doc = ParseJson(path);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ResultsFormatException($"{Path.GetFileName(path)}: the top level must be a JSON object.");
        }
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        // Accept the shapes a runner may reasonably write: a name->text map, a name->object map or a list of objects.
        if (root.TryGetProperty("variant_descriptions", out var vd) && vd.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in vd.EnumerateObject())
            {
                descriptions[p.Name] = AsText(p.Value);
            }
        }
        if (root.TryGetProperty("variants", out var vs))
        {
            if (vs.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in vs.EnumerateObject())
                {
                    string d = p.Value.ValueKind == JsonValueKind.Object ? Text(p.Value, "description") : AsText(p.Value);
                    if (d.Length > 0) { descriptions.TryAdd(p.Name, d); }
                }
            }
            else if (vs.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in vs.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) { continue; }
                    string n = Text(item, "name"), d = Text(item, "description");
                    if (n.Length > 0 && d.Length > 0) { descriptions.TryAdd(n, d); }
                }
            }
        }
        string commandLine = root.TryGetProperty("command_line", out var cl) && cl.ValueKind == JsonValueKind.Array
            ? string.Join(" ", cl.EnumerateArray().Select(AsText))
            : Text(root, "command_line");
        // The runner nests the scenario's identity under "scenario" (paths, sha256, resolved_yaml,
        // source_yaml); flat names are read too so older or hand-made manifests still work.
        string scenarioPath = Text(root, "scenario_path"), scenarioSha = Text(root, "scenario_sha256");
        string resolved = Text(root, "resolved_scenario"), sourceYaml = "";
        if (root.TryGetProperty("scenario", out var sc))
        {
            if (sc.ValueKind == JsonValueKind.Object)
            {
                if (sc.TryGetProperty("paths", out var ps) && ps.ValueKind == JsonValueKind.Array)
                    scenarioPath = string.Join(", ", ps.EnumerateArray().Select(AsText));
                if (scenarioSha.Length == 0) scenarioSha = Text(sc, "sha256");
                if (resolved.Length == 0) resolved = Text(sc, "resolved_yaml");
                if (sc.TryGetProperty("source_yaml", out var src) && src.ValueKind == JsonValueKind.Array)
                    sourceYaml = string.Join("\n", src.EnumerateArray().Select(AsText));
            }
            else if (scenarioPath.Length == 0)
            {
                scenarioPath = AsText(sc);
            }
        }
        return new ResultsManifest
        {
            Version = FirstText(root, "channelsim_version", "version"),
            Commit = FirstText(root, "git_commit", "commit"),
            ScenarioPath = scenarioPath,
            ScenarioSha256 = scenarioSha,
            ScenarioName = Text(root, "scenario_name"),
            ScenarioDescription = Text(root, "scenario_description"),
            ResolvedScenario = resolved,
            SourceYaml = sourceYaml,
            Seed = Text(root, "seed"),
            Replications = Text(root, "replications"),
            Threads = Text(root, "threads"),
            CommandLine = commandLine,
            StartedUtc = Text(root, "started_utc"),
            EndedUtc = Text(root, "ended_utc"),
            Status = Text(root, "status"),
            VariantDescriptions = descriptions,
            ParameterSets = (int)Math.Round(NumberOr(root, "parameter_sets", Path.GetFileName(path), 0)),
            Command = Text(root, "command"),
        };
    }

    /// <summary>Reads daily.csv.</summary>
    public static IReadOnlyList<DailyQuantiles> ReadDaily(string path)
    {
        var t = CsvTable.Read(path);
        int cVariant = t.Column("variant"), cSeries = t.Column("series"), cDay = t.Column("day"),
            cDate = t.Column("date", required: false), cMedian = t.Column("median"), c05 = t.Column("p05"),
            c25 = t.Column("p25"), c75 = t.Column("p75"), c95 = t.Column("p95");
        var rows = new List<DailyQuantiles>(t.Rows.Count);
        foreach (var (line, f) in t.Rows)
        {
            string at = $"{t.FileName}: line {line}";
            if (!int.TryParse(f[cDay], NumberStyles.Integer, CultureInfo.InvariantCulture, out int day))
            {
                throw new ResultsFormatException($"{at}: column 'day' value '{f[cDay]}' is not a whole number.");
            }
            DateOnly? date = null;
            if (cDate >= 0 && f[cDate].Length > 0)
            {
                if (!DateOnly.TryParseExact(f[cDate], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    throw new ResultsFormatException($"{at}: column 'date' value '{f[cDate]}' is not a yyyy-MM-dd date.");
                }
                date = d;
            }
            rows.Add(new DailyQuantiles(f[cVariant], f[cSeries], day, date,
                Cell(f[cMedian], at, "median"), Cell(f[c05], at, "p05"), Cell(f[c25], at, "p25"),
                Cell(f[c75], at, "p75"), Cell(f[c95], at, "p95")));
        }
        return rows;
    }

    /// <summary>Reads replications.csv.</summary>
    public static ReplicationTable ReadReplications(string path)
    {
        var t = CsvTable.Read(path);
        int cVariant = t.Column("variant");
        var metricColumns = new List<(int Index, string Name)>();
        for (int i = 0; i < t.Header.Count; i++)
        {
            string h = t.Header[i];
            if (h is not ("variant" or "replication" or "seed"))
            {
                metricColumns.Add((i, h));
            }
        }
        var table = new ReplicationTable(metricColumns.Select(c => c.Name).ToList());
        foreach (var (line, f) in t.Rows)
        {
            string at = $"{t.FileName}: line {line}";
            foreach (var (index, name) in metricColumns)
            {
                table.Add(f[cVariant], name, Cell(f[index], at, name));
            }
        }
        return table;
    }

    /// <summary>Reads sweep.csv (format in <see cref="SweepRow"/>).</summary>
    public static IReadOnlyList<SweepRow> ReadSweep(string path)
    {
        var t = CsvTable.Read(path);
        int cP = t.Column("parameter"), cLv = t.Column("low_value"), cHv = t.Column("high_value"), cM = t.Column("metric"),
            cLm = t.Column("low_mean"), cHm = t.Column("high_mean"), cBm = t.Column("baseline_mean"),
            cLl = t.Column("low_diff_ci95_low", required: false), cLh = t.Column("low_diff_ci95_high", required: false),
            cHl = t.Column("high_diff_ci95_low", required: false), cHh = t.Column("high_diff_ci95_high", required: false);
        var rows = new List<SweepRow>(t.Rows.Count);
        foreach (var (line, f) in t.Rows)
        {
            string at = $"{t.FileName}: line {line}";
            double Optional(int c, string name) => c < 0 ? double.NaN : Cell(f[c], at, name);
            rows.Add(new SweepRow(f[cP], f[cLv], f[cHv], f[cM],
                Cell(f[cLm], at, "low_mean"), Cell(f[cHm], at, "high_mean"), Cell(f[cBm], at, "baseline_mean"))
            {
                LowDiffCi = (Optional(cLl, "low_diff_ci95_low"), Optional(cLh, "low_diff_ci95_high")),
                HighDiffCi = (Optional(cHl, "high_diff_ci95_low"), Optional(cHh, "high_diff_ci95_high")),
            });
        }
        return rows;
    }

    private static JsonDocument ParseJson(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path),
                new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ResultsFormatException(
                $"{Path.GetFileName(path)}: line {(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message})", e);
        }
    }

    private static double Cell(string text, string at, string column)
    {
        string s = text.Trim();
        if (s.Length == 0 || s.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return v;
        }
        throw new ResultsFormatException($"{at}: column '{column}' value '{text}' is not a number (use '.' as decimal point).");
    }

    private static double Number(JsonElement obj, string key, string at) => NumberOr(obj, key, at, double.NaN);

    private static double NumberOr(JsonElement obj, string key, string at, double missing)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(key, out var el))
        {
            return missing;
        }
        switch (el.ValueKind)
        {
            case JsonValueKind.Number:
                return el.GetDouble();
            case JsonValueKind.Null:
                return double.NaN;
            case JsonValueKind.String:
                // Runners that cannot write NaN or infinities as JSON numbers write them as strings.
                if (double.TryParse(el.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                {
                    return v;
                }
                break;
        }
        throw new ResultsFormatException($"{at}.{key}: value {el.GetRawText()} is not a number.");
    }

    private static string Text(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var el) ? AsText(el) : "";

    private static string FirstText(JsonElement obj, params string[] keys)
    {
        foreach (var k in keys)
        {
            string s = Text(obj, k);
            if (s.Length > 0) { return s; }
        }
        return "";
    }

    private static string AsText(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.String => el.GetString() ?? "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => el.GetRawText(),
        _ => "",
    };
}
