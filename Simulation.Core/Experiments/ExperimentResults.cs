using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// The statistics of an experiment, computed from replications 0..n-1 of a store and nothing else
/// (no timing, no thread count), so a single run, a resumed run and merged shards give identical
/// numbers. Daily bands use the first min(n, daily cap) replications.
/// </summary>
public sealed class ExperimentResults
{
    /// <summary>Computes every summary, comparison, interaction and daily band.</summary>
    public ExperimentResults(ExperimentIdentity identity, ReplicationStore store, long replications, string stoppingRule, bool complete,
        VariantRelations? relations = null)
    {
        Identity = identity;
        Relations = relations ?? VariantRelations.None;
        Store = store;
        Replications = replications;
        StoppingRule = stoppingRule;
        Complete = complete;
        int variants = identity.VariantNames.Length;
        Summaries = new MetricSummary[variants][];
        Comparisons = new PairedComparison?[variants][];
        Daily = new DailyBand[variants][][];
        var baselineColumns = new double[MetricNames.Count][];
        for (int v = 0; v < variants; v++)
        {
            Summaries[v] = new MetricSummary[MetricNames.Count];
            Comparisons[v] = new PairedComparison?[MetricNames.Count];
            for (int m = 0; m < MetricNames.Count; m++)
            {
                double[] column = PrecisionEvaluation.Column(store, v, replications, m);
                if (v == 0) baselineColumns[m] = column;
                Summaries[v][m] = ExperimentStatistics.Summarise(column);
                if (v > 0) Comparisons[v][m] = ExperimentStatistics.Compare(baselineColumns[m], column);
            }
            Daily[v] = DailyBands(store, v, Math.Min(replications, store.DailyReplicationCap));
        }
        Interactions = Relations.Combinations.Select(c => Interact(store, replications, c)).ToArray();
    }

    /// <summary>The same variants under every plausible parameter set (run --ensemble); null for a plain run.</summary>
    public EnsembleResults? Ensemble { get; init; }

    /// <summary>Who and what produced the rows.</summary>
    public ExperimentIdentity Identity { get; }
    /// <summary>The per-replication rows.</summary>
    public ReplicationStore Store { get; }
    /// <summary>Replications summarised (the complete prefix).</summary>
    public long Replications { get; }
    /// <summary>The rule that ended the run (<see cref="StoppingRules"/>).</summary>
    public string StoppingRule { get; }
    /// <summary>False when the run was interrupted and these results cover a prefix only.</summary>
    public bool Complete { get; }
    /// <summary>"complete" or "partial".</summary>
    public string Status => Complete ? "complete" : "partial";
    /// <summary>Summaries by variant, then <see cref="Metric"/>.</summary>
    public MetricSummary[][] Summaries { get; }
    /// <summary>Paired comparisons by variant (index 0, the baseline, holds nulls), then metric.</summary>
    public PairedComparison?[][] Comparisons { get; }
    /// <summary>Which variants equal the reference and which combine others.</summary>
    public VariantRelations Relations { get; }
    /// <summary>Interactions by combination (in <see cref="VariantRelations.Combinations"/> order), then <see cref="Metric"/>.</summary>
    public InteractionSummary[][] Interactions { get; }
    /// <summary>Daily bands by variant, series, day.</summary>
    public DailyBand[][][] Daily { get; }
    /// <summary>Replications the daily bands are computed from.</summary>
    public long DailyReplications => Math.Min(Replications, Store.DailyReplicationCap);

    private static InteractionSummary[] Interact(ReplicationStore store, long replications, VariantCombination combination)
    {
        var result = new InteractionSummary[MetricNames.Count];
        var values = new double[replications];
        for (int m = 0; m < MetricNames.Count; m++)
        {
            double[] baseColumn = PrecisionEvaluation.Column(store, combination.Base, replications, m);
            double[] combined = PrecisionEvaluation.Column(store, combination.Combined, replications, m);
            for (long r = 0; r < replications; r++) values[r] = combined[r] - baseColumn[r];
            double combinedEffect = ExperimentStatistics.MeanVariance(values).Mean;
            double sumOfParts = 0;
            foreach (int part in combination.Parts)
            {
                double[] partColumn = PrecisionEvaluation.Column(store, part, replications, m);
                double partSum = 0;
                for (long r = 0; r < replications; r++)
                {
                    double effect = partColumn[r] - baseColumn[r];
                    values[r] -= effect;
                    partSum += effect;
                }
                sumOfParts += replications == 0 ? double.NaN : partSum / replications;
            }
            result[m] = new InteractionSummary(combinedEffect, sumOfParts, ExperimentStatistics.Summarise(values));
        }
        return result;
    }

    private static DailyBand[][] DailyBands(ReplicationStore store, int variant, long replications)
    {
        int days = store.Days(variant);
        var bands = new DailyBand[DailyOutputSeries.Names.Length][];
        var values = new double[replications];
        for (int s = 0; s < MetricNames.Daily.Length; s++)
        {
            bands[s] = new DailyBand[days];
            for (int d = 0; d < days; d++)
            {
                for (long r = 0; r < replications; r++) values[r] = store.DailyValue(variant, r, s, d);
                bands[s][d] = Band(values);
            }
        }
        // Cumulated per replication first, in day order, so each replication's sum is the same
        // floating-point sequence whatever the thread count.
        var cumulative = new double[replications];
        var cumulativeBands = new DailyBand[days];
        for (int d = 0; d < days; d++)
        {
            for (long r = 0; r < replications; r++)
            {
                cumulative[r] += store.DailyValue(variant, r, (int)DailySeries.ArrivalsUk, d);
                values[r] = cumulative[r];
            }
            cumulativeBands[d] = Band(values);
        }
        bands[DailyOutputSeries.CumulativeArrivalsUkIndex] = cumulativeBands;
        var redShare = new DailyBand[days];
        for (int d = 0; d < days; d++)
        {
            long red = 0;
            for (long r = 0; r < replications; r++) if (store.DailyValue(variant, r, (int)DailySeries.WeatherRating, d) >= 2) red++;
            double share = replications == 0 ? double.NaN : (double)red / replications;
            redShare[d] = new DailyBand(share, share, share, share, share);
        }
        bands[DailyOutputSeries.RedDayShareIndex] = redShare;
        return bands;
    }

    private static DailyBand Band(double[] values)
    {
        Array.Sort(values);
        return new DailyBand(
            ExperimentStatistics.Quantile(values, 0.50), ExperimentStatistics.Quantile(values, 0.05),
            ExperimentStatistics.Quantile(values, 0.25), ExperimentStatistics.Quantile(values, 0.75),
            ExperimentStatistics.Quantile(values, 0.95));
    }
}
