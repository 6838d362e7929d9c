using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

public class ExperimentMergeTests
{
    [Fact]
    public void FourShardsMergeIntoTheBytesOfASingleRun()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("single"), replications: 42, threads: 2));
        var shards = new List<string>();
        for (int k = 1; k <= 4; k++)
        {
            string directory = temp.Sub("shard" + k);
            SessionOutcome outcome = TestScenarios.Run(TestScenarios.Request(directory, replications: 42, shard: new ShardSpec(k, 4)));
            Assert.Equal(SessionStatus.Complete, outcome.Status);
            Assert.False(File.Exists(Path.Combine(directory, "summary.json")));
            shards.Add(directory);
        }
        shards.Reverse(); // order of the arguments does not matter
        SessionOutcome merged = ExperimentMerge.Merge(shards, temp.Sub("merged"), "channelsim merge", force: false, writeParquet: false);
        Assert.Equal(SessionStatus.Complete, merged.Status);
        ResultFiles.AssertIdentical(temp.Sub("single"), temp.Sub("merged"));
    }

    [Fact]
    public void MergeRefusesAMissingShard()
    {
        using var temp = new TempDirectory();
        var shards = new List<string>();
        for (int k = 1; k <= 3; k++)
        {
            shards.Add(temp.Sub("shard" + k));
            TestScenarios.Run(TestScenarios.Request(shards[^1], replications: 12, shard: new ShardSpec(k, 4)));
        }
        SessionOutcome merged = ExperimentMerge.Merge(shards, temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, merged.Status);
        Assert.Contains("4/4", merged.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("merged")));
    }

    [Fact]
    public void MergeRefusesShardsOfDifferentExperiments()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("a"), replications: 12, shard: new ShardSpec(1, 2)));
        ExperimentRequest other = TestScenarios.Request(temp.Sub("b"), replications: 12, shard: new ShardSpec(2, 2));
        TestScenarios.Run(other with { Plan = other.Plan with { MasterSeed = 7 } });
        SessionOutcome merged = ExperimentMerge.Merge([temp.Sub("a"), temp.Sub("b")], temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, merged.Status);
        Assert.Contains("seed", merged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeRefusesAnUnfinishedShard()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("a"), replications: 12, shard: new ShardSpec(1, 2)));
        using var cancellation = new CancellationTokenSource();
        SessionOutcome partial = TestScenarios.Run(TestScenarios.Request(temp.Sub("b"), replications: 12, shard: new ShardSpec(2, 2)), cancellation.Token,
            afterReplication: r => { if (r == 3) cancellation.Cancel(); });
        Assert.Equal(SessionStatus.Partial, partial.Status);
        SessionOutcome merged = ExperimentMerge.Merge([temp.Sub("a"), temp.Sub("b")], temp.Sub("merged"), "merge", false, false);
        Assert.Equal(SessionStatus.Refused, merged.Status);
        Assert.Contains("missing", merged.Message, StringComparison.Ordinal);
    }
}
