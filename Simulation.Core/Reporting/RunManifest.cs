using System.Collections.Immutable;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Core.Reporting;

/// <summary>Provenance of one run, merge or shard, written as manifest.json.</summary>
public sealed record RunManifest
{
    /// <summary>"run", "compare" or "merge".</summary>
    public required string Command { get; init; }
    /// <summary>The command line as typed (arguments joined by spaces).</summary>
    public required string CommandLine { get; init; }
    /// <summary>Identity of the experiment (version, seed, scenario hash, variants, plan).</summary>
    public required ExperimentIdentity Identity { get; init; }
    /// <summary>Scenario file paths as given.</summary>
    public required ImmutableArray<string> ScenarioPaths { get; init; }
    /// <summary>The fully resolved scenario(s) as YAML.</summary>
    public required string ResolvedScenario { get; init; }
    /// <summary>Worker threads (0 for a merge).</summary>
    public required int Threads { get; init; }
    /// <summary>Shard this directory holds ("1/1" for a whole run).</summary>
    public required ShardSpec Shard { get; init; }
    /// <summary>Replications in this directory's outputs (for a shard: its completed replications).</summary>
    public required long Replications { get; init; }
    /// <summary>Rule that ended the run.</summary>
    public required string StoppingRule { get; init; }
    /// <summary>"complete" or "partial".</summary>
    public required string Status { get; init; }
    /// <summary>Start time (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>End time (UTC).</summary>
    public required DateTimeOffset EndedUtc { get; init; }
    /// <summary>Name of the scenario.</summary>
    public string ScenarioName { get; init; } = "";
    /// <summary>The question the scenario answers.</summary>
    public string ScenarioDescription { get; init; } = "";
    /// <summary>Variant names and descriptions, in variant order.</summary>
    public ImmutableArray<KeyValuePair<string, string>> VariantDescriptions { get; init; } = ImmutableArray<KeyValuePair<string, string>>.Empty;
    /// <summary>The scenario files as written (comments and sources included), extended files first.</summary>
    public ImmutableArray<string> ScenarioSourceTexts { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Variants equal to the reference and combined policies, so a merge of shards reports them like a single run.</summary>
    public VariantRelations Relations { get; init; } = VariantRelations.None;
    /// <summary>Command-line overrides (--set key.path=value), applied to every variant after the files.</summary>
    public ImmutableArray<string> Overrides { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>The plausible-set runs (run --ensemble), or null: recorded as "ensemble" with file, hash, set count and the lever rule.</summary>
    public EnsembleResults? Ensemble { get; init; }
    /// <summary>Shard directories a merge read.</summary>
    public ImmutableArray<string> Sources { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Files written next to the manifest.</summary>
    public ImmutableArray<string> Outputs { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Writes manifest.json atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, Write);

    /// <summary>Writes the manifest as JSON with a fixed property order.</summary>
    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, ResultsWriter.JsonOptions);
        json.WriteStartObject();
        WriteHeader(json, Identity.Version, Status, Command, CommandLine);
        json.WriteString("scenario_name", ScenarioName);
        json.WriteString("scenario_description", ScenarioDescription);
        json.WriteStartObject("variant_descriptions");
        foreach (var (name, description) in VariantDescriptions) json.WriteString(name, description);
        json.WriteEndObject();
        json.WriteStartObject("scenario");
        json.WriteStartArray("paths");
        foreach (string path in ScenarioPaths) json.WriteStringValue(path);
        json.WriteEndArray();
        json.WriteString("sha256", Identity.ScenarioSha256);
        json.WriteString("resolved_yaml", ResolvedScenario);
        json.WriteStartArray("source_yaml");
        foreach (string text in ScenarioSourceTexts) json.WriteStringValue(text);
        json.WriteEndArray();
        json.WriteStartArray("set");
        foreach (string assignment in Overrides) json.WriteStringValue(assignment);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("seed", Identity.MasterSeed);
        json.WriteBoolean("common_random_numbers", true);
        json.WriteStartArray("variants");
        foreach (string name in Identity.VariantNames) json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteNumber("replications", Replications);
        json.WriteNumber("replications_requested", Identity.Replications);
        json.WriteNumber("max_replications", Identity.MaxReplications);
        if (Identity.Precision is null)
        {
            json.WriteNull("precision");
            json.WriteNull("precision_metric");
        }
        else
        {
            ResultsWriter.WriteNumber(json, "precision", Identity.Precision.RelativeHalfWidth);
            json.WriteString("precision_metric", MetricNames.Of(Identity.Precision.Metric));
        }
        json.WriteString("stopping_rule", StoppingRule);
        json.WriteNumber("daily_replication_cap", Identity.DailyReplicationCap);
        json.WriteNumber("threads", Threads);
        json.WriteString("shard", Shard.ToString());
        json.WriteString("started_utc", InvariantFormat.Timestamp(StartedUtc));
        json.WriteString("ended_utc", InvariantFormat.Timestamp(EndedUtc));
        WriteRelations(json);
        if (Ensemble is not null) WriteEnsemble(json, Ensemble);
        json.WriteStartArray("sources");
        foreach (string source in Sources) json.WriteStringValue(source);
        json.WriteEndArray();
        json.WriteStartArray("outputs");
        foreach (string output in Outputs) json.WriteStringValue(output);
        json.WriteEndArray();
        WriteIdentity(json, Identity);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>"ensemble": where the parameter sets came from, how many, which keys, and which keys each variant keeps as its lever.</summary>
    private static void WriteEnsemble(Utf8JsonWriter json, EnsembleResults ensemble)
    {
        json.WriteStartObject("ensemble");
        json.WriteString("path", ensemble.Plan.FilePath);
        json.WriteString("sha256", ensemble.Plan.Sha256);
        json.WriteNumber("n_sets", ensemble.SetIds.Length);
        json.WriteNumber("replications_per_set", ensemble.Replications);
        json.WriteStartArray("keys");
        foreach (string key in ensemble.Plan.Keys) json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteString("rule", EnsemblePlan.LeverRule);
        json.WriteStartObject("kept_at_variant_value");
        for (int v = 1; v < ensemble.VariantNames.Length; v++)
        {
            json.WriteStartArray(ensemble.VariantNames[v]);
            foreach (string key in ensemble.KeptLevers[v]) json.WriteStringValue(key);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>"variant_relations", only when there is one: the names of variants equal to the reference and the combinations.</summary>
    private void WriteRelations(Utf8JsonWriter json)
    {
        var names = Identity.VariantNames;
        var identical = Enumerable.Range(0, names.Length).Where(Relations.IsIdentical).ToList();
        if (identical.Count == 0 && Relations.Combinations.IsEmpty) return;
        json.WriteStartObject("variant_relations");
        json.WriteStartArray("identical_to_reference");
        foreach (int v in identical) json.WriteStringValue(names[v]);
        json.WriteEndArray();
        json.WriteStartArray("combinations");
        foreach (VariantCombination c in Relations.Combinations)
        {
            json.WriteStartObject();
            json.WriteString("variant", names[c.Combined]);
            json.WriteStartArray("parts");
            foreach (int p in c.Parts) json.WriteStringValue(names[p]);
            json.WriteEndArray();
            json.WriteString("baseline", names[c.Base]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads "variant_relations" back (merge), by variant name; none when absent or naming an unknown variant.</summary>
    public static VariantRelations ReadRelations(string path, ImmutableArray<string> variantNames)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("variant_relations", out JsonElement relations)) return VariantRelations.None;
        int Index(JsonElement name) => variantNames.IndexOf(name.GetString() ?? "");
        var identical = new bool[variantNames.Length];
        foreach (JsonElement name in relations.GetProperty("identical_to_reference").EnumerateArray())
        {
            int v = Index(name);
            if (v < 0) return VariantRelations.None;
            identical[v] = true;
        }
        var combinations = ImmutableArray.CreateBuilder<VariantCombination>();
        foreach (JsonElement c in relations.GetProperty("combinations").EnumerateArray())
        {
            var parts = c.GetProperty("parts").EnumerateArray().Select(Index).ToImmutableArray();
            int combined = Index(c.GetProperty("variant")), baseIndex = Index(c.GetProperty("baseline"));
            if (combined < 0 || baseIndex < 0 || parts.Contains(-1)) return VariantRelations.None;
            combinations.Add(new VariantCombination(combined, parts, baseIndex));
        }
        return new VariantRelations { IdenticalToReference = identical.ToImmutableArray(), Combinations = combinations.ToImmutable() };
    }

    /// <summary>
    /// The experiment's identity as the checkpoint header records it, so a complete run (whose
    /// checkpoint is removed) can still tell a --resume with the same settings from one without.
    /// </summary>
    internal static void WriteIdentity(Utf8JsonWriter json, ExperimentIdentity identity)
    {
        json.WriteStartObject("experiment_identity");
        foreach (var (key, value) in identity.ToFields()) json.WriteString(key, value);
        json.WriteEndObject();
    }

    /// <summary>The identity recorded by <see cref="WriteIdentity"/>, or null when the manifest has none.</summary>
    public static ExperimentIdentity? ReadIdentity(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!document.RootElement.TryGetProperty("experiment_identity", out JsonElement element) || element.ValueKind != JsonValueKind.Object) return null;
        var fields = element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return ExperimentIdentity.FromFields(fields, out _);
    }

    /// <summary>Status and replication count of a manifest.</summary>
    public static (string Status, long Replications) ReadStatus(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        return (root.GetProperty("status").GetString() ?? "", root.TryGetProperty("replications", out JsonElement r) && r.ValueKind == JsonValueKind.Number ? r.GetInt64() : 0);
    }

    /// <summary>The properties every manifest (run, compare, merge, sweep) starts with, in this order.</summary>
    internal static void WriteHeader(Utf8JsonWriter json, string version, string status, string command, string commandLine)
    {
        json.WriteString("channelsim_version", version);
        string? commit = ChannelSimVersion.GitCommit;
        if (commit is null) json.WriteNull("git_commit");
        else json.WriteString("git_commit", commit);
        json.WriteString("status", status);
        json.WriteString("command", command);
        json.WriteString("command_line", commandLine);
    }

    /// <summary>Reads the scenario paths, resolved scenario and status back from a manifest (merge uses them).</summary>
    public static (ImmutableArray<string> Paths, string ResolvedYaml, string Status) ReadBasics(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = document.RootElement;
        JsonElement scenario = root.GetProperty("scenario");
        ImmutableArray<string> paths = scenario.GetProperty("paths").EnumerateArray().Select(p => p.GetString() ?? "").ToImmutableArray();
        return (paths, scenario.GetProperty("resolved_yaml").GetString() ?? "", root.GetProperty("status").GetString() ?? "");
    }
}
