namespace Simulation.Core.Reporting;

/// <summary>Provenance of a sweep for its manifest.</summary>
public sealed record SweepProvenance
{
    /// <summary>The command line as typed.</summary>
    public required string CommandLine { get; init; }
    /// <summary>Scenario file as given.</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>SHA-256 of the scenario input.</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Command-line overrides (--set key.path=value) applied before the sweep.</summary>
    public System.Collections.Immutable.ImmutableArray<string> Overrides { get; init; } = System.Collections.Immutable.ImmutableArray<string>.Empty;
    /// <summary>The fully resolved scenario as YAML.</summary>
    public required string ResolvedScenario { get; init; }
    /// <summary>Identity of the sweep's rows (as its checkpoint records it), so a --resume of a complete sweep can be checked.</summary>
    public Experiments.ExperimentIdentity? Identity { get; init; }
    /// <summary>Start time (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>End time (UTC).</summary>
    public required DateTimeOffset EndedUtc { get; init; }

    /// <summary>The manifest's "scenario" object: path, hash, resolved YAML and --set values, in a fixed order.</summary>
    public void WriteScenario(System.Text.Json.Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject("scenario");
        json.WriteStartArray("paths");
        json.WriteStringValue(ScenarioPath);
        json.WriteEndArray();
        json.WriteString("sha256", ScenarioSha256);
        json.WriteString("resolved_yaml", ResolvedScenario);
        json.WriteStartArray("set");
        foreach (string assignment in Overrides) json.WriteStringValue(assignment);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
