using System.Runtime.ExceptionServices;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// Runs replications on worker threads. Each thread owns one model per variant and one result
/// buffer per variant, claims chunks of replications with one interlocked increment per chunk, runs
/// every variant of a replication with the same (master seed, replication) pair, and copies the
/// totals into the store at that replication's index. Nothing is shared per replication, so the
/// rows, and everything computed from them in replication order, are the same for any thread count.
/// </summary>
public sealed class MonteCarloRunner
{
    private readonly Func<ScenarioVariant, IReplicationModel> _modelFactory;

    /// <summary>Creates a runner that builds models with <paramref name="modelFactory"/> (one per thread per variant).</summary>
    public MonteCarloRunner(Func<ScenarioVariant, IReplicationModel> modelFactory) => _modelFactory = modelFactory;

    /// <summary>
    /// Runs the plan's replications that are not yet in <paramref name="store"/> (so a resumed run
    /// only does what is missing). With a precision target, replications are added in batches whose
    /// sizes depend only on the results so far, so the stopping point is reproducible. On
    /// cancellation, workers finish the replication in hand and stop; finished ones are kept.
    /// </summary>
    public RunOutcome Run(ExperimentPlan plan, ReplicationStore store, IReplicationSink? sink, IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        if (plan.Replications < 1) throw new ArgumentOutOfRangeException(nameof(plan), "At least one replication is needed.");
        if (plan.Precision is not null && !plan.Shard.IsWhole) throw new ArgumentException("A precision target needs the whole run, not a shard.", nameof(plan));
        long target = plan.Precision is null ? plan.Replications : Math.Min(plan.Replications, plan.Precision.MaxReplications);
        while (true)
        {
            store.EnsureCapacity(target);
            bool finished = RunBatch(plan, store, target, sink, progress, cancellation);
            if (!finished) return new RunOutcome(StoppingRules.Interrupted, target, true);
            if (plan.Precision is null) return new RunOutcome(StoppingRules.FixedReplications, target, false);
            double relative = PrecisionEvaluation.RelativeHalfWidth(store, target, plan.Precision.Metric);
            if (relative <= plan.Precision.RelativeHalfWidth) return new RunOutcome(StoppingRules.PrecisionReached, target, false);
            if (target >= plan.Precision.MaxReplications) return new RunOutcome(StoppingRules.MaxReplications, target, false);
            target = PrecisionEvaluation.NextTarget(target, plan.Replications, relative, plan.Precision);
        }
    }

    private bool RunBatch(ExperimentPlan plan, ReplicationStore store, long target, IReplicationSink? sink, IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        var todo = new List<long>();
        long owned = 0;
        for (long r = 0; r < target; r++)
        {
            if (!plan.Shard.Owns(r)) continue;
            owned++;
            if (!store.IsDone(r)) todo.Add(r);
        }
        if (todo.Count == 0) return true;
        long[] work = todo.ToArray();
        int threads = Math.Clamp(plan.Threads, 1, work.Length);
        // Chunks small enough to balance the load and to stop promptly, large enough that claiming and
        // checkpointing cost nothing next to the replications.
        int chunk = (int)Math.Clamp(work.Length / (threads * 16L), 1, 32);
        int chunks = (work.Length + chunk - 1) / chunk;
        int nextChunk = -1;
        long completed = owned - work.Length;
        ExceptionDispatchInfo? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        void Work()
        {
            try
            {
                var models = new IReplicationModel[plan.Variants.Length];
                var results = new ReplicationResult[plan.Variants.Length];
                for (int v = 0; v < models.Length; v++)
                {
                    models[v] = _modelFactory(plan.Variants[v]);
                    results[v] = new ReplicationResult(models[v].Days);
                }
                while (!stop.IsCancellationRequested)
                {
                    int c = Interlocked.Increment(ref nextChunk);
                    if (c >= chunks) break;
                    int start = c * chunk;
                    int end = Math.Min(start + chunk, work.Length);
                    int done = 0;
                    for (int i = start; i < end && !stop.IsCancellationRequested; i++)
                    {
                        long r = work[i];
                        for (int v = 0; v < models.Length; v++)
                        {
                            results[v].Clear();
                            models[v].RunReplication(plan.MasterSeed, r, results[v]);
                            store.Put(v, r, results[v]);
                        }
                        store.MarkDone(r);
                        done++;
                    }
                    sink?.Completed(work.AsSpan(start, done), store);
                    Interlocked.Add(ref completed, done);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
                stop.Cancel();
            }
        }

        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(Work) { IsBackground = true, Name = "replication worker " + t };
            workers[t].Start();
        }
        foreach (Thread worker in workers)
        {
            while (!worker.Join(1000)) progress?.Report(new ReplicationProgress(Interlocked.Read(ref completed), owned));
        }
        failure?.Throw();
        progress?.Report(new ReplicationProgress(Interlocked.Read(ref completed), owned));
        return !cancellation.IsCancellationRequested || todo.TrueForAll(store.IsDone);
    }
}
