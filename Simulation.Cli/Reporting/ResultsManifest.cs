namespace Simulation.Cli.Reporting;

/// <summary>Content of manifest.json (provenance of a run). Every field is optional for the reader.</summary>
public sealed record ResultsManifest
{
    /// <summary>Version of channelsim.</summary>
    public string Version { get; init; } = "";
    /// <summary>The scenario files as written (with their '# source:' comments), extended files first.</summary>
    public string SourceYaml { get; init; } = "";
    /// <summary>Source commit of the build.</summary>
    public string Commit { get; init; } = "";
    /// <summary>Scenario file path as given on the command line.</summary>
    public string ScenarioPath { get; init; } = "";
    /// <summary>SHA-256 of the scenario file.</summary>
    public string ScenarioSha256 { get; init; } = "";
    /// <summary>Scenario name, if the runner wrote it.</summary>
    public string ScenarioName { get; init; } = "";
    /// <summary>The question the scenario answers, if the runner wrote it.</summary>
    public string ScenarioDescription { get; init; } = "";
    /// <summary>Resolved scenario as YAML text.</summary>
    public string ResolvedScenario { get; init; } = "";
    /// <summary>Master seed as written.</summary>
    public string Seed { get; init; } = "";
    /// <summary>Replications per variant.</summary>
    public string Replications { get; init; } = "";
    /// <summary>Worker threads.</summary>
    public string Threads { get; init; } = "";
    /// <summary>Command line of the run.</summary>
    public string CommandLine { get; init; } = "";
    /// <summary>Start time (UTC) as written.</summary>
    public string StartedUtc { get; init; } = "";
    /// <summary>End time (UTC) as written.</summary>
    public string EndedUtc { get; init; } = "";
    /// <summary>Run status (complete, partial, ...).</summary>
    public string Status { get; init; } = "";
    /// <summary>Parameter sets an ensemble ran (0 for an ordinary run: intervals cover simulation noise only).</summary>
    public int ParameterSets { get; init; }
    /// <summary>The command that wrote the directory (run, compare, merge, sweep).</summary>
    public string Command { get; init; } = "";
    /// <summary>Per-variant descriptions, by variant name.</summary>
    public IReadOnlyDictionary<string, string> VariantDescriptions { get; init; } = new Dictionary<string, string>();
}
