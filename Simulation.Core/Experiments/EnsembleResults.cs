using System.Collections.Immutable;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>Spread of one metric of one variant across the plausible sets: quantiles of the set means.</summary>
public sealed record EnsembleRange(double Median, double P05, double P95, int Sets);

/// <summary>
/// Spread of a policy's effect on one metric across the plausible sets: quantiles of the per-set
/// paired mean differences (variant − baseline, same replications), and the shares of sets in which
/// the effect is below and above zero (an exact zero counts in neither).
/// </summary>
public sealed record EnsembleEffect(double Median, double P05, double P95, double ShareBelowZero, double ShareAboveZero, int Sets)
{
    /// <summary>True when the 90% range straddles zero (p05 &lt; 0 &lt; p95): the sign depends on the parameters.</summary>
    public bool SignDependsOnParameters => P05 < 0 && P95 > 0;
}

/// <summary>
/// Results of the ensemble runs: per set, variant and metric the mean over replications (totals only,
/// no daily series), and the quantiles across sets. Quantiles are MathNet's R7 definition (linear
/// interpolation between order statistics, the default of R and NumPy) via <see cref="ExperimentStatistics.Quantile"/>.
/// Everything is computed in replication order, so it is the same for any thread count.
/// </summary>
public sealed class EnsembleResults
{
    private readonly double[] _setMeans;
    private readonly double[] _setDifferences;

    /// <summary>Summarises replications 0..n-1 of every (set, variant) run of <paramref name="store"/> (set-major).</summary>
    public EnsembleResults(EnsemblePlan plan, IReadOnlyList<ScenarioVariant> variants, ReplicationStore store, long replications)
    {
        Plan = plan;
        Store = store;
        Replications = replications;
        SetIds = plan.Sets.Select(s => s.SetId).ToImmutableArray();
        VariantNames = variants.Select(v => v.Name).ToImmutableArray();
        KeptLevers = Enumerable.Range(0, variants.Count).Select(v => plan.KeptLevers(variants, v)).ToImmutableArray();
        int sets = SetIds.Length, count = VariantNames.Length, metrics = MetricNames.Count;
        _setMeans = new double[sets * count * metrics];
        _setDifferences = new double[sets * count * metrics];
        var differences = new double[replications];
        for (int s = 0; s < sets; s++)
        {
            for (int m = 0; m < metrics; m++)
            {
                double[] baseline = PrecisionEvaluation.Column(store, s * count, replications, m);
                for (int v = 0; v < count; v++)
                {
                    double[] column = v == 0 ? baseline : PrecisionEvaluation.Column(store, s * count + v, replications, m);
                    _setMeans[Index(s, v, m)] = ExperimentStatistics.MeanVariance(column).Mean;
                    if (v == 0) continue;
                    for (long r = 0; r < replications; r++) differences[r] = column[r] - baseline[r];
                    _setDifferences[Index(s, v, m)] = ExperimentStatistics.MeanVariance(differences).Mean;
                }
            }
        }
        Ranges = new EnsembleRange[count][];
        Effects = new EnsembleEffect?[count][];
        var values = new double[sets];
        for (int v = 0; v < count; v++)
        {
            Ranges[v] = new EnsembleRange[metrics];
            Effects[v] = new EnsembleEffect?[metrics];
            for (int m = 0; m < metrics; m++)
            {
                for (int s = 0; s < sets; s++) values[s] = _setMeans[Index(s, v, m)];
                Ranges[v][m] = Range(values);
                if (v == 0) continue;
                for (int s = 0; s < sets; s++) values[s] = _setDifferences[Index(s, v, m)];
                Effects[v][m] = Effect(values);
            }
        }
    }

    /// <summary>The sets and the file they came from.</summary>
    public EnsemblePlan Plan { get; }
    /// <summary>Per-replication totals of every (set, variant) run, set-major (run s × variants + v); no daily series.</summary>
    public ReplicationStore Store { get; }
    /// <summary>Replications behind every set mean.</summary>
    public long Replications { get; }
    /// <summary>Set ids in file order.</summary>
    public ImmutableArray<string> SetIds { get; }
    /// <summary>Variant names, baseline first (as in the nominal results).</summary>
    public ImmutableArray<string> VariantNames { get; }
    /// <summary>Per variant, the ensemble keys it keeps at its own value (its policy levers).</summary>
    public ImmutableArray<ImmutableArray<string>> KeptLevers { get; }
    /// <summary>By variant, then <see cref="Metric"/>: quantiles of the set means.</summary>
    public EnsembleRange[][] Ranges { get; }
    /// <summary>By variant (index 0, the baseline, holds nulls), then metric: quantiles of the per-set effects.</summary>
    public EnsembleEffect?[][] Effects { get; }

    /// <summary>Mean over replications of set <paramref name="set"/>, variant <paramref name="variant"/>.</summary>
    public double SetMean(int set, int variant, int metric) => _setMeans[Index(set, variant, metric)];

