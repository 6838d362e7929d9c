using System.Collections.Immutable;
using System.Text.Json;

namespace Simulation.Core.Reporting;

/// <summary>
/// Provenance of one traced replication, written next to the trace as <c>FILE.manifest.json</c>:
/// the trace CSV itself is plain data (header row first), so what identifies the replication
/// (version, seed, scenario hash, variant, replication and its seed) lives here.
/// </summary>
public sealed record TraceManifest
{
    /// <summary>Suffix appended to the trace file's name.</summary>
    public const string Suffix = ".manifest.json";

    /// <summary>The command line as typed.</summary>
    public required string CommandLine { get; init; }
    /// <summary>Scenario file as given.</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>SHA-256 of the scenario input (files and any --set).</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Command-line overrides (--set key.path=value), in the order given.</summary>
    public ImmutableArray<string> Overrides { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Master seed.</summary>
    public required ulong MasterSeed { get; init; }
    /// <summary>Traced variant.</summary>
    public required string Variant { get; init; }
    /// <summary>Replication index (0-based, as in replications.csv).</summary>
    public required long Replication { get; init; }
    /// <summary>Seed of that replication (the <c>seed</c> column of replications.csv).</summary>
    public required ulong ReplicationSeed { get; init; }
    /// <summary>First simulated day.</summary>
    public required DateOnly StartDate { get; init; }
    /// <summary>Rows written after the header.</summary>
    public required long Events { get; init; }
    /// <summary>Trace file name (relative to the manifest).</summary>
    public required string TraceFile { get; init; }

    /// <summary>Path of the manifest for a trace file.</summary>
    public static string PathFor(string traceFile) => traceFile + Suffix;

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, Write);

    /// <summary>Writes the manifest as JSON with a fixed property order.</summary>
    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, ResultsWriter.JsonOptions);
        json.WriteStartObject();
        RunManifest.WriteHeader(json, ChannelSimVersion.Current, "complete", "trace", CommandLine);
        json.WriteStartObject("scenario");
        json.WriteStartArray("paths");
        json.WriteStringValue(ScenarioPath);
        json.WriteEndArray();
        json.WriteString("sha256", ScenarioSha256);
        json.WriteStartArray("set");
        foreach (string assignment in Overrides) json.WriteStringValue(assignment);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("seed", MasterSeed);
        json.WriteString("variant", Variant);
        json.WriteNumber("replication", Replication);
        json.WriteNumber("replication_seed", ReplicationSeed);
        json.WriteString("start_date", InvariantFormat.Date(StartDate));
        json.WriteNumber("events", Events);
        json.WriteStartArray("outputs");
        json.WriteStringValue(TraceFile);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
