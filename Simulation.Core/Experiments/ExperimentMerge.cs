using System.Collections.Immutable;
using Simulation.Core.Reporting;

namespace Simulation.Core.Experiments;

/// <summary>
/// Combines shard directories into the results of one run. Results are a pure function of the
/// per-replication rows, so the merged files equal those of a single unsharded run byte for byte
/// (manifest.json aside, which records times, threads and the command line).
/// </summary>
public static class ExperimentMerge
{
    /// <summary>Checks the shards, loads their rows and writes results into <paramref name="outputDirectory"/>.</summary>
    public static SessionOutcome Merge(IReadOnlyList<string> shardDirectories, string outputDirectory, string commandLine, bool force, bool writeParquet)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        if (shardDirectories.Count == 0) return SessionOutcome.Refuse("merge needs at least one shard directory");
        var headers = new List<(string Directory, ExperimentIdentity Identity, ShardSpec Shard)>();
        foreach (string directory in shardDirectories)
        {
            string path = ExperimentSession.CheckpointPath(directory);
            if (!File.Exists(path)) return SessionOutcome.Refuse($"{directory} has no checkpoint ({path}); is it a shard output directory?");
            try
            {
                (ExperimentIdentity identity, ShardSpec shard) = Checkpoint.ReadHeader(path);
                headers.Add((directory, identity, shard));
            }
            catch (InvalidDataException e)
            {
                return SessionOutcome.Refuse(e.Message);
            }
        }
        ExperimentIdentity first = headers[0].Identity;
        foreach (var (directory, identity, _) in headers)
        {
            if (!identity.SameAs(first)) return SessionOutcome.Refuse($"{directory} is from a different experiment than {headers[0].Directory} ({identity.Difference(first)})");
        }
        if (first.Precision is not null) return SessionOutcome.Refuse("runs with a precision target cannot be sharded or merged");
        int count = headers[0].Shard.Count;
        var seenShards = new HashSet<int>();
        foreach (var (directory, _, shard) in headers)
        {
            if (shard.Count != count) return SessionOutcome.Refuse($"{directory} is shard {shard}, but {headers[0].Directory} is one of {count}");
            if (!seenShards.Add(shard.Index)) return SessionOutcome.Refuse($"shard {shard} is given twice ({directory})");
        }
        if (seenShards.Count != count)
        {
            var missing = Enumerable.Range(1, count).Where(k => !seenShards.Contains(k)).Select(k => $"{k}/{count}");
            return SessionOutcome.Refuse($"shards missing: {string.Join(", ", missing)}");
        }

        var store = new ReplicationStore(first.Days, first.DailyReplicationCap, first.Replications);
        foreach (var (directory, _, shard) in headers)
        {
            try
            {
                List<long> loaded = Checkpoint.Load(ExperimentSession.CheckpointPath(directory), store, out _, out _);
                long foreign = loaded.Count(r => !shard.Owns(r));
                if (foreign > 0) return SessionOutcome.Refuse($"{directory} holds {foreign} replications that do not belong to shard {shard}");
            }
            catch (InvalidDataException e)
            {
                return SessionOutcome.Refuse(e.Message);
            }
        }
        long prefix = store.CompletePrefix(first.Replications);
        if (prefix < first.Replications)
        {
            long missingCount = 0;
            for (long r = 0; r < first.Replications; r++) if (!store.IsDone(r)) missingCount++;
            return SessionOutcome.Refuse($"the shards are incomplete: {missingCount} of {first.Replications} replications are missing (first: {prefix}); finish them with 'run --shard k/n --resume'");
        }

        Directory.CreateDirectory(outputDirectory);
        using OutputLock? outputLock = OutputLock.TryAcquire(outputDirectory, out string lockError);
        if (outputLock is null) return SessionOutcome.Refuse(lockError);
        string manifestPath = Path.Combine(outputDirectory, "manifest.json");
        if (File.Exists(manifestPath) && !force) return SessionOutcome.Refuse($"{outputDirectory} already holds results; pass another --out to keep both, or --force to replace them");
        if (force) ExperimentSession.Clean(outputDirectory);

        VariantRelations relations = TryReadRelations(headers[0].Directory, first.VariantNames);
        var results = new ExperimentResults(first, store, first.Replications, StoppingRules.FixedReplications, complete: true, relations);
        ImmutableArray<string> outputs = ExperimentSession.WriteOutputs(outputDirectory, results, writeParquet);
        var (paths, resolved, _) = TryReadManifest(headers[0].Directory);
        new RunManifest
        {
            Command = "merge",
            CommandLine = commandLine,
            Identity = first,
            ScenarioPaths = paths,
            ResolvedScenario = resolved,
            Threads = 0,
            Shard = ShardSpec.Whole,
            Replications = first.Replications,
            StoppingRule = results.StoppingRule,
            Status = results.Status,
            StartedUtc = started,
            EndedUtc = DateTimeOffset.UtcNow,
            Sources = shardDirectories.ToImmutableArray(),
            Relations = relations,
            Outputs = outputs,
        }.Write(manifestPath);
        return new SessionOutcome(SessionStatus.Complete, $"merged {count} shards, {first.Replications} replications", results);
    }

    private static VariantRelations TryReadRelations(string directory, ImmutableArray<string> variantNames)
    {
        try
        {
            return RunManifest.ReadRelations(Path.Combine(directory, "manifest.json"), variantNames);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return VariantRelations.None;
        }
    }

    private static (ImmutableArray<string>, string, string) TryReadManifest(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        try
        {
            return RunManifest.ReadBasics(path);
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (ImmutableArray<string>.Empty, "", "");
        }
    }
}
