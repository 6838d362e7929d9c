using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Domain;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Sensitivity;

/// <summary>
/// Runs a sensitivity plan with <see cref="MonteCarloRunner"/>: every design point (and, with --compare, its
/// twin on the compared variant) is a variant of one experiment, so replication r of every point runs with
/// the same (master seed, r). The model output of a point is the mean over replications of the metric, or of
/// the paired difference compared − base. Only totals are kept, as in a sweep.
/// </summary>
public static class SensitivityRunner
{
    /// <summary>
    /// Runs the replications of the plan not yet in <paramref name="store"/>, reporting each finished one to
    /// <paramref name="sink"/>; returns the outputs [metric][point], or null when cancelled (nothing partial).
    /// </summary>
    public static double[][]? Run(SensitivityPlan plan, Func<ScenarioVariant, IReplicationModel> modelFactory, ReplicationStore store,
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
        return Outputs(plan, store);
    }

    /// <summary>
    /// Per metric and point: the mean over replications 0..R−1, in replication order, of the metric (or of
    /// compared − base for the same replication), so the sums are the same for any thread count.
    /// </summary>
    public static double[][] Outputs(SensitivityPlan plan, ReplicationStore store)
    {
        var outputs = new double[plan.Metrics.Length][];
        for (int m = 0; m < plan.Metrics.Length; m++)
        {
            int metric = (int)plan.Metrics[m];
            var values = new double[plan.UnitPoints.Length];
            for (int p = 0; p < values.Length; p++)
            {
                double sum = 0;
                for (long r = 0; r < plan.Replications; r++)
                {
                    double value = store.Value(plan.VariantIndex(p), r, metric);
                    if (plan.Compare is not null) value = store.Value(plan.VariantIndex(p, compared: true), r, metric) - value;
                    sum += value;
                }
                values[p] = sum / plan.Replications;
            }
            outputs[m] = values;
        }
        return outputs;
    }

    /// <summary>An empty store for the plan's runs (totals only).</summary>
    public static ReplicationStore NewStore(SensitivityPlan plan, Func<ScenarioVariant, IReplicationModel> modelFactory) =>
        new(plan.Variants().Select(v => modelFactory(v).Days).ToArray(), dailyReplicationCap: 0, plan.Replications);

    /// <summary>
    /// What determines the per-replication rows, as a checkpoint identity: the scenario (and its --set values)
    /// through <paramref name="scenarioSha256"/>, the method, the variants, every range and every point.
    /// </summary>
    public static ExperimentIdentity Identity(SensitivityPlan plan, string scenarioSha256, Func<ScenarioVariant, IReplicationModel> modelFactory)
    {
        var text = new StringBuilder();
        text.Append("sensitivity\n").Append(scenarioSha256).Append('\n').Append("base=").Append(plan.Base.Name).Append('\n');
        text.Append("compare=").Append(plan.Compare?.Name ?? "").Append('\n');
        text.Append("method=").Append(MethodName(plan.Method)).Append('\n');
        foreach (SweepAxis axis in plan.Axes)
        {
            text.Append("axis ").Append(axis.Path).Append(' ').Append(InvariantFormat.Number(axis.Low)).Append(' ').Append(InvariantFormat.Number(axis.High)).Append('\n');
        }
        foreach (double[] point in plan.UnitPoints) text.Append("point ").Append(string.Join(' ', point.Select(InvariantFormat.Number))).Append('\n');
        ImmutableArray<ScenarioVariant> variants = plan.Variants();
        return new ExperimentIdentity
        {
            Version = ChannelSimVersion.Current,
            MasterSeed = plan.MasterSeed,
            ScenarioSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))),
            VariantNames = variants.Select(v => v.Name).ToImmutableArray(),
            StartDates = variants.Select(v => v.Parameters.Date("calendar.start_date")).ToImmutableArray(),
            Days = variants.Select(v => modelFactory(v).Days).ToImmutableArray(),
            Replications = plan.Replications,
            DailyReplicationCap = 0,
        };
    }

    /// <summary>Name of a method in files and messages.</summary>
    public static string MethodName(SensitivityMethod method) => method == SensitivityMethod.Sobol ? "sobol" : "morris";
}
