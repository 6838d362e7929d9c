using System.Globalization;
using Simulation.Core.Experiments;

namespace Simulation.Core.Calibration;

/// <summary>Counts of one wave.</summary>
/// <param name="Wave">Wave number (1-based).</param>
/// <param name="Points">Points run.</param>
/// <param name="NonImplausible">Points that passed the rule at the wave's replications.</param>
/// <param name="Confirmed">Points that passed again at the confirmation replications (the plausible sets this wave adds).</param>
/// <param name="SampledFrom">How the wave's points were drawn.</param>
public sealed record CalibrationWaveSummary(int Wave, int Points, int NonImplausible, int Confirmed, string SampledFrom)
{
    /// <summary>Share of the wave's points that were implausible.</summary>
    public double ShareRuledOut => Points == 0 ? double.NaN : 1.0 - (double)NonImplausible / Points;
}

/// <summary>
/// The waves of a calibration: which points each wave runs (a pure function of the file, the seed and
/// the earlier waves' points), running them in blocks (each block kept as soon as it is done), and the
/// stopping rule between waves.
/// </summary>
public static class CalibrationWaves
{
    /// <summary>Points run together in one block: small enough that an interrupt loses little, large enough to keep both cores busy.</summary>
    public const int BlockPoints = 50;

    /// <summary>The points of wave <paramref name="wave"/>, given every point of the earlier waves.</summary>
    public static double[][] Design(CalibrationSpec spec, ulong seed, int wave, IReadOnlyList<CalibrationPoint> earlier,
        Func<int, int, double[][]>? sobol, out string sampledFrom)
    {
        if (wave == 1)
        {
            sampledFrom = (spec.Design.Method == CalibrationDesignMethod.Sobol ? "Sobol sequence" : "Latin hypercube") + " over the prior box";
            return CalibrationSampler.FirstWave(spec, seed, sobol);
        }
        var before = new List<CalibrationPoint>();
        foreach (CalibrationPoint p in earlier) if (p.Wave < wave) before.Add(p);
        List<CalibrationPoint> pool = CalibrationSampler.Pool(spec, before, out bool fallback);
        string count = pool.Count.ToString(CultureInfo.InvariantCulture);
        sampledFrom = fallback
            ? $"no point so far was non-implausible: Gaussian kernel around the {count} point(s) with the smallest implausibility"
            : $"Gaussian kernel around the {count} non-implausible point(s) of waves 1-{(wave - 1).ToString(CultureInfo.InvariantCulture)}";
        return CalibrationSampler.LaterWave(spec, seed, wave, pool, spec.Design.PointsPerWave);
    }

    /// <summary>Result of running waves.</summary>
    /// <param name="Points">Every point run so far (wave, then design order).</param>
    /// <param name="Waves">Summary of every finished wave.</param>
    /// <param name="StoppingReason">Why the waves stopped; null when interrupted or when only one wave (a shard) was asked for.</param>
    /// <param name="Interrupted">True when cancelled before the asked-for waves finished.</param>
    public sealed record Outcome(List<CalibrationPoint> Points, List<CalibrationWaveSummary> Waves, string? StoppingReason, bool Interrupted);

    /// <summary>
    /// Runs waves from the first unfinished one, skipping points already in <paramref name="done"/>. With
    /// <paramref name="onlyWave"/> only that wave is run, and with a shard only its points (index mod n = k − 1);
    /// the earlier waves must then be complete in <paramref name="done"/>.
    /// </summary>
    public static Outcome Run(CalibrationSpec spec, CalibrationSettings settings, CalibrationEngine engine, IReadOnlyList<CalibrationPoint> done,
        int? onlyWave, ShardSpec shard, Func<int, int, double[][]>? sobol, Action<CalibrationPoint[]>? blockDone,
        Action<CalibrationWaveSummary>? waveDone, CancellationToken cancellation)
    {
        var points = new List<CalibrationPoint>(done);
        var waves = new List<CalibrationWaveSummary>();
        int first = onlyWave ?? 1;
        int last = onlyWave ?? settings.MaxWaves;
        for (int wave = 1; wave < first; wave++) waves.Add(Summarise(spec, settings.Seed, wave, points, sobol));
        for (int wave = first; wave <= last; wave++)
        {
            double[][] design = Design(spec, settings.Seed, wave, points, sobol, out string sampledFrom);
            var have = new HashSet<int>();
            foreach (CalibrationPoint p in points) if (p.Wave == wave) have.Add(p.Index);
            var todo = new List<int>();
            for (int i = 0; i < design.Length; i++) if (shard.Owns(i) && !have.Contains(i)) todo.Add(i);
            for (int start = 0; start < todo.Count; start += BlockPoints)
            {
                if (cancellation.IsCancellationRequested) return new Outcome(Sorted(points), waves, null, true);
                List<int> block = todo.GetRange(start, Math.Min(BlockPoints, todo.Count - start));
                CalibrationPoint[]? result = engine.Run(wave, block, block.Select(i => design[i]).ToList(), cancellation);
                if (result is null) return new Outcome(Sorted(points), waves, null, true);
                points.AddRange(result);
                blockDone?.Invoke(result);
            }
            points = Sorted(points);
            CalibrationWaveSummary summary = Summary(wave, points, sampledFrom);
            waves.Add(summary);
            waveDone?.Invoke(summary);
            if (onlyWave is not null) break;
            string? reason = CalibrationStopping.Reason(points.Count(p => p.Confirmed), wave, spec.Design.TargetPlausible, settings.MaxWaves);
            if (reason is not null) return new Outcome(points, waves, reason, false);
        }
        return new Outcome(points, waves, onlyWave is null ? CalibrationStopping.MaxWavesReached : null, false);
    }

    /// <summary>The summary of a finished wave from the points (the design is recomputed only for its description).</summary>
    public static CalibrationWaveSummary Summarise(CalibrationSpec spec, ulong seed, int wave, IReadOnlyList<CalibrationPoint> points, Func<int, int, double[][]>? sobol)
    {
        _ = Design(spec, seed, wave, points, sobol, out string sampledFrom);
        return Summary(wave, points, sampledFrom);
    }

    private static CalibrationWaveSummary Summary(int wave, IReadOnlyList<CalibrationPoint> points, string sampledFrom)
    {
        int n = 0, nonImplausible = 0, confirmed = 0;
        foreach (CalibrationPoint p in points)
        {
            if (p.Wave != wave) continue;
            n++;
            if (p.NonImplausible) nonImplausible++;
            if (p.Confirmed) confirmed++;
        }
        return new CalibrationWaveSummary(wave, n, nonImplausible, confirmed, sampledFrom);
    }

    /// <summary>Points in wave, then design order.</summary>
    public static List<CalibrationPoint> Sorted(IEnumerable<CalibrationPoint> points)
    {
        var list = new List<CalibrationPoint>(points);
        list.Sort((a, b) => a.Wave != b.Wave ? a.Wave.CompareTo(b.Wave) : a.Index.CompareTo(b.Index));
        return list;
    }
}
