using System.Collections.Immutable;
using Simulation.Core.Domain;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// One run of an experiment into an output directory: lock, refuse or resume, checkpoint, run,
/// write results and manifest. Shards write only their checkpoint and manifest; <see cref="ExperimentMerge"/>
/// turns a full set of shards into results.
/// </summary>
public static class ExperimentSession
{
    /// <summary>Why --ensemble and --shard exclude each other.</summary>
    public const string EnsembleShardRefusal =
        "--ensemble cannot be combined with --shard: the ranges across parameter sets need every replication of every set in one run (run it whole; 10,000 set × variant × replication runs take well under a minute on 2 threads)";
    /// <summary>Why --ensemble and --precision exclude each other.</summary>
    public const string EnsemblePrecisionRefusal =
        "--ensemble cannot be combined with --precision: every parameter set runs the same fixed number of replications; pass --replications";

    /// <summary>Checkpoint path inside an output directory.</summary>
    public static string CheckpointPath(string directory) => Path.Combine(directory, "checkpoint", "replications.ckpt");

    /// <summary>Runs the request.</summary>
    public static SessionOutcome Run(ExperimentRequest request, Func<ScenarioVariant, IReplicationModel> modelFactory,
        IProgress<ReplicationProgress>? progress, CancellationToken cancellation)
    {
        ExperimentPlan plan = request.Plan;
        if (plan.Variants.Length is < 1 or > 32) return SessionOutcome.Refuse($"an experiment needs 1 to 32 variants (has {plan.Variants.Length})");
        if (plan.Precision is not null && !plan.Shard.IsWhole) return SessionOutcome.Refuse("--precision cannot be combined with --shard: the stopping point depends on all replications");
        if (request.Ensemble is not null && !plan.Shard.IsWhole) return SessionOutcome.Refuse(EnsembleShardRefusal);
        if (request.Ensemble is not null && plan.Precision is not null) return SessionOutcome.Refuse(EnsemblePrecisionRefusal);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        string directory = request.OutputDirectory;
        Directory.CreateDirectory(directory);
        using OutputLock? outputLock = OutputLock.TryAcquire(directory, out string lockError);
        if (outputLock is null) return SessionOutcome.Refuse(lockError);

        string checkpointPath = CheckpointPath(directory);
        string manifestPath = Path.Combine(directory, "manifest.json");
        ExperimentIdentity identity = Identity(request, modelFactory);
        if (request.Force)
        {
            Clean(directory);
        }
        else if (!request.Resume)
        {
            if (File.Exists(manifestPath) || File.Exists(checkpointPath))
            {
                // A shard's checkpoint is its result, so a complete shard may be resumed: it only rewrites its manifest.
                return SessionOutcome.Refuse(IsComplete(manifestPath, out long done) && plan.Shard.IsWhole
                    ? $"{directory} already holds a complete result ({done} replications), which cannot be resumed; pass --out DIR to keep both results, or --force to replace it"
                    : $"{directory} holds {(plan.Shard.IsWhole ? "an unfinished run" : "a shard's checkpoint")}; continue it with --resume, start over with --force, or pass --out DIR to keep it");
            }
        }
        else if (!File.Exists(checkpointPath) && IsComplete(manifestPath, out long done))
        {
            // A complete run removes its checkpoint; resuming it has nothing to do, provided it is the
            // same experiment (a resume must never pass off other settings' results as these).
            ExperimentIdentity? old = RunManifest.ReadIdentity(manifestPath);
            if (old is null) return SessionOutcome.Refuse($"cannot resume {directory}: its manifest.json does not record the experiment's settings; use --force to run it again");
            if (!old.SameAs(identity)) return SessionOutcome.Refuse($"cannot resume {directory}: it holds a complete result of different settings ({old.Difference(identity)})");
            return new SessionOutcome(SessionStatus.Complete, $"already complete ({done} replications), nothing to resume", null);
        }

        var store = new ReplicationStore(identity.Days, request.DailyReplicationCap, Math.Min(identity.Replications, identity.MaxReplications));
        Checkpoint checkpoint;
        string resumed = "";
        if (request.Resume && File.Exists(checkpointPath))
        {
            List<long> loaded;
            try
            {
                (ExperimentIdentity old, ShardSpec oldShard) = Checkpoint.ReadHeader(checkpointPath);
                if (!old.SameAs(identity)) return SessionOutcome.Refuse($"cannot resume {directory}: it was started with different settings ({old.Difference(identity)})");
                if (oldShard != plan.Shard) return SessionOutcome.Refuse($"cannot resume {directory}: it holds shard {oldShard}, not {plan.Shard}");
                loaded = Checkpoint.Load(checkpointPath, store, out _, out _);
            }
            catch (InvalidDataException e)
            {
                return SessionOutcome.Refuse($"cannot resume {directory}: {e.Message}");
            }
            resumed = $" ({loaded.Count} taken from the checkpoint)";
            // Rewriting drops a torn tail so later appends start on a clean line.
            checkpoint = Checkpoint.Rewrite(checkpointPath, identity, plan.Shard, store, loaded);
        }
        else
        {
            Directory.CreateDirectory(Path.GetDirectoryName(checkpointPath)!);
            checkpoint = Checkpoint.Create(checkpointPath, identity, plan.Shard);
        }

        RunOutcome outcome;
        using (checkpoint)
        {
            outcome = new MonteCarloRunner(modelFactory).Run(plan, store, checkpoint, progress, cancellation);
        }

        VariantRelations relations = request.Relations ?? VariantRelations.Of(plan.Variants);
        var manifest = new RunManifest
        {
            Relations = relations,
            Command = request.Command,
            CommandLine = request.CommandLine,
            Identity = identity,
            ScenarioPaths = request.ScenarioPaths,
            ResolvedScenario = request.ResolvedScenario,
            ScenarioName = request.ScenarioName,
            ScenarioDescription = request.ScenarioDescription,
            VariantDescriptions = plan.Variants.Select(v => new KeyValuePair<string, string>(v.Name, v.Description)).ToImmutableArray(),
            ScenarioSourceTexts = request.ScenarioSourceTexts,
            Overrides = request.Overrides,
            Threads = plan.Threads,
            Shard = plan.Shard,
            Replications = 0,
            StoppingRule = outcome.StoppingRule,
            Status = outcome.Interrupted ? "partial" : "complete",
            StartedUtc = started,
            EndedUtc = started,
        };
        if (!plan.Shard.IsWhole)
        {
            long owned = plan.Shard.CountOwned(outcome.TargetReplications);
            long done = 0;
            for (long r = plan.Shard.Index - 1; r < outcome.TargetReplications; r += plan.Shard.Count) if (store.IsDone(r)) done++;
            (manifest with { Replications = done, EndedUtc = DateTimeOffset.UtcNow, Outputs = ["checkpoint/replications.ckpt"], Status = done == owned ? "complete" : "partial" })
                .Write(manifestPath);
            return new SessionOutcome(done == owned ? SessionStatus.Complete : SessionStatus.Partial,
                $"shard {plan.Shard}: {done} of {owned} replications{resumed}", null);
        }

        long prefix = store.CompletePrefix(outcome.TargetReplications);
        bool complete = !outcome.Interrupted && prefix == outcome.TargetReplications;
        EnsembleResults? ensemble = null;
        if (request.Ensemble is not null && complete)
        {
            // Not checkpointed: a resume finds the nominal replications in the checkpoint (kept until
            // everything is written) and runs the sets again, which is the cheap part to redo.
            ensemble = EnsembleRunner.Run(request.Ensemble, plan.Variants, plan.MasterSeed, prefix, plan.Threads, modelFactory, progress, cancellation);
            if (ensemble is null)
            {
                complete = false;
                resumed += "; interrupted while running the parameter sets (the ensemble is not written)";
            }
        }
        if (prefix == 0)
        {
            (manifest with { EndedUtc = DateTimeOffset.UtcNow, Status = "partial" }).Write(manifestPath);
            return new SessionOutcome(SessionStatus.Partial, "interrupted before any replication finished", null);
        }
        var results = new ExperimentResults(identity, store, prefix, complete ? outcome.StoppingRule : StoppingRules.Interrupted, complete, relations) { Ensemble = ensemble };
        ImmutableArray<string> outputs = WriteOutputs(directory, results, request.WriteParquet);
        (manifest with { Ensemble = ensemble, Replications = prefix, EndedUtc = DateTimeOffset.UtcNow, Outputs = outputs, Status = results.Status, StoppingRule = results.StoppingRule })
            .Write(manifestPath);
        // After the manifest: a crash before this line leaves a checkpoint that --resume reuses.
        if (complete && !request.KeepCheckpoint) DeleteCheckpoint(directory);
        return new SessionOutcome(complete ? SessionStatus.Complete : SessionStatus.Partial,
            $"{prefix} replications{resumed}, {results.StoppingRule}", results);
    }

    /// <summary>Writes every result file (and Parquet copies when asked) and lists them.</summary>
    internal static ImmutableArray<string> WriteOutputs(string directory, ExperimentResults results, bool parquet)
    {
        ResultsWriter.WriteAll(directory, results);
        var outputs = ResultsWriter.FileNames.ToImmutableArray();
        if (results.Ensemble is not null) outputs = outputs.AddRange(ResultsWriter.EnsembleFileNames);
        if (parquet)
        {
            ParquetResultsWriter.WriteAll(directory, results);
            outputs = outputs.AddRange(ParquetResultsWriter.FileNames);
        }
        return outputs;
    }

    /// <summary>Identity of a request: variant horizons come from the models themselves.</summary>
    public static ExperimentIdentity Identity(ExperimentRequest request, Func<ScenarioVariant, IReplicationModel> modelFactory)
    {
        ExperimentPlan plan = request.Plan;
        return new ExperimentIdentity
        {
            Version = ChannelSimVersion.Current,
            MasterSeed = plan.MasterSeed,
            ScenarioSha256 = request.ScenarioSha256,
            VariantNames = plan.Variants.Select(v => v.Name).ToImmutableArray(),
            StartDates = plan.Variants.Select(v => v.Parameters.Date("calendar.start_date")).ToImmutableArray(),
            Days = plan.Variants.Select(v => modelFactory(v).Days).ToImmutableArray(),
            Replications = plan.Replications,
            Precision = plan.Precision,
            DailyReplicationCap = request.DailyReplicationCap,
            EnsembleSha256 = request.Ensemble?.Sha256,
        };
    }

    /// <summary>True when the directory's manifest says its results are complete; <paramref name="replications"/> from it.</summary>
    private static bool IsComplete(string manifestPath, out long replications)
    {
        replications = 0;
        if (!File.Exists(manifestPath)) return false;
        try
        {
            (string status, long done) = RunManifest.ReadStatus(manifestPath);
            replications = done;
            return status == "complete";
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static void DeleteCheckpoint(string directory)
    {
        string checkpointDirectory = Path.Combine(directory, "checkpoint");
        File.Delete(CheckpointPath(directory));
        if (Directory.Exists(checkpointDirectory) && !Directory.EnumerateFileSystemEntries(checkpointDirectory).Any()) Directory.Delete(checkpointDirectory);
    }

    /// <summary>Removes every file a run may have written (used by --force).</summary>
    internal static void Clean(string directory)
    {
        string checkpointDirectory = Path.Combine(directory, "checkpoint");
        if (Directory.Exists(checkpointDirectory)) Directory.Delete(checkpointDirectory, recursive: true);
        foreach (string name in ResultsWriter.FileNames.Concat(ResultsWriter.EnsembleFileNames).Concat(ParquetResultsWriter.FileNames).Append("manifest.json"))
        {
            File.Delete(Path.Combine(directory, name));
        }
    }
}
