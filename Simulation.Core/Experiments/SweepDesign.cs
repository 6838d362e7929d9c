using Simulation.Core.Engine.Random;

namespace Simulation.Core.Experiments;

/// <summary>
/// The points of a sweep design, one row per point with one coordinate per axis (in axis order), as
/// the model will see them (integers rounded).
/// </summary>
public static class SweepDesign
{
    /// <summary>Most points a sweep may have: each point costs every replication once more.</summary>
    public const int MaxPoints = 2000;

    /// <summary>Points of a full grid (first axis slowest, last axis fastest); null when there would be more than <see cref="MaxPoints"/>.</summary>
    public static double[][]? Grid(IReadOnlyList<SweepAxis> axes)
    {
        var values = axes.Select(a => a.GridValues()).ToArray();
        long total = 1;
        foreach (var v in values)
        {
            total *= v.Length;
            if (total > MaxPoints) return null;
        }
        var points = new double[total][];
        for (long p = 0; p < total; p++)
        {
            var point = new double[axes.Count];
            long rest = p;
            for (int a = axes.Count - 1; a >= 0; a--)
            {
                point[a] = values[a][(int)(rest % values[a].Length)];
                rest /= values[a].Length;
            }
            points[p] = point;
        }
        return points;
    }

    /// <summary>Seed of the design stream: a pure function of the master seed, so the same command gives the same points.</summary>
    public static ulong LatinHypercubeSeed(ulong masterSeed) => SeedDerivation.For(masterSeed, 0, StreamId.SweepDesign);

    /// <summary>
    /// A Latin hypercube on the unit cube: for each dimension an independent random permutation of the
    /// strata 0..n-1 (Fisher–Yates) and a uniform offset within each stratum, so point i lies in
    /// stratum perm_d[i] of dimension d and every stratum of every dimension holds exactly one point.
    /// </summary>
    public static double[][] UnitLatinHypercube(int dimensions, int samples, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var points = new double[samples][];
        for (int i = 0; i < samples; i++) points[i] = new double[dimensions];
        var strata = new int[samples];
        for (int d = 0; d < dimensions; d++)
        {
            for (int i = 0; i < samples; i++) strata[i] = i;
            for (int i = samples - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (strata[i], strata[j]) = (strata[j], strata[i]);
            }
            for (int i = 0; i < samples; i++) points[i][d] = (strata[i] + random.NextDouble()) / samples;
        }
        return points;
    }

    /// <summary>
    /// <paramref name="samples"/> Latin hypercube points over the axes' ranges, drawn from the
    /// <see cref="StreamId.SweepDesign"/> stream of <paramref name="masterSeed"/>. Integer axes are
    /// rounded after scaling, which can put two points in one whole number when the range holds
    /// fewer whole numbers than samples.
    /// </summary>
    public static double[][] LatinHypercube(IReadOnlyList<SweepAxis> axes, int samples, ulong masterSeed)
    {
        var random = new RandomStream(LatinHypercubeSeed(masterSeed));
        double[][] unit = UnitLatinHypercube(axes.Count, samples, random);
        foreach (double[] point in unit)
        {
            for (int a = 0; a < axes.Count; a++)
            {
                SweepAxis axis = axes[a];
                point[a] = axis.Settle(axis.Low + (axis.High - axis.Low) * point[a]);
            }
        }
        return unit;
    }
}
