using System.Text.Json;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

public class CheckpointResumeTests
{
    private static int CountRows(string directory) =>
        File.ReadLines(ExperimentSession.CheckpointPath(directory)).Count(l => l.StartsWith("t,", StringComparison.Ordinal));

    [Fact]
    public void ResumingAfterAKillMidLineEndsByteIdenticalToAnUninterruptedRun()
    {
        using var temp = new TempDirectory();
        string reference = temp.Sub("reference");
        string killed = temp.Sub("killed");
        TestScenarios.Run(TestScenarios.Request(reference, replications: 40, threads: 2));
        TestScenarios.Run(TestScenarios.Request(killed, replications: 40, threads: 2, keepCheckpoint: true));

        // Simulate SIGKILL: no results or manifest yet, and the checkpoint cut in the middle of a line.
        foreach (string file in Directory.GetFiles(killed)) File.Delete(file);
        string checkpoint = ExperimentSession.CheckpointPath(killed);
        byte[] bytes = File.ReadAllBytes(checkpoint);
        int cut = bytes.Length * 3 / 5;
        while (bytes[cut - 1] == (byte)'\n') cut--;
        File.WriteAllBytes(checkpoint, bytes[..cut]);
        Assert.InRange(CountRows(killed), 1, 79); // the cut removed rows (2 variants × 40 replications when whole)

        SessionOutcome resumed = TestScenarios.Run(TestScenarios.Request(killed, replications: 40, threads: 1, resume: true, keepCheckpoint: true));
        Assert.Equal(SessionStatus.Complete, resumed.Status);
        ResultFiles.AssertIdentical(reference, killed);
        Assert.Equal(80, CountRows(killed));
    }

