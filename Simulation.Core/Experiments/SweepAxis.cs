using System.Collections.Immutable;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Experiments;

/// <summary>
/// One varied parameter of a sweep: a catalog path with either a range [<see cref="Low"/>, <see cref="High"/>]
/// (a grid of <see cref="Count"/> evenly spaced points, or the range a Latin hypercube stratifies) or an
/// explicit list of values. Built only by <see cref="SweepAxisParser"/>, which checks the path, kind and range.
/// </summary>
public sealed record SweepAxis
{
    /// <summary>Catalog path of the parameter.</summary>
    public required string Path { get; init; }
    /// <summary>The parameter's catalog entry (kind, range, unit).</summary>
    public required ParameterSpec Spec { get; init; }
    /// <summary>Lowest value tried (the list minimum for an explicit list); the tornado's low setting.</summary>
    public required double Low { get; init; }
    /// <summary>Highest value tried (the list maximum for an explicit list); the tornado's high setting.</summary>
    public required double High { get; init; }
    /// <summary>Grid points across the range (inclusive ends); 0 for a Latin hypercube range.</summary>
    public int Count { get; init; }
    /// <summary>Values given one by one (<c>key=0.3,0.4,0.5</c>); empty for a range.</summary>
    public ImmutableArray<double> ExplicitValues { get; init; } = ImmutableArray<double>.Empty;

    /// <summary>Integer parameters are rounded to whole numbers wherever a design puts them.</summary>
    public bool IsInteger => Spec.Kind == ParameterKind.Integer;

    /// <summary>A design coordinate as the model will see it: rounded half away from zero for integers.</summary>
    public double Settle(double value) => IsInteger ? Math.Round(value, MidpointRounding.AwayFromZero) : value;

    /// <summary>
    /// The grid values of this axis: the explicit list as given, or <see cref="Count"/> evenly spaced
    /// points from <see cref="Low"/> to <see cref="High"/> inclusive. Integers are rounded, and values
    /// that rounding makes equal are kept once (a grid point twice would only cost time).
    /// </summary>
    public ImmutableArray<double> GridValues()
    {
        var values = ImmutableArray.CreateBuilder<double>();
        if (!ExplicitValues.IsEmpty)
        {
            foreach (double v in ExplicitValues) values.Add(Settle(v));
        }
        else
        {
            for (int i = 0; i < Count; i++)
            {
                // Endpoints exactly, interior points by interpolation (no accumulated steps).
                double v = i == 0 ? Low : i == Count - 1 ? High : Low + (High - Low) * i / (Count - 1);
                double settled = Settle(v);
                if (values.Count == 0 || values[^1] != settled) values.Add(settled);
            }
        }
        return values.ToImmutable();
    }
}
