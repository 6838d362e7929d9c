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
    /// <summary>The fully resolved scenario as YAML.</summary>
    public required string ResolvedScenario { get; init; }
    /// <summary>Start time (UTC).</summary>
    public required DateTimeOffset StartedUtc { get; init; }
    /// <summary>End time (UTC).</summary>
    public required DateTimeOffset EndedUtc { get; init; }
}
