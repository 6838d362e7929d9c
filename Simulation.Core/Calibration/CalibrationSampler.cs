using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;

namespace Simulation.Core.Calibration;

/// <summary>
/// The points of every wave, as pure functions of the specification, the seed and the points of the
/// earlier waves: wave 1 fills the prior box; later waves perturb the non-implausible points found so
/// far with a Gaussian kernel (ABC-SMC style) and keep only draws inside the prior box.
/// </summary>
public static class CalibrationSampler
{
    /// <summary>Kernel standard deviation as a share of the pool's standard deviation, per parameter.</summary>
    public const double KernelShareOfPoolSd = 0.5;
    /// <summary>Smallest kernel standard deviation as a share of the prior range (a pool of one point has no spread).</summary>
    public const double KernelFloorShareOfRange = 0.02;
    /// <summary>When no point so far is non-implausible, the pool is this share of the points with the smallest decisive implausibility…</summary>
    public const double FallbackShare = 0.05;
    /// <summary>…but at least this many.</summary>
    public const int FallbackMinimum = 5;
    /// <summary>Draws per point before giving up on the box and clamping (never reached in practice: the pool lies inside the box).</summary>
    public const int MaxDrawsPerPoint = 1000;

    /// <summary>Seed of a wave's design stream.</summary>
    public static ulong WaveSeed(ulong masterSeed, int wave) => SeedDerivation.For(masterSeed, wave, StreamId.CalibrationDesign);

    /// <summary>Wave 1: the space-filling design over the prior box.</summary>
    public static double[][] FirstWave(CalibrationSpec spec, ulong seed, Func<int, int, double[][]>? sobol = null)
    {
        int dimensions = spec.Parameters.Length;
        int count = spec.Design.Wave1Points;
        double[][] unit;
        if (spec.Design.Method == CalibrationDesignMethod.Sobol)
        {
            if (sobol is null) throw new NotSupportedException("design method sobol is not available in this build; use latin_hypercube");
            unit = sobol(dimensions, count);
        }
        else
        {
            unit = SweepDesign.UnitLatinHypercube(dimensions, count, new RandomStream(WaveSeed(seed, 1)));
        }
        foreach (double[] point in unit)
        {
            for (int d = 0; d < dimensions; d++)
            {
                CalibrationParameter p = spec.Parameters[d];
                point[d] = Settle(p, p.Low + (p.High - p.Low) * point[d]);
            }
        }
        return unit;
    }

    /// <summary>
    /// The pool later waves sample around: every non-implausible point so far, or — when there is
    /// none — the <see cref="FallbackShare"/> with the smallest decisive implausibility (ties by wave, then index).
    /// </summary>
    public static List<CalibrationPoint> Pool(CalibrationSpec spec, IReadOnlyList<CalibrationPoint> earlier, out bool fallback)
    {
        var pool = new List<CalibrationPoint>();
        foreach (CalibrationPoint p in earlier) if (p.NonImplausible) pool.Add(p);
        fallback = pool.Count == 0;
        if (!fallback) return pool;
        int keep = Math.Min(earlier.Count, Math.Max(FallbackMinimum, (int)Math.Ceiling(FallbackShare * earlier.Count)));
        var ranked = new List<CalibrationPoint>(earlier);
        ImplausibilityRule rule = spec.Design.Rule;
        ranked.Sort((a, b) =>
        {
            int c = Decisive(a, rule).CompareTo(Decisive(b, rule));
            if (c != 0) return c;
            c = a.Wave.CompareTo(b.Wave);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return ranked.GetRange(0, keep);
    }

    private static double Decisive(CalibrationPoint p, ImplausibilityRule rule)
    {
        double v = rule == ImplausibilityRule.Maximum ? p.MaxImplausibility : p.SecondMaxImplausibility;
        return double.IsNaN(v) ? double.PositiveInfinity : v;
    }

    /// <summary>
    /// A later wave: each point picks a pool member uniformly, adds independent normal noise with
    /// standard deviation max(<see cref="KernelShareOfPoolSd"/> × the pool's sd, <see cref="KernelFloorShareOfRange"/> × the prior range)
    /// per parameter, and is redrawn while it falls outside the prior box.
    /// </summary>
    public static double[][] LaterWave(CalibrationSpec spec, ulong seed, int wave, IReadOnlyList<CalibrationPoint> pool, int count)
    {
        if (pool.Count == 0) throw new ArgumentException("The pool is empty.", nameof(pool));
        int dimensions = spec.Parameters.Length;
        var kernelSd = new double[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            double mean = 0;
            foreach (CalibrationPoint p in pool) mean += p.Values[d];
            mean /= pool.Count;
            double squares = 0;
            foreach (CalibrationPoint p in pool) squares += (p.Values[d] - mean) * (p.Values[d] - mean);
            double sd = pool.Count > 1 ? Math.Sqrt(squares / (pool.Count - 1)) : 0;
            CalibrationParameter parameter = spec.Parameters[d];
            kernelSd[d] = Math.Max(KernelShareOfPoolSd * sd, KernelFloorShareOfRange * (parameter.High - parameter.Low));
        }
        var random = new RandomStream(WaveSeed(seed, wave));
        var points = new double[count][];
        for (int i = 0; i < count; i++)
        {
            CalibrationPoint centre = pool[random.NextInt(pool.Count)];
            var point = new double[dimensions];
            for (int d = 0; d < dimensions; d++)
            {
                CalibrationParameter parameter = spec.Parameters[d];
                double value = double.NaN;
                for (int attempt = 0; attempt < MaxDrawsPerPoint; attempt++)
                {
                    double draw = centre.Values[d] + kernelSd[d] * StandardNormal(random);
                    if (draw >= parameter.Low && draw <= parameter.High)
                    {
                        value = draw;
                        break;
                    }
                }
                if (double.IsNaN(value)) value = Math.Clamp(centre.Values[d], parameter.Low, parameter.High);
                point[d] = Settle(parameter, value);
            }
            points[i] = point;
        }
        return points;
    }

    /// <summary>Integer keys are rounded (half away from zero) and kept inside the box's whole numbers.</summary>
    public static double Settle(CalibrationParameter parameter, double value)
    {
        if (!parameter.IsInteger) return value;
        double rounded = Math.Round(value, MidpointRounding.AwayFromZero);
        return Math.Clamp(rounded, Math.Ceiling(parameter.Low), Math.Floor(parameter.High));
    }

    /// <summary>A standard normal draw by Box–Muller (one per call: simpler to reason about than a cached pair).</summary>
    private static double StandardNormal(RandomStream random)
    {
        double u1 = random.NextDoubleNonZero();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
