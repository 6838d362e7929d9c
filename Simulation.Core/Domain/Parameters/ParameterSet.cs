using System.Collections.Immutable;

namespace Simulation.Core.Domain.Parameters;

/// <summary>A dated change of one parameter (MODEL.md §2.13): from <see cref="Date"/> on, <see cref="Path"/> takes <see cref="Value"/>.</summary>
public sealed record TimelineChange(DateOnly Date, string Path, ParameterValue Value);

/// <summary>
/// Every parameter of the catalog resolved to a valid value, plus the dated changes to apply during
/// the run. Built only by the scenario loader (or by tests); the model never checks ranges again.
/// </summary>
public sealed record ParameterSet
{
    /// <summary>Values by key path; holds every path of the catalog.</summary>
    public required ImmutableDictionary<string, ParameterValue> Values { get; init; }
    /// <summary>Dated changes, sorted by date (stable in file order for one date).</summary>
    public ImmutableArray<TimelineChange> Timeline { get; init; } = ImmutableArray<TimelineChange>.Empty;

    /// <summary>Number held at a path.</summary>
    public double Number(string path) => Values[path].Number;
    /// <summary>Integer held at a path.</summary>
    public int Integer(string path) => checked((int)Values[path].Number);
    /// <summary>Boolean held at a path.</summary>
    public bool Boolean(string path) => Values[path].AsBoolean;
    /// <summary>Choice or text held at a path.</summary>
    public string Text(string path) => Values[path].Text ?? "";
    /// <summary>Date held at a path.</summary>
    public DateOnly Date(string path) => Values[path].AsDate;
    /// <summary>List held at a path.</summary>
    public ImmutableArray<double> List(string path) => Values[path].List;

    /// <summary>True when both sets hold the same value at every path and the same dated changes in the same order.</summary>
    public bool SameAs(ParameterSet other)
    {
        if (Values.Count != other.Values.Count || !Timeline.SequenceEqual(other.Timeline)) return false;
        foreach (var (path, value) in Values)
        {
            if (!other.Values.TryGetValue(path, out var theirs) || !value.Equals(theirs)) return false;
        }
        return true;
    }

    /// <summary>A copy with one value replaced (sweeps and tests).</summary>
    public ParameterSet With(string path, ParameterValue value)
    {
        if (!Values.ContainsKey(path)) throw new KeyNotFoundException($"Unknown parameter '{path}'.");
        return this with { Values = Values.SetItem(path, value) };
    }
}
