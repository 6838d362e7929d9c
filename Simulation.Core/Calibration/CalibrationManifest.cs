using System.Collections.Immutable;
using System.Text.Json;
using Simulation.Core.Reporting;

namespace Simulation.Core.Calibration;

/// <summary>
/// manifest.json of a calibration output or of one calibration shard: how it was produced (command
/// line, threads, times), what it depends on (file hash, seed, replications, version, identity) and
/// whether it is complete. <c>merge</c> recognises calibration shards by <see cref="Kind"/>.
/// </summary>
public sealed record CalibrationManifest
{
    /// <summary>Kind of a whole calibration's manifest.</summary>
    public const string WholeKind = "calibration";
    /// <summary>Kind of a shard's manifest.</summary>
    public const string ShardKind = "calibration-shard";
    /// <summary>File name.</summary>
    public const string FileName = "manifest.json";
    /// <summary>Rows of a shard: the earlier waves it started from and its own points.</summary>
    public const string ShardPointsFile = "shard_points.csv";

    /// <summary><see cref="WholeKind"/> or <see cref="ShardKind"/>.</summary>
    public required string Kind { get; init; }
    /// <summary>The command line.</summary>
    public required string CommandLine { get; init; }
    /// <summary>Calibration file as given.</summary>
    public required string CalibrationFile { get; init; }
    /// <summary>Hash of the file and its year scenarios.</summary>
    public required string CalibrationSha256 { get; init; }
    /// <summary>Hash of everything that determines the points' rows (see <see cref="CalibrationOutputs.Identity"/>).</summary>
    public required string Identity { get; init; }
    /// <summary>Master seed.</summary>
    public required ulong Seed { get; init; }
    /// <summary>Replications per point.</summary>
    public required int Replications { get; init; }
    /// <summary>Confirmation replications.</summary>
    public required int ConfirmationReplications { get; init; }
    /// <summary>Most waves (for a shard: its wave).</summary>
    public required int MaxWaves { get; init; }
    /// <summary>Worker threads (never changes a result).</summary>
    public required int Threads { get; init; }
    /// <summary>"complete" or "partial".</summary>
    public required string Status { get; init; }
    /// <summary>Stopping reason (whole calibrations).</summary>
    public string? StoppingReason { get; init; }
    /// <summary>The wave a shard ran (shards only).</summary>
    public int? Wave { get; init; }
    /// <summary>"k/n" (shards only).</summary>
    public string? Shard { get; init; }
    /// <summary>Directory the earlier waves came from (--from), as given.</summary>
    public string? From { get; init; }
    /// <summary>Files written, relative to the directory.</summary>
    public ImmutableArray<string> Outputs { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Start time.</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>End time.</summary>
    public required DateTimeOffset EndedUtc { get; init; }

    /// <summary>Writes the manifest atomically.</summary>
    public void Write(string path) => AtomicFile.Write(path, stream =>
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("kind", Kind);
        json.WriteString("version", ChannelSimVersion.Current);
        if (ChannelSimVersion.GitCommit is { } commit) json.WriteString("git_commit", commit);
        json.WriteString("command_line", CommandLine);
        json.WriteString("calibration_file", CalibrationFile);
        json.WriteString("calibration_sha256", CalibrationSha256);
        json.WriteString("identity", Identity);
        json.WriteString("seed", InvariantFormat.Unsigned(Seed));
        json.WriteNumber("replications", Replications);
        json.WriteNumber("confirmation_replications", ConfirmationReplications);
        json.WriteNumber("max_waves", MaxWaves);
        json.WriteNumber("threads", Threads);
        json.WriteString("status", Status);
        if (StoppingReason is not null) json.WriteString("stopping_reason", StoppingReason);
        if (Wave is { } wave) json.WriteNumber("wave", wave);
        if (Shard is not null) json.WriteString("shard", Shard);
        if (From is not null) json.WriteString("from", From);
        json.WriteStartArray("outputs");
        foreach (string output in Outputs) json.WriteStringValue(output);
        json.WriteEndArray();
        json.WriteString("started_utc", InvariantFormat.Timestamp(StartedUtc));
        json.WriteString("ended_utc", InvariantFormat.Timestamp(EndedUtc));
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    });

    /// <summary>The "kind" of a manifest file, or null when it has none or cannot be read.</summary>
    public static string? ReadKind(string path)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("kind", out JsonElement kind) && kind.ValueKind == JsonValueKind.String
                ? kind.GetString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Reads a calibration manifest; throws <see cref="InvalidDataException"/> naming the file and field when malformed.</summary>
    public static CalibrationManifest Read(string path)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = doc.RootElement;
            string Text(string name) => root.GetProperty(name).GetString() ?? throw new InvalidDataException($"{path}: '{name}' is null");
            string? Optional(string name) => root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            return new CalibrationManifest
            {
                Kind = Text("kind"),
                CommandLine = Text("command_line"),
                CalibrationFile = Text("calibration_file"),
                CalibrationSha256 = Text("calibration_sha256"),
                Identity = Text("identity"),
                Seed = ulong.Parse(Text("seed"), System.Globalization.CultureInfo.InvariantCulture),
                Replications = root.GetProperty("replications").GetInt32(),
                ConfirmationReplications = root.GetProperty("confirmation_replications").GetInt32(),
                MaxWaves = root.GetProperty("max_waves").GetInt32(),
                Threads = root.GetProperty("threads").GetInt32(),
                Status = Text("status"),
                StoppingReason = Optional("stopping_reason"),
                Wave = root.TryGetProperty("wave", out JsonElement wave) ? wave.GetInt32() : null,
                Shard = Optional("shard"),
                From = Optional("from"),
                Outputs = root.GetProperty("outputs").EnumerateArray().Select(e => e.GetString() ?? "").ToImmutableArray(),
                StartedUtc = DateTimeOffset.Parse(Text("started_utc"), System.Globalization.CultureInfo.InvariantCulture),
                EndedUtc = DateTimeOffset.Parse(Text("ended_utc"), System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{path}: not a readable calibration manifest ({e.Message})", e);
        }
    }
}
