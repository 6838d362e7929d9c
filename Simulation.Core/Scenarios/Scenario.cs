using System.Collections.Immutable;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>One named variant of a scenario: a fully resolved, validated parameter set.</summary>
public sealed record ScenarioVariant(string Name, string Description, ParameterSet Parameters)
{
    /// <summary>
    /// For a combined policy (<c>combines: [a, b]</c>), the names of the variants it combines; the loader
    /// has checked that they exist and that this variant holds each one's changes. Empty otherwise.
    /// </summary>
    public ImmutableArray<string> Combines { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>
/// A validated scenario: what the loader returns when a file has no problems. Nothing here is
/// null or out of range. The first variant is the baseline that comparisons are made against.
/// </summary>
public sealed record Scenario
{
    /// <summary>Scenario name (from the file, or the file name).</summary>
    public required string Name { get; init; }
    /// <summary>The policy question the scenario answers.</summary>
    public required string Description { get; init; }
    /// <summary>Path the scenario was loaded from, as given.</summary>
    public required string SourcePath { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file bytes (and of every file it extends, in order).</summary>
    public required string Sha256 { get; init; }
    /// <summary>Variants, baseline first; a file without variants has one named "baseline".</summary>
    public required ImmutableArray<ScenarioVariant> Variants { get; init; }
    /// <summary>Replications the file suggests when the command line does not say (experiment.replications).</summary>
    public int DefaultReplications { get; init; } = 100;
    /// <summary>Master seed the file suggests when the command line does not say (experiment.seed).</summary>
    public ulong DefaultSeed { get; init; } = 20240101;
    /// <summary>The fully resolved scenario as YAML text (every key, defaults included) for manifests.</summary>
    public string ResolvedYaml { get; init; } = "";
    /// <summary>
    /// The text of the file and of every file it extends, as written (comments and '# source:' notes
    /// included), extended files first; manifests keep it so reports can cite the analysts' sources.
    /// </summary>
    public ImmutableArray<string> SourceTexts { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>
    /// Command-line overrides (<c>--set key.path=value</c>) applied to every variant after the files,
    /// as given; they are part of <see cref="Sha256"/>, so a resume with other overrides is refused.
    /// </summary>
    public ImmutableArray<string> Overrides { get; init; } = ImmutableArray<string>.Empty;
}
