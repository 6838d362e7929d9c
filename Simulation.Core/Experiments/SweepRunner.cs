using Simulation.Core.Domain;
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
        var variants = plan.Variants();
        var experiment = new ExperimentPlan
        {
            Variants = variants,
            MasterSeed = plan.MasterSeed,
            Replications = plan.Replications,
            Threads = plan.Threads,
        };
        var days = variants.Select(v => modelFactory(v).Days).ToArray();
        var store = new ReplicationStore(days, dailyReplicationCap: 0, plan.Replications);
        RunOutcome outcome = new MonteCarloRunner(modelFactory).Run(experiment, store, sink: null, progress, cancellation);
        if (outcome.Interrupted || store.CompletePrefix(plan.Replications) != plan.Replications) return null;
        return new SweepResults(plan, store, plan.Replications);
    }
}
