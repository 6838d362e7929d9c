using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// Statistics of a finished sweep, computed in replication order from the store (so identical for
/// any thread count) with <see cref="ExperimentStatistics"/>: per point and metric a summary, per axis
/// and metric the one-at-a-time effect, and the ranking of axes by swing.
/// </summary>
public sealed class SweepResults
{
    /// <summary>Summarises replications 0..n-1 of every variant of the plan.</summary>
    public SweepResults(SweepPlan plan, ReplicationStore store, long replications)
    {
        Plan = plan;
        Replications = replications;
        int metrics = plan.Metrics.Length;
        Baseline = new MetricSummary[metrics];
        var baseColumns = new double[metrics][];
        for (int m = 0; m < metrics; m++)
        {
            baseColumns[m] = PrecisionEvaluation.Column(store, 0, replications, (int)plan.Metrics[m]);
            Baseline[m] = ExperimentStatistics.Summarise(baseColumns[m]);
        }
        var points = ImmutableArray.CreateBuilder<MetricSummary[]>(plan.Points.Length);
        var pointDiffs = ImmutableArray.CreateBuilder<PairedComparison[]>(plan.Points.Length);
        for (int p = 0; p < plan.Points.Length; p++)
        {
            var summaries = new MetricSummary[metrics];
            var diffs = new PairedComparison[metrics];
            for (int m = 0; m < metrics; m++)
            {
                double[] column = PrecisionEvaluation.Column(store, plan.PointIndex(p), replications, (int)plan.Metrics[m]);
                summaries[m] = ExperimentStatistics.Summarise(column);
                diffs[m] = ExperimentStatistics.Compare(baseColumns[m], column);
            }
            points.Add(summaries);
            pointDiffs.Add(diffs);
        }
        Points = points.MoveToImmutable();
        PointDifferences = pointDiffs.MoveToImmutable();
        var effects = ImmutableArray.CreateBuilder<OneAtATimeEffect>();
        for (int m = 0; m < metrics; m++)
        {
            for (int a = 0; a < plan.Axes.Length; a++)
            {
                double[] low = PrecisionEvaluation.Column(store, SweepPlan.OneAtATimeIndex(a, high: false), replications, (int)plan.Metrics[m]);
                double[] high = PrecisionEvaluation.Column(store, SweepPlan.OneAtATimeIndex(a, high: true), replications, (int)plan.Metrics[m]);
                effects.Add(new OneAtATimeEffect(a, plan.Metrics[m], ExperimentStatistics.Summarise(low), ExperimentStatistics.Summarise(high),
                    Baseline[m], ExperimentStatistics.Compare(low, high))
                {
                    LowMinusBase = ExperimentStatistics.Compare(baseColumns[m], low),
                    HighMinusBase = ExperimentStatistics.Compare(baseColumns[m], high),
                });
            }
        }
        Effects = effects.ToImmutable();
    }

    /// <summary>The plan that was run.</summary>
    public SweepPlan Plan { get; }
    /// <summary>Replications behind every statistic.</summary>
    public long Replications { get; }
    /// <summary>Base variant summaries, by position in <see cref="SweepPlan.Metrics"/>.</summary>
    public MetricSummary[] Baseline { get; }
    /// <summary>Per point, per metric (position in <see cref="SweepPlan.Metrics"/>).</summary>
    public ImmutableArray<MetricSummary[]> Points { get; }
    /// <summary>Per point, per metric: the paired difference point − base.</summary>
    public ImmutableArray<PairedComparison[]> PointDifferences { get; }
    /// <summary>One-at-a-time effects, metric by metric in plan order, axes in plan order within a metric.</summary>
    public ImmutableArray<OneAtATimeEffect> Effects { get; }

    /// <summary>Effects on one metric, largest swing first (ties in axis order).</summary>
    public IReadOnlyList<OneAtATimeEffect> Ranking(Metric metric) =>
        Effects.Where(e => e.Metric == metric).OrderByDescending(e => e.Swing).ThenBy(e => e.Axis).ToList();
}
