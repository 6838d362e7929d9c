using System.Collections.Immutable;

namespace Simulation.Core.Domain.Parameters;

/// <summary>
/// Declares one model parameter: its dotted key path in scenario files (snake_case with the unit in
/// the name), kind, default, allowed range, unit and meaning. The catalog of specs is the single
/// source for validation, documentation, the JSON Schema and sweeps.
/// </summary>
public sealed record ParameterSpec
{
    /// <summary>Dotted key path, e.g. <c>french.beach.prevention_probability</c>.</summary>
    public required string Path { get; init; }
    /// <summary>How the value is parsed and checked.</summary>
    public required ParameterKind Kind { get; init; }
    /// <summary>Value used when no file sets it.</summary>
    public required ParameterValue Default { get; init; }
    /// <summary>Unit in words ("hours", "people/day", "probability").</summary>
    public required string Unit { get; init; }
    /// <summary>One or two sentences: what the value means in the model.</summary>
    public required string Description { get; init; }
    /// <summary>Smallest allowed value (numbers, integers, list items).</summary>
    public double Min { get; init; } = double.NegativeInfinity;
    /// <summary>Largest allowed value (numbers, integers, list items).</summary>
    public double Max { get; init; } = double.PositiveInfinity;
    /// <summary>Allowed names for <see cref="ParameterKind.Choice"/>.</summary>
    public ImmutableArray<string> Choices { get; init; } = ImmutableArray<string>.Empty;
    /// <summary>Required length of a <see cref="ParameterKind.NumberList"/>; 0 means any length ≥ 1.</summary>
    public int ListLength { get; init; }
    /// <summary>The mechanism of MODEL.md §2 this parameter belongs to (for documentation).</summary>
    public string Mechanism { get; init; } = "";
}