    [Fact]
    public void CtrlCWritesThePartialPrefixAndResumeCompletesIt()
    {
        using var temp = new TempDirectory();
        string reference = temp.Sub("reference");
        string interrupted = temp.Sub("interrupted");
        TestScenarios.Run(TestScenarios.Request(reference, replications: 40));

        using var cancellation = new CancellationTokenSource();
        SessionOutcome partial = TestScenarios.Run(TestScenarios.Request(interrupted, replications: 40, threads: 1), cancellation.Token,
            afterReplication: r => { if (r == 14) cancellation.Cancel(); });
        Assert.Equal(SessionStatus.Partial, partial.Status);
        // One thread claims chunks in order and stops after the replication in hand: replications 0..14 are done.
        Assert.Equal(15, partial.Results!.Replications);
        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(interrupted, "manifest.json"))))
        {
            Assert.Equal("partial", manifest.RootElement.GetProperty("status").GetString());
        }
        using (JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(interrupted, "summary.json"))))
        {
            Assert.Equal("partial", summary.RootElement.GetProperty("status").GetString());
            Assert.Equal(15, summary.RootElement.GetProperty("replications").GetInt32());
            Assert.Equal("interrupted", summary.RootElement.GetProperty("stopping_rule").GetString());
        }

        SessionOutcome resumed = TestScenarios.Run(TestScenarios.Request(interrupted, replications: 40, threads: 2, resume: true));
        Assert.Equal(SessionStatus.Complete, resumed.Status);
        ResultFiles.AssertIdentical(reference, interrupted);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ResumingAFinishedRunRunsNothingAndKeepsTheSameBytes(bool keptCheckpoint)
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("done");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 10, keepCheckpoint: keptCheckpoint));
        Assert.Equal(keptCheckpoint, File.Exists(ExperimentSession.CheckpointPath(directory)));
        byte[] before = File.ReadAllBytes(Path.Combine(directory, "replications.csv"));
        SessionOutcome again = TestScenarios.Run(TestScenarios.Request(directory, replications: 10, threads: 2, resume: true), afterReplication: _ => throw new InvalidOperationException("nothing should run"));
        Assert.Equal(SessionStatus.Complete, again.Status);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(directory, "replications.csv")));
    }

    [Fact]
    public void ACompleteRunRemovesItsCheckpointUnlessAskedToKeepIt()
    {
        // Regression: checkpoints stayed after completion (155 MB for 3,000 replications of a year).
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("default"), replications: 10));
        Assert.False(File.Exists(ExperimentSession.CheckpointPath(temp.Sub("default"))));
        Assert.False(Directory.Exists(Path.Combine(temp.Sub("default"), "checkpoint")));
        TestScenarios.Run(TestScenarios.Request(temp.Sub("kept"), replications: 10, keepCheckpoint: true));
        Assert.True(File.Exists(ExperimentSession.CheckpointPath(temp.Sub("kept"))));
        ResultFiles.AssertIdentical(temp.Sub("default"), temp.Sub("kept"));

        // A partial run keeps it, whatever the option: --resume needs it.
        using var cancellation = new CancellationTokenSource();
        SessionOutcome partial = TestScenarios.Run(TestScenarios.Request(temp.Sub("partial"), replications: 40, threads: 1), cancellation.Token,
            afterReplication: r => { if (r == 5) cancellation.Cancel(); });
        Assert.Equal(SessionStatus.Partial, partial.Status);
        Assert.True(File.Exists(ExperimentSession.CheckpointPath(temp.Sub("partial"))));

        // Shards always keep theirs (merge reads it), and merge still works.
        TestScenarios.Run(TestScenarios.Request(temp.Sub("shard1"), replications: 10, shard: new ShardSpec(1, 2)));
        TestScenarios.Run(TestScenarios.Request(temp.Sub("shard2"), replications: 10, shard: new ShardSpec(2, 2)));
        Assert.True(File.Exists(ExperimentSession.CheckpointPath(temp.Sub("shard1"))));
        // A complete shard may be resumed (it only rewrites its manifest), so its refusal says --resume.
        SessionOutcome again = TestScenarios.Run(TestScenarios.Request(temp.Sub("shard1"), replications: 10, shard: new ShardSpec(1, 2)));
        Assert.Equal(SessionStatus.Refused, again.Status);
        Assert.Contains("--resume", again.Message, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("shard1"), replications: 10, shard: new ShardSpec(1, 2), resume: true)).Status);
        SessionOutcome merged = ExperimentMerge.Merge([temp.Sub("shard1"), temp.Sub("shard2")], temp.Sub("merged"), "channelsim merge", force: false, writeParquet: false);
        Assert.Equal(SessionStatus.Complete, merged.Status);
        ResultFiles.AssertIdentical(temp.Sub("default"), temp.Sub("merged"));
    }

    [Fact]
    public void ResumingACompleteRunWithOtherSettingsIsRefusedEvenWithoutItsCheckpoint()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("done");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 10));
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 12, resume: true));
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Contains("replications", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusingACompleteResultSuggestsAnotherOutOrForceNotResume()
    {
        // Regression: the refusal suggested --resume, which cannot continue a complete result.
        using var temp = new TempDirectory();
        string directory = temp.Sub("done");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 10));
        SessionOutcome refused = TestScenarios.Run(TestScenarios.Request(directory, replications: 10));
        Assert.Equal(SessionStatus.Refused, refused.Status);
        Assert.Contains("complete result", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--out DIR", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--resume", refused.Message, StringComparison.Ordinal);

        using var cancellation = new CancellationTokenSource();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("partial"), replications: 40, threads: 1), cancellation.Token,
            afterReplication: r => { if (r == 5) cancellation.Cancel(); });
        SessionOutcome unfinished = TestScenarios.Run(TestScenarios.Request(temp.Sub("partial"), replications: 40));
        Assert.Equal(SessionStatus.Refused, unfinished.Status);
        Assert.Contains("--resume", unfinished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResumeWithDifferentSettingsIsRefused()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("run");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 10));
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 12, resume: true));
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Contains("replications", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExistingResultsAreNotOverwrittenWithoutResumeOrForce()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("run");
        TestScenarios.Run(TestScenarios.Request(directory, replications: 10));
        byte[] before = File.ReadAllBytes(Path.Combine(directory, "summary.json"));
        SessionOutcome refused = TestScenarios.Run(TestScenarios.Request(directory, replications: 20));
        Assert.Equal(SessionStatus.Refused, refused.Status);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(directory, "summary.json")));

        SessionOutcome forced = TestScenarios.Run(TestScenarios.Request(directory, replications: 20, force: true));
        Assert.Equal(SessionStatus.Complete, forced.Status);
        Assert.Equal(20, forced.Results!.Replications);
    }

    [Fact]
    public void ASecondRunIntoALockedDirectoryIsRefused()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("locked");
        using (OutputLock? held = OutputLock.TryAcquire(Directory.CreateDirectory(directory).FullName, out _))
        {
            Assert.NotNull(held);
            SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 5));
            Assert.Equal(SessionStatus.Refused, outcome.Status);
            Assert.Contains("in use by another run", outcome.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(directory, "summary.json")));
        }
        Assert.False(File.Exists(Path.Combine(directory, OutputLock.FileName)));
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(directory, replications: 5)).Status);
    }

    [Fact]
    public void AStaleLockOfADeadProcessIsTakenOver()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("stale");
        Directory.CreateDirectory(directory);
        // No process has this id (Linux caps pids at 2^22).
        File.WriteAllText(Path.Combine(directory, OutputLock.FileName), "2147483000 " + Environment.MachineName + "\n");
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(directory, replications: 5)).Status);
    }

    [Fact]
    public void ALockWrittenOnAnotherHostIsNeverTakenOver()
    {
        using var temp = new TempDirectory();
        string directory = temp.Sub("remote");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, OutputLock.FileName), "2147483000 some-other-node\n");
        SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 5));
        Assert.Equal(SessionStatus.Refused, outcome.Status);
        Assert.Contains("some-other-node", outcome.Message, StringComparison.Ordinal);
    }
}
