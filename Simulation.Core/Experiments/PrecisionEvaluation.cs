using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>The precision check and the deterministic batch schedule of sequential stopping.</summary>
public static class PrecisionEvaluation
{
    /// <summary>
    /// Relative 95% half-width after <paramref name="replications"/> rows: with one variant, of that
    /// metric's mean; with policy variants, the largest over the paired differences, each relative to
    /// the baseline mean. Infinity when the reference mean is 0.
    /// </summary>
    public static double RelativeHalfWidth(ReplicationStore store, long replications, Metric metric)
    {
        double[] baseline = Column(store, 0, replications, (int)metric);
        MetricSummary summary = ExperimentStatistics.Summarise(baseline);
        if (store.VariantCount == 1) return ExperimentStatistics.RelativeHalfWidth(summary.HalfWidth, summary.Mean);
        double worst = 0;
        for (int v = 1; v < store.VariantCount; v++)
        {
            PairedComparison paired = ExperimentStatistics.Compare(baseline, Column(store, v, replications, (int)metric));
            double relative = ExperimentStatistics.RelativeHalfWidth(paired.HalfWidth, summary.Mean);
            // A zero-variance difference has a NaN half-width; the estimate is then exact.
            if (paired.N >= 2 && double.IsNaN(paired.HalfWidth)) relative = 0;
            worst = Math.Max(worst, relative);
        }
        return worst;
    }

    /// <summary>
    /// The next replication total: the classic n·(h/target)² estimate with a 10% margin, at least one
    /// more first batch, at most the cap. A pure function of the results so far, hence reproducible.
    /// </summary>
    public static long NextTarget(long current, long firstBatch, double relativeHalfWidth, PrecisionTarget precision)
    {
        // Rounded to 6 decimals first so that 440.00000000000006 asks for 440, not 441.
        double estimate = Math.Round(current * Math.Pow(relativeHalfWidth / precision.RelativeHalfWidth, 2) * 1.1, 6);
        long needed = double.IsFinite(estimate) && estimate < precision.MaxReplications ? (long)Math.Ceiling(estimate) : precision.MaxReplications;
        return Math.Min(precision.MaxReplications, Math.Max(needed, current + firstBatch));
    }

    /// <summary>One metric of one variant for replications 0..n-1, in replication order.</summary>
    public static double[] Column(ReplicationStore store, int variant, long replications, int metric)
    {
        var values = new double[replications];
        for (long r = 0; r < replications; r++) values[r] = store.Value(variant, r, metric);
        return values;
    }
}
