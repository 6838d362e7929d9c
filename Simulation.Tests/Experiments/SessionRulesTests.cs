using System.Collections.Immutable;
using System.Text.Json;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Experiments;

/// <summary>
/// What a session, the runner and merge refuse, and what they report: each rule is checked for the
/// refusal, its message and that nothing was written or changed.
/// </summary>
public class SessionRulesTests
{
    private static ExperimentRequest WithVariants(ExperimentRequest request, int count) =>
        request with { Plan = request.Plan with { Variants = Enumerable.Range(0, count).Select(i => TestScenarios.Variant("v" + i, 0.01 * i)).ToImmutableArray() } };

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void AnExperimentNeedsOneToThirtyTwoVariants(int variants)
    {
        using var temp = new TempDirectory();
        SessionOutcome outcome = TestScenarios.Run(WithVariants(TestScenarios.Request(temp.Sub("out"), replications: 2), variants));
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Equal($"an experiment needs 1 to 32 variants (has {variants})", outcome.Message);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void ThirtyTwoVariantsAndOneVariantAreAccepted()
    {
        using var temp = new TempDirectory();
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(WithVariants(TestScenarios.Request(temp.Sub("many"), replications: 2), 32)).Status);
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(WithVariants(TestScenarios.Request(temp.Sub("one"), replications: 2), 1)).Status);
    }

    [Fact]
    public void APrecisionTargetCannotBeShardedInASessionNorInTheRunner()
    {
        using var temp = new TempDirectory();
        var precision = new PrecisionTarget(0.05, Metric.ArrivalsUk, 100);
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(temp.Sub("out"), replications: 10, precision: precision, shard: new ShardSpec(1, 2)));
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Contains("--precision cannot be combined with --shard", outcome.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));

        ExperimentRequest request = TestScenarios.Request(temp.Sub("unused"), replications: 10, precision: precision, shard: new ShardSpec(1, 2));
        var runner = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters));
        var store = new ReplicationStore([12, 12], 0, 10);
        Assert.Throws<ArgumentException>(() => runner.Run(request.Plan, store, null, null, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(request.Plan with { Replications = 0, Precision = null, Shard = ShardSpec.Whole }, store, null, null, CancellationToken.None));
    }

    [Fact]
    public void AModelFailureOnAWorkerReachesTheCallerWithItsOwnException()
    {
        var runner = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters, r => { if (r == 17) throw new InvalidOperationException("replication 17 broke"); }));
        ExperimentPlan plan = TestScenarios.Request("unused", replications: 40, threads: 2).Plan;
        var store = new ReplicationStore([12, 12], 0, 40);
        var e = Assert.Throws<InvalidOperationException>(() => runner.Run(plan, store, null, null, CancellationToken.None));
        Assert.Equal("replication 17 broke", e.Message);
    }

    private sealed class Reports : IProgress<ReplicationProgress>
    {
        public List<ReplicationProgress> Seen { get; } = [];

        public void Report(ReplicationProgress value)
        {
            lock (Seen) Seen.Add(value);
        }
    }

    [Fact]
    public void ProgressCountsTheShardsOwnReplicationsAndEndsAtAll()
    {
        var runner = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters));
        ExperimentPlan plan = TestScenarios.Request("unused", replications: 30, threads: 2, shard: new ShardSpec(2, 3)).Plan;
        var store = new ReplicationStore([12, 12], 0, 30);
        var progress = new Reports();
        RunOutcome outcome = runner.Run(plan, store, null, progress, CancellationToken.None);
        Assert.Equal(StoppingRules.FixedReplications, outcome.StoppingRule);
        Assert.False(outcome.Interrupted);
        Assert.Equal(new ReplicationProgress(10, 10), progress.Seen[^1]);
        Assert.All(progress.Seen, p => Assert.Equal(10, p.Total));
        // Only shard 2/3's replications (1, 4, 7, ...) were run.
        for (long r = 0; r < 30; r++) Assert.Equal(r % 3 == 1, store.IsDone(r));
    }

    [Fact]
    public void AResumedRunDoesOnlyWhatIsMissingAndReportsWhatItTookFromTheCheckpoint()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("run");
        using (var cancellation = new CancellationTokenSource())
        {
            TestScenarios.Run(TestScenarios.Request(directory, replications: 20, threads: 1), cancellation.Token,
                afterReplication: r => { if (r == 5) cancellation.Cancel(); });
        }
        var ran = new List<long>();
        SessionOutcome resumed = TestScenarios.Run(TestScenarios.Request(directory, replications: 20, threads: 1, resume: true),
            afterReplication: r => { lock (ran) ran.Add(r); });
        Assert.Equal(SessionStatus.Complete, resumed.Status);
        Assert.Equal("20 replications (6 taken from the checkpoint), fixed_replications", resumed.Message);
        // Two variants per replication, each replication 6..19 once per variant.
        Assert.Equal(Enumerable.Range(6, 14).SelectMany(r => new long[] { r, r }).ToArray(), ran.Order().ToArray());
    }

    [Fact]
    public void ForceRemovesEveryEarlierOutputBeforeStartingOver()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("run");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 6, keepCheckpoint: true) with { WriteParquet = true });
        Assert.True(File.Exists(Path.Combine(directory, "replications.parquet")));
        File.WriteAllText(Path.Combine(directory, "notes.txt"), "mine");
        SessionOutcome forced = TestScenarios.Run(TestScenarios.Request(directory, replications: 4, force: true, keepCheckpoint: true));
        Assert.Equal(SessionStatus.Complete, forced.Status);
        Assert.False(File.Exists(Path.Combine(directory, "replications.parquet")), "--force left an output of the earlier run");
        Assert.Equal("mine", File.ReadAllText(Path.Combine(directory, "notes.txt")));
        CountCheckpointRows(directory, expected: 2 * 4);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
        Assert.Equal(4, manifest.RootElement.GetProperty("replications").GetInt64());
    }

    private static void CountCheckpointRows(string directory, int expected) =>
        Assert.Equal(expected, File.ReadLines(ExperimentSession.CheckpointPath(directory)).Count(l => l.StartsWith("t,", StringComparison.Ordinal)));

    [Fact]
    public void AShardWritesItsCheckpointAndAManifestCountingItsOwnReplications()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("shard");
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 10, shard: new ShardSpec(3, 4)));
        Assert.Equal(SessionStatus.Complete, outcome.Status);
        Assert.Equal("shard 3/4: 2 of 2 replications", outcome.Message);
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
        Assert.Equal(2, manifest.RootElement.GetProperty("replications").GetInt64());
        Assert.Equal("complete", manifest.RootElement.GetProperty("status").GetString());
        Assert.Equal(new[] { "checkpoint/replications.ckpt" }, manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!).ToArray());
        CountCheckpointRows(directory, expected: 2 * 2);

        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        SessionOutcome cancelled = TestScenarios.Run(TestScenarios.Request(temp.Sub("cancelled"), replications: 10, shard: new ShardSpec(1, 4)), cancellation.Token);
        Assert.Equal(SessionStatus.Partial, cancelled.Status);
        Assert.Equal("shard 1/4: 0 of 3 replications", cancelled.Message);
        using JsonDocument partialManifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("cancelled"), "manifest.json")));
        Assert.Equal("partial", partialManifest.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void AWholeRunCancelledBeforeAnyReplicationWritesAPartialManifestOnly()
    {
        using var temp = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(temp.Sub("out"), replications: 10), cancellation.Token);
        Assert.Equal(SessionStatus.Partial, outcome.Status);
        Assert.Equal("interrupted before any replication finished", outcome.Message);
        Assert.Null(outcome.Results);
        Assert.False(File.Exists(Path.Combine(temp.Sub("out"), "summary.json")));
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("out"), "manifest.json")));
        Assert.Equal("partial", manifest.RootElement.GetProperty("status").GetString());
    }

    private static List<string> Shards(TempDirectory temp, int count, int replications = 12, Func<ExperimentRequest, ExperimentRequest>? change = null)
    {
        var shards = new List<string>();
        for (int k = 1; k <= count; k++)
        {
            string directory = temp.Sub($"r{replications}-shard{k}of{count}");
            ExperimentRequest request = TestScenarios.Request(directory, replications: replications, shard: new ShardSpec(k, count));
            TestScenarios.Run(change is null ? request : change(request));
            shards.Add(directory);
        }
        return shards;
    }

    [Fact]
    public void MergeRefusesWhatDoesNotMakeOneCompleteRun()
    {
        using var temp = new TempDirectory();
        List<string> two = Shards(temp, 2);
        List<string> three = Shards(temp, 3);
        string merged = temp.Sub("merged");

        void Refused(IReadOnlyList<string> shards, string message)
        {
            SessionOutcome outcome = ExperimentMerge.Merge(shards, merged, "merge", force: false, writeParquet: false);
            Assert.Equal(SessionStatus.Refused, outcome.Status);
            Assert.Contains(message, outcome.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(merged, "summary.json")));
        }

        Refused([], "at least one shard directory");
        Refused([temp.Sub("nothing-here")], "has no checkpoint");
        Refused([two[0], three[1]], "is shard 2/3, but");
        Refused([two[0], two[0]], "shard 1/2 is given twice");
        Refused([three[0]], "shards missing: 2/3, 3/3");

        // A checkpoint that is not one.
        string bogus = temp.Sub("bogus");
        Directory.CreateDirectory(Path.GetDirectoryName(ExperimentSession.CheckpointPath(bogus))!);
        File.WriteAllText(ExperimentSession.CheckpointPath(bogus), "hello\n");
        Refused([bogus], "not a ChannelSim checkpoint");

        // A shard whose checkpoint holds a replication of another shard.
        string foreign = temp.Sub("foreign");
        Directory.CreateDirectory(foreign);
        File.Copy(ExperimentSession.CheckpointPath(two[0]), Path.Combine(Directory.CreateDirectory(Path.Combine(foreign, "checkpoint")).FullName, "replications.ckpt"));
        string[] lines = File.ReadAllLines(ExperimentSession.CheckpointPath(two[1]));
        File.AppendAllLines(ExperimentSession.CheckpointPath(foreign), lines.Where(l => l.StartsWith("t,0,1,", StringComparison.Ordinal) || l.StartsWith("t,1,1,", StringComparison.Ordinal)
            || l.StartsWith("d,0,1,", StringComparison.Ordinal) || l.StartsWith("d,1,1,", StringComparison.Ordinal)));
        Refused([two[1], foreign], "replication 1 is also in another checkpoint");
        Refused([foreign, two[1]], "holds 1 replications that do not belong to shard 1/2");

        Assert.Equal(SessionStatus.Complete, ExperimentMerge.Merge(two, merged, "merge", false, false).Status);
        byte[] first = File.ReadAllBytes(Path.Combine(merged, "summary.json"));
        SessionOutcome again = ExperimentMerge.Merge(two, merged, "merge", force: false, writeParquet: false);
        Assert.Equal(SessionStatus.Refused, again.Status);
        Assert.Contains("already holds results; pass another --out to keep both, or --force to replace them", again.Message, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(merged, "summary.json")));
        Assert.Equal(SessionStatus.Complete, ExperimentMerge.Merge(two, merged, "merge", force: true, writeParquet: false).Status);
    }

    [Fact]
    public void PrecisionRunsAndDifferentExperimentsCannotBeMerged()
    {
        using var temp = new TempDirectory();
        string precise = temp.Sub("precise");
        TestScenarios.Run(TestScenarios.Request(precise, replications: 6, precision: new PrecisionTarget(0.5, Metric.ArrivalsUk, 20), keepCheckpoint: true));
        SessionOutcome outcome = ExperimentMerge.Merge([precise], temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Equal("runs with a precision target cannot be sharded or merged", outcome.Message);

        List<string> a = Shards(temp, 2, replications: 12);
        List<string> b = Shards(temp, 2, replications: 14);
        outcome = ExperimentMerge.Merge([a[0], b[1]], temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Contains("is from a different experiment than", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("replications: '14' vs '12'", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStoreGrowsGeometricallyAndKeepsDailySeriesBelowTheCapOnly()
    {
        var store = new ReplicationStore([3, 5], dailyReplicationCap: 4, initialCapacity: 2);
        Assert.Equal(2, store.Capacity);
        Assert.Equal(2, store.VariantCount);
        Assert.Equal(5, store.Days(1));
        Assert.Equal(MetricNames.Daily.Length * 5, store.DailyWidth(1));
        store.EnsureCapacity(3);
        Assert.Equal(4, store.Capacity); // doubled, not just enough
        store.EnsureCapacity(9);
        Assert.Equal(9, store.Capacity);
        store.EnsureCapacity(5);
        Assert.Equal(9, store.Capacity); // never shrinks
        store.EnsureCapacity(9);
        Assert.Equal(9, store.Capacity); // already big enough: no growth

        var result = new ReplicationResult(5);
        result[Metric.Deaths] = 7;
        result.Daily[(int)DailySeries.Deaths][4] = 2;
        result.Daily[(int)DailySeries.ArrivalsUk][0] = 11;
        store.Put(1, 3, result);
        store.Put(1, 8, result);
        Assert.Equal(7, store.Value(1, 3, (int)Metric.Deaths));
        Assert.Equal(7, store.Value(1, 8, (int)Metric.Deaths));
        Assert.Equal(0, store.Value(0, 3, (int)Metric.Deaths));
        Assert.Equal(2, store.DailyValue(1, 3, (int)DailySeries.Deaths, 4));
        Assert.Equal(11, store.DailyValue(1, 3, (int)DailySeries.ArrivalsUk, 0));
        Assert.Equal(0, store.DailyValue(1, 3, (int)DailySeries.ArrivalsUk, 1));
        var belowCap = Assert.Throws<ArgumentOutOfRangeException>(() => store.DailySpan(1, 4));
        Assert.Equal("replication", belowCap.ParamName);
        Assert.Contains("only below the cap", belowCap.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReplicationStore([3], -1, 1));

        Assert.Equal(0, store.CompletePrefix(9));
        store.MarkDone(0);
        store.MarkDone(1);
        store.MarkDone(3);
        Assert.Equal(2, store.CompletePrefix(9));
        Assert.Equal(1, store.CompletePrefix(1));
        Assert.True(store.IsDone(3));
        Assert.False(store.IsDone(2));
        Assert.False(store.IsDone(100));
        Assert.False(store.IsDone(store.Capacity));
    }

    [Fact]
    public void TheResultsCarryTheirStatusAndTheDailyReplicationCount()
    {
        using var temp = new TempDirectory();
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Sub("out"), replications: 12, dailyCap: 5)).Results!;
        Assert.Equal("complete", results.Status);
        Assert.True(results.Complete);
        Assert.Equal(5, results.DailyReplications);
        Assert.Equal(12, results.Replications);
        Assert.Null(results.Comparisons[0][(int)Metric.ArrivalsUk]);
        Assert.NotNull(results.Comparisons[1][(int)Metric.ArrivalsUk]);
        Assert.Equal(12, results.Summaries[1][(int)Metric.ArrivalsUk].N);
        Assert.Equal(DailyOutputSeries.Names.Length, results.Daily[1].Length);
        Assert.Equal(12, results.Daily[1][0].Length);
    }

    [Fact]
    public void ACheckpointAloneIsAnEarlierRunAndResumingAnEmptyDirectoryStartsAfresh()
    {
        using var temp = new TempDirectory();
        string killed = temp.Sub("killed");
        TestScenarios.Run(TestScenarios.Request(killed, replications: 6, keepCheckpoint: true));
        File.Delete(Path.Combine(killed, "manifest.json"));
        foreach (string name in Simulation.Core.Reporting.ResultsWriter.FileNames) File.Delete(Path.Combine(killed, name));
        SessionOutcome refused = TestScenarios.Run(TestScenarios.Request(killed, replications: 6));
        Assert.Equal(SessionStatus.Refused, refused.Status);
        Assert.Contains("holds an unfinished run; continue it with --resume", refused.Message, StringComparison.Ordinal);

        SessionOutcome fresh = TestScenarios.Run(TestScenarios.Request(temp.Sub("empty"), replications: 6, resume: true));
        Assert.Equal(SessionStatus.Complete, fresh.Status);
        Assert.Equal("6 replications, fixed_replications", fresh.Message);
    }

    [Fact]
    public void ResumingWithAnotherShardOrADamagedHeaderIsRefusedWithTheReason()
    {
        using var temp = new TempDirectory();
        string shard = temp.Sub("shard");
        TestScenarios.Run(TestScenarios.Request(shard, replications: 8, shard: new ShardSpec(1, 2)));
        SessionOutcome other = TestScenarios.Run(TestScenarios.Request(shard, replications: 8, shard: new ShardSpec(2, 2), resume: true));
        Assert.Equal(SessionStatus.Refused, other.Status);
        Assert.Equal($"cannot resume {shard}: it holds shard 1/2, not 2/2", other.Message);

        string damaged = temp.Sub("damaged");
        TestScenarios.Run(TestScenarios.Request(damaged, replications: 4, keepCheckpoint: true));
        string checkpoint = ExperimentSession.CheckpointPath(damaged);
        File.WriteAllText(checkpoint, File.ReadAllText(checkpoint).Replace("#end\n", "stray\n#end\n", StringComparison.Ordinal));
        SessionOutcome refused = TestScenarios.Run(TestScenarios.Request(damaged, replications: 4, resume: true));
        Assert.Equal(SessionStatus.Refused, refused.Status);
        Assert.StartsWith($"cannot resume {damaged}: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("bad checkpoint header line 'stray'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunnerCapsTheFirstBatchAndSaysWhetherItWasInterrupted()
    {
        var runner = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters));
        // One replication is enough to run.
        ExperimentPlan one = TestScenarios.Request("unused", replications: 1).Plan;
        Assert.Equal(new RunOutcome(StoppingRules.FixedReplications, 1, false), runner.Run(one, new ReplicationStore([12, 12], 0, 1), null, null, CancellationToken.None));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => runner.Run(one with { Replications = 0 }, new ReplicationStore([12, 12], 0, 1), null, null, CancellationToken.None));
        Assert.Contains("At least one replication is needed.", e.Message, StringComparison.Ordinal);
        var shardError = Assert.Throws<ArgumentException>(() => runner.Run(one with { Precision = new PrecisionTarget(0.1, Metric.ArrivalsUk, 5), Shard = new ShardSpec(1, 2) },
            new ReplicationStore([12, 12], 0, 1), null, null, CancellationToken.None));
        Assert.Contains("A precision target needs the whole run, not a shard.", shardError.Message, StringComparison.Ordinal);

        // A first batch larger than the cap is cut to the cap.
        ExperimentPlan capped = TestScenarios.Request("unused", replications: 20, precision: new PrecisionTarget(1e-9, Metric.ArrivalsUk, 8)).Plan;
        var store = new ReplicationStore([12, 12], 0, 20);
        Assert.Equal(new RunOutcome(StoppingRules.MaxReplications, 8, false), runner.Run(capped, store, null, null, CancellationToken.None));
        Assert.False(store.IsDone(8));

        // Cancelled mid-run: interrupted. Cancelled only after the last replication: not interrupted.
        using (var midway = new CancellationTokenSource())
        {
            var stopping = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters, r => { if (r == 3) midway.Cancel(); }));
            RunOutcome outcome = stopping.Run(TestScenarios.Request("unused", replications: 20, threads: 1).Plan, new ReplicationStore([12, 12], 0, 20), null, null, midway.Token);
            Assert.Equal(new RunOutcome(StoppingRules.Interrupted, 20, true), outcome);
        }
        using (var atEnd = new CancellationTokenSource())
        {
            int calls = 0;
            var last = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters, r => { if (Interlocked.Increment(ref calls) == 2 * 20) atEnd.Cancel(); }));
            RunOutcome outcome = last.Run(TestScenarios.Request("unused", replications: 20, threads: 1).Plan, new ReplicationStore([12, 12], 0, 20), null, null, atEnd.Token);
            Assert.Equal(new RunOutcome(StoppingRules.FixedReplications, 20, false), outcome);
        }
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void ProgressIsReportedWhileALongBatchRuns()
    {
        // 24 replications of 2 variants at 30 ms each keep one worker busy for about 1.4 s, past the
        // one-second progress tick, so at least one report comes before the final one.
        var runner = new MonteCarloRunner(v => new FakeReplicationModel(v.Parameters, _ => Thread.Sleep(30)));
        var progress = new Reports();
        runner.Run(TestScenarios.Request("unused", replications: 24, threads: 1).Plan, new ReplicationStore([12, 12], 0, 24), null, progress, CancellationToken.None);
        Assert.True(progress.Seen.Count >= 2, $"{progress.Seen.Count} progress report(s)");
        Assert.True(progress.Seen[0].Completed < 24, "the first report came only at the end");
        Assert.Equal(new ReplicationProgress(24, 24), progress.Seen[^1]);
    }

    [Fact]
    public void MergeNamesWhatIsMissingAndWritesItsOwnManifest()
    {
        using var temp = new TempDirectory();
        List<string> two = Shards(temp, 2);
        // Shard 2 lost replications 3 and 7 (its rows are taken out of the checkpoint).
        string checkpoint = ExperimentSession.CheckpointPath(two[1]);
        File.WriteAllLines(checkpoint, File.ReadAllLines(checkpoint).Where(l => !(l.Length > 4 && l[1] == ',' && (l.AsSpan(4).StartsWith("3,") || l.AsSpan(4).StartsWith("7,")))));
        SessionOutcome incomplete = ExperimentMerge.Merge(two, temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, incomplete.Status);
        Assert.Equal("the shards are incomplete: 2 of 12 replications are missing (first: 3); finish them with 'run --shard k/n --resume'", incomplete.Message);

        List<string> whole = Shards(temp, 2, replications: 10);
        File.Delete(Path.Combine(whole[0], "manifest.json")); // merge still works; the scenario paths are then unknown
        string merged = temp.Sub("merged-ok");
        SessionOutcome outcome = ExperimentMerge.Merge(whole, merged, "channelsim merge a b", false, writeParquet: true);
        Assert.Equal(SessionStatus.Complete, outcome.Status);
        Assert.Equal("merged 2 shards, 10 replications", outcome.Message);
        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(merged, "manifest.json"))))
        {
            Assert.Equal("merge", manifest.RootElement.GetProperty("command").GetString());
            Assert.Equal("complete", manifest.RootElement.GetProperty("status").GetString());
        }
        Assert.True(File.Exists(Path.Combine(merged, "replications.parquet")));
        // --force starts from a clean directory: no Parquet file of the earlier merge is left behind.
        Assert.Equal(SessionStatus.Complete, ExperimentMerge.Merge(whole, merged, "merge", force: true, writeParquet: false).Status);
        Assert.False(File.Exists(Path.Combine(merged, "replications.parquet")));
    }
}
