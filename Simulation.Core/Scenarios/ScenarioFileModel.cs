using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>Where a value was written, for issues found after parsing (timeline dates out of range).</summary>
internal readonly record struct SourceLocation(string File, string KeyPath, int Line, int Column, string Value);

/// <summary>One parameter set to a valid value by a file.</summary>
internal sealed record Assignment(string Path, ParameterValue Value, SourceLocation Location);

/// <summary>One entry of a timeline: from <see cref="Date"/> on, the assignments hold.</summary>
internal sealed record TimelineEntry(DateOnly Date, IReadOnlyList<Assignment> Set, SourceLocation DateLocation);

/// <summary>A variant body as written: overrides and extra timeline entries.</summary>
internal sealed record VariantModel(string Name, string Description, IReadOnlyList<Assignment> Overrides, IReadOnlyList<TimelineEntry> Timeline)
{
    /// <summary>Names listed under <c>combines</c>, each with where it was written; empty for a plain variant.</summary>
    public IReadOnlyList<(string Name, SourceLocation At)> Combines { get; init; } = [];
    /// <summary>Where the <c>combines</c> key was written.</summary>
    public SourceLocation CombinesLocation { get; init; }
}

/// <summary>
/// One scenario file after checking every key and value on its own (the loose "document" stage):
/// only valid values are kept, and every problem is in the issue list.
/// </summary>
internal sealed class ScenarioFileModel
{
    public required string File { get; init; }
    public required string FullPath { get; init; }
    public required byte[] Bytes { get; init; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Extends { get; set; }
    public SourceLocation ExtendsLocation { get; set; }
    public int? Replications { get; set; }
    public ulong? Seed { get; set; }
    public List<Assignment> Base { get; } = [];
    public List<TimelineEntry> Timeline { get; } = [];
    /// <summary>Null when the file has no <c>variants</c> key.</summary>
    public List<VariantModel>? Variants { get; set; }
}
