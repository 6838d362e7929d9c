using System.Collections.Immutable;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Policy;

/// <summary>
/// The policy timeline (MODEL.md §2.13) compiled into typed snapshots: snapshot 0 holds the values
/// in force on the first day (changes dated on or before it included), each later snapshot the
/// values from its day on. Built once per model, so a dated change costs one reference swap.
/// </summary>
public sealed class PolicyTimeline
{
    private readonly int[] _snapshotOfDay;

    /// <summary>Typed parameters, in date order.</summary>
    public ImmutableArray<ModelParameters> Snapshots { get; }
    /// <summary>First day (index from the start date) of each snapshot; 0 for the first.</summary>
    public ImmutableArray<int> StartDays { get; }

    /// <summary>Compiles the timeline of a parameter set over a horizon.</summary>
    public PolicyTimeline(ParameterSet parameters, DateOnly startDate, int horizonDays)
    {
        var snapshots = ImmutableArray.CreateBuilder<ModelParameters>();
        var startDays = ImmutableArray.CreateBuilder<int>();
        var values = parameters.Values;
        int i = 0;
        var changes = parameters.Timeline;
        // Changes dated on or before the first day are the starting state.
        while (i < changes.Length && changes[i].Date <= startDate) values = Apply(values, changes[i++]);
        snapshots.Add(ModelParameters.From(parameters with { Values = values }));
        startDays.Add(0);
        while (i < changes.Length)
        {
            DateOnly date = changes[i].Date;
            int day = date.DayNumber - startDate.DayNumber;
            if (day >= horizonDays) break;
            while (i < changes.Length && changes[i].Date == date) values = Apply(values, changes[i++]);
            snapshots.Add(ModelParameters.From(parameters with { Values = values }));
            startDays.Add(day);
        }
        Snapshots = snapshots.ToImmutable();
        StartDays = startDays.ToImmutable();
        _snapshotOfDay = new int[Math.Max(horizonDays, 1)];
        for (int s = 0, d = 0; d < _snapshotOfDay.Length; d++)
        {
            while (s + 1 < StartDays.Length && StartDays[s + 1] <= d) s++;
            _snapshotOfDay[d] = s;
        }
    }

    /// <summary>Parameters in force on a day.</summary>
    public ModelParameters On(int day) => Snapshots[_snapshotOfDay[Math.Clamp(day, 0, _snapshotOfDay.Length - 1)]];

    private static ImmutableDictionary<string, ParameterValue> Apply(
        ImmutableDictionary<string, ParameterValue> values, TimelineChange change)
    {
        if (!values.ContainsKey(change.Path))
            throw new ArgumentException($"timeline {change.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}: unknown parameter '{change.Path}'.");
        return values.SetItem(change.Path, change.Value);
    }
}
