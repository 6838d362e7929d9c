using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Domain;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// Runs a sweep with <see cref="MonteCarloRunner"/>: the base, the one-at-a-time settings and every
/// design point are variants of one experiment, so replication r of every point runs with the same
/// (master seed, r) and differences between points are paired (common random numbers). Only totals
/// are kept (no daily series), so memory is one row of metrics per point per replication.
/// </summary>
public static class SweepRunner
{
    /// <summary>Runs the plan; null when cancelled (a sweep writes nothing partial).</summary>
    public static SweepResults? Run(SweepPlan plan, Func<ScenarioVariant, IReplicationModel> modelFactory,
        IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        var store = NewStore(plan, modelFactory);
        return Run(plan, modelFactory, store, sink: null, progress, cancellation);
    }

    /// <summary>
    /// Runs the replications of the plan not yet in <paramref name="store"/> (those loaded from a
    /// checkpoint are kept), reporting each finished one to <paramref name="sink"/>; null when cancelled.
    /// </summary>
    public static SweepResults? Run(SweepPlan plan, Func<ScenarioVariant, IReplicationModel> modelFactory, ReplicationStore store,
        IReplicationSink? sink, IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        var experiment = new ExperimentPlan
        {
            Variants = plan.Variants(),
            MasterSeed = plan.MasterSeed,
            Replications = plan.Replications,
            Threads = plan.Threads,
        };
        RunOutcome outcome = new MonteCarloRunner(modelFactory).Run(experiment, store, sink, progress, cancellation);
        if (outcome.Interrupted || store.CompletePrefix(plan.Replications) != plan.Replications) return null;
        return new SweepResults(plan, store, plan.Replications);
    }

    /// <summary>An empty store for the plan's runs (totals only).</summary>
    public static ReplicationStore NewStore(SweepPlan plan, Func<ScenarioVariant, IReplicationModel> modelFactory) =>
        new(plan.Variants().Select(v => modelFactory(v).Days).ToArray(), dailyReplicationCap: 0, plan.Replications);

    /// <summary>
    /// What determines a sweep's per-replication rows, as a checkpoint identity: the scenario (and its
    /// --set values) through <paramref name="scenarioSha256"/>, the base variant, the design and every
    /// point's coordinates through a hash of their text, the seed and the replications.
    /// </summary>
    public static ExperimentIdentity Identity(SweepPlan plan, string scenarioSha256, Func<ScenarioVariant, IReplicationModel> modelFactory)
    {
        var text = new StringBuilder();
        text.Append("sweep\n").Append(scenarioSha256).Append('\n').Append("base=").Append(plan.Base.Name).Append('\n');
        text.Append("design=").Append(plan.Design == SweepDesignKind.Grid ? "grid" : "lhs").Append('\n');
        foreach (SweepAxis axis in plan.Axes)
        {
            text.Append("axis ").Append(axis.Path).Append(' ').Append(InvariantFormat.Number(axis.Low)).Append(' ').Append(InvariantFormat.Number(axis.High)).Append('\n');
        }
        foreach (double[] point in plan.Points) text.Append("point ").Append(string.Join(' ', point.Select(InvariantFormat.Number))).Append('\n');
        return ExperimentIdentity.ForDesign(text.ToString(), plan.MasterSeed, plan.Variants(), modelFactory, plan.Replications);
    }
}
