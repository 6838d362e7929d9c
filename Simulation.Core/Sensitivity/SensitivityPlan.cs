using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Sensitivity;

/// <summary>
/// What a sensitivity analysis runs: the design's points on the unit cube, the parameter ranges they are
/// scaled to, the variant(s) every point is applied to, and the replication settings shared by every point
/// (same master seed, same replication indices: common random numbers across points).
/// </summary>
public sealed record SensitivityPlan
{
    /// <summary>The variant every point starts from (the scenario's baseline).</summary>
    public required ScenarioVariant Base { get; init; }
    /// <summary>With --compare: the variant whose paired difference from <see cref="Base"/> is the output; each point is applied to both.</summary>
    public ScenarioVariant? Compare { get; init; }
    /// <summary>Varied parameters with their ranges, in command-line order.</summary>
    public required ImmutableArray<SweepAxis> Axes { get; init; }
    /// <summary>Sobol or Morris.</summary>
    public required SensitivityMethod Method { get; init; }
    /// <summary>Design points on the unit cube, one coordinate per axis.</summary>
    public required ImmutableArray<double[]> UnitPoints { get; init; }
    /// <summary>Metrics analysed.</summary>
    public required ImmutableArray<Metric> Metrics { get; init; }
    /// <summary>Master seed of the replications.</summary>
    public required ulong MasterSeed { get; init; }
    /// <summary>Replications of every point.</summary>
    public required long Replications { get; init; }
    /// <summary>Worker threads; never changes a result.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Runs per point and replication: 2 with <see cref="Compare"/> (base and compared variant), else 1.</summary>
    public int VariantsPerPoint => Compare is null ? 1 : 2;

    /// <summary>Point <paramref name="point"/> as the model sees it: each coordinate scaled to its range, integers rounded.</summary>
    public double[] Point(int point)
    {
        double[] unit = UnitPoints[point];
        var values = new double[Axes.Length];
        for (int a = 0; a < Axes.Length; a++)
        {
            SweepAxis axis = Axes[a];
            values[a] = axis.Settle(axis.Low + (axis.High - axis.Low) * unit[a]);
        }
        return values;
    }

    /// <summary>Variants in run order: per point, the base with the point's values, then (with --compare) the compared variant with them.</summary>
    public ImmutableArray<ScenarioVariant> Variants()
    {
        var variants = ImmutableArray.CreateBuilder<ScenarioVariant>(UnitPoints.Length * VariantsPerPoint);
        for (int p = 0; p < UnitPoints.Length; p++)
        {
            double[] values = Point(p);
            string name = "point " + p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            variants.Add(With(Base, name, values));
            if (Compare is not null) variants.Add(With(Compare, name + " " + Compare.Name, values));
        }
        return variants.MoveToImmutable();
    }

    /// <summary>Index in <see cref="Variants"/> of point <paramref name="point"/> on the base (or, with <paramref name="compared"/>, on the compared variant).</summary>
    public int VariantIndex(int point, bool compared = false) => point * VariantsPerPoint + (compared ? 1 : 0);

    private ScenarioVariant With(ScenarioVariant variant, string name, double[] values)
    {
        ParameterSet parameters = variant.Parameters;
        for (int a = 0; a < Axes.Length; a++) parameters = parameters.With(Axes[a].Path, ParameterValue.Of(values[a]));
        return new ScenarioVariant(name, variant.Name + " with " + name, parameters);
    }
}
