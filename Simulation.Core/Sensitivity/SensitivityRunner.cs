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
                    sum += Value(plan, store, p, r, metric);
                }
                values[p] = sum / plan.Replications;
            }
            outputs[m] = values;
        }
        return outputs;
    }

    /// <summary>
    /// Per metric: the simulation noise in a point's output, s²_p/R averaged over points, where s²_p is the
    /// sample variance over the R replications at point p (of compared − base with --compare); NaN for R &lt; 2.
    /// Common random numbers make part of this noise shared by every point, where it shifts all outputs alike
    /// and adds no variance between points, so as a share of the output variance it is an upper bound.
    /// </summary>
    public static double[] NoiseVariance(SensitivityPlan plan, ReplicationStore store)
    {
        var noise = new double[plan.Metrics.Length];
        long n = plan.Replications;
        for (int m = 0; m < noise.Length; m++)
        {
            if (n < 2)
            {
                noise[m] = double.NaN;
                continue;
            }
            int metric = (int)plan.Metrics[m];
            double total = 0;
            for (int p = 0; p < plan.UnitPoints.Length; p++)
            {
                double sum = 0;
                for (long r = 0; r < n; r++) sum += Value(plan, store, p, r, metric);
                double mean = sum / n, squares = 0;
                for (long r = 0; r < n; r++)
                {
                    double d = Value(plan, store, p, r, metric) - mean;
                    squares += d * d;
                }
                total += squares / (n - 1) / n;
            }
            noise[m] = total / plan.UnitPoints.Length;
        }
        return noise;
    }

    private static double Value(SensitivityPlan plan, ReplicationStore store, int point, long replication, int metric)
    {
        double value = store.Value(plan.VariantIndex(point), replication, metric);
        return plan.Compare is null ? value : store.Value(plan.VariantIndex(point, compared: true), replication, metric) - value;
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
        return ExperimentIdentity.ForDesign(text.ToString(), plan.MasterSeed, plan.Variants(), modelFactory, plan.Replications);
    }

    /// <summary>Name of a method in files and messages.</summary>
    public static string MethodName(SensitivityMethod method) => method == SensitivityMethod.Sobol ? "sobol" : "morris";
}
