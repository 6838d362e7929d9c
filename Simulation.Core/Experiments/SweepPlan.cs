using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// What a sweep runs: the base variant, the varied axes and the design's points, the metrics to
/// summarise, and the replication settings shared by every point (same master seed, same replication
/// indices: common random numbers across points).
/// </summary>
public sealed record SweepPlan
{
    /// <summary>The variant every point starts from (the scenario's baseline unless --variant says otherwise).</summary>
    public required ScenarioVariant Base { get; init; }
    /// <summary>Varied parameters, in command-line order.</summary>
    public required ImmutableArray<SweepAxis> Axes { get; init; }
    /// <summary>How the points were chosen.</summary>
    public required SweepDesignKind Design { get; init; }
    /// <summary>Design points: one coordinate per axis.</summary>
    public required ImmutableArray<double[]> Points { get; init; }
    /// <summary>Metrics summarised for every point; the first is the one the ranking is printed for.</summary>
    public required ImmutableArray<Metric> Metrics { get; init; }
    /// <summary>Master seed (also seeds a Latin hypercube design).</summary>
    public required ulong MasterSeed { get; init; }
    /// <summary>Replications of every point.</summary>
    public required long Replications { get; init; }
    /// <summary>Worker threads; never changes a result.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Variants in run order: base, then each axis at its low and high value (others at base), then the design points.</summary>
    public ImmutableArray<ScenarioVariant> Variants()
    {
        var variants = ImmutableArray.CreateBuilder<ScenarioVariant>();
        variants.Add(Base);
        foreach (SweepAxis axis in Axes)
        {
            variants.Add(With(axis.Path + "=low", [(axis.Path, axis.Low)]));
            variants.Add(With(axis.Path + "=high", [(axis.Path, axis.High)]));
        }
        for (int p = 0; p < Points.Length; p++)
        {
            var settings = new (string, double)[Axes.Length];
            for (int a = 0; a < Axes.Length; a++) settings[a] = (Axes[a].Path, Points[p][a]);
            variants.Add(With("point " + p.ToString(System.Globalization.CultureInfo.InvariantCulture), settings));
        }
        return variants.ToImmutable();
    }

    /// <summary>Index in <see cref="Variants"/> of axis <paramref name="axis"/> at its low (or high) value.</summary>
    public static int OneAtATimeIndex(int axis, bool high) => 1 + 2 * axis + (high ? 1 : 0);

    /// <summary>Index in <see cref="Variants"/> of design point <paramref name="point"/>.</summary>
    public int PointIndex(int point) => 1 + 2 * Axes.Length + point;

    private ScenarioVariant With(string name, (string Path, double Value)[] settings)
    {
        ParameterSet parameters = Base.Parameters;
        foreach ((string path, double value) in settings) parameters = parameters.With(path, ParameterValue.Of(value));
        return new ScenarioVariant(name, Base.Name + " with " + name, parameters);
    }
}