    /// <summary>Paired mean difference variant − baseline within one set (0 for the baseline itself).</summary>
    public double SetDifference(int set, int variant, int metric) => _setDifferences[Index(set, variant, metric)];

    private int Index(int set, int variant, int metric) => (set * VariantNames.Length + variant) * MetricNames.Count + metric;

    /// <summary>Median and 90% range (R7 quantiles) of values (the array is left as it is).</summary>
    public static EnsembleRange Range(double[] values)
    {
        double[] sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return new EnsembleRange(ExperimentStatistics.Quantile(sorted, 0.50), ExperimentStatistics.Quantile(sorted, 0.05),
            ExperimentStatistics.Quantile(sorted, 0.95), sorted.Length);
    }

    /// <summary>Median, 90% range and sign shares of per-set effects.</summary>
    public static EnsembleEffect Effect(double[] differences)
    {
        EnsembleRange range = Range(differences);
        int below = 0, above = 0;
        foreach (double d in differences)
        {
            if (d < 0) below++;
            else if (d > 0) above++;
        }
        int n = differences.Length;
        return new EnsembleEffect(range.Median, range.P05, range.P95, n == 0 ? double.NaN : (double)below / n, n == 0 ? double.NaN : (double)above / n, n);
    }
}

/// <summary>
/// Runs every variant under every plausible set with <see cref="MonteCarloRunner"/> (common random
/// numbers: replication r of every run uses the (master seed, r) streams), keeping totals only.
/// </summary>
public static class EnsembleRunner
{
    /// <summary>
    /// Most (set, variant) runs in one runner plan. Each worker thread builds one model per run of its
    /// plan (about 0.25 MB each for a year), so one plan of 100 sets × 8 variants held 800 models per
    /// thread (500 MB peak on 2 threads); blocks of sets keep memory at this many models per thread
    /// whatever the number of sets. Every block runs the same replications with the same seed, so
    /// the rows are exactly those of a single plan.
    /// </summary>
    public const int MaxRunsPerPlan = 64;

    /// <summary>
    /// Runs the (set × variant) runs with the nominal plan's seed and replication count, so replication r
    /// of every set and variant, and of the nominal run, uses the same random numbers. Null when cancelled.
    /// </summary>
    public static EnsembleResults? Run(EnsemblePlan plan, ImmutableArray<ScenarioVariant> variants, ulong masterSeed, long replications, int threads,
        Func<ScenarioVariant, IReplicationModel> modelFactory, IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        ImmutableArray<ScenarioVariant> runs = plan.Variants(variants);
        // The horizon depends only on the calendar keys, which a set cannot hold, so the nominal variants' horizons serve every set.
        int[] horizons = new int[variants.Length];
        for (int v = 0; v < variants.Length; v++) horizons[v] = modelFactory(variants[v]).Days;
        int[] days = new int[runs.Length];
        for (int i = 0; i < runs.Length; i++) days[i] = horizons[i % variants.Length];
        var store = new ReplicationStore(days, dailyReplicationCap: 0, replications);
        int setsPerBlock = Math.Max(1, MaxRunsPerPlan / variants.Length);
        int blocks = (plan.Sets.Length + setsPerBlock - 1) / setsPerBlock;
        var runner = new MonteCarloRunner(modelFactory);
        for (int b = 0; b < blocks; b++)
        {
            int firstSet = b * setsPerBlock;
            int sets = Math.Min(setsPerBlock, plan.Sets.Length - firstSet);
            int first = firstSet * variants.Length, count = sets * variants.Length;
            var block = new ReplicationStore(days.AsSpan(first, count).ToArray(), dailyReplicationCap: 0, replications);
            var experiment = new ExperimentPlan { Variants = runs.Slice(first, count), MasterSeed = masterSeed, Replications = replications, Threads = threads };
            IProgress<ReplicationProgress>? blockProgress = progress is null ? null : new OffsetProgress(progress, b * replications, blocks * replications);
            RunOutcome outcome = runner.Run(experiment, block, sink: null, blockProgress, cancellation);
            if (outcome.Interrupted || block.CompletePrefix(replications) != replications) return null;
            for (int run = 0; run < count; run++)
            {
                for (long r = 0; r < replications; r++) block.TotalsSpan(run, r).CopyTo(store.TotalsSpan(first + run, r));
            }
        }
        for (long r = 0; r < replications; r++) store.MarkDone(r);
        return new EnsembleResults(plan, variants, store, replications);
    }

    /// <summary>Progress of one block seen as progress through all blocks.</summary>
    private sealed class OffsetProgress(IProgress<ReplicationProgress> inner, long offset, long total) : IProgress<ReplicationProgress>
    {
        public void Report(ReplicationProgress value) => inner.Report(new ReplicationProgress(offset + value.Completed, total));
    }
}
