using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>Shard arithmetic and the experiment identity that guards resume and merge.</summary>
public class ShardAndIdentityTests
{
    [Fact]
    public void ShardsPartitionTheReplicationsAndCountWhatTheyOwn()
    {
        for (int n = 1; n <= 5; n++)
        {
            for (long replications = 0; replications <= 23; replications++)
            {
                long total = 0;
                for (int k = 1; k <= n; k++)
                {
                    var shard = new ShardSpec(k, n);
                    // Counted one by one, independently of the closed form.
                    long owned = 0;
                    for (long r = 0; r < replications; r++) if (r % n == k - 1) owned++;
                    Assert.True(owned == shard.CountOwned(replications), $"shard {k}/{n} of {replications}: {owned} owned, CountOwned says {shard.CountOwned(replications)}");
                    total += owned;
                }
                Assert.Equal(replications, total);
            }
        }
        // Interleaved, 1-based: shard 2/3 owns 1, 4, 7, ...
        var second = new ShardSpec(2, 3);
        Assert.Equal([1L, 4, 7], Enumerable.Range(0, 9).Select(i => (long)i).Where(second.Owns).ToArray());
        Assert.True(ShardSpec.Whole.IsWhole);
        Assert.False(second.IsWhole);
        Assert.Equal("2/3", second.ToString());
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData("4/4", 4, 4)]
    public void ValidShardTextParses(string text, int k, int n)
    {
        Assert.True(ShardSpec.TryParse(text, out ShardSpec shard, out string error), error);
        Assert.Equal(new ShardSpec(k, n), shard);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("0/4", "1 <= k <= n")]
    [InlineData("5/4", "1 <= k <= n")]
    [InlineData("1/0", "1 <= k <= n")]
    [InlineData("2", "must look like k/n")]
    [InlineData("1/2/3", "must look like k/n")]
    [InlineData("a/2", "must look like k/n")]
    [InlineData("1/b", "must look like k/n")]
    [InlineData("-1/2", "must look like k/n")]
    [InlineData(null, "must look like k/n")]
    public void InvalidShardTextIsRefusedWithTheRule(string? text, string rule)
    {
        Assert.False(ShardSpec.TryParse(text, out ShardSpec shard, out string error));
        Assert.Contains(rule, error, StringComparison.Ordinal);
        Assert.Contains("'" + text + "'", error, StringComparison.Ordinal);
        Assert.Equal(ShardSpec.Whole, shard);
    }

    private static ExperimentIdentity Identity(PrecisionTarget? precision = null) => new()
    {
        Version = "1.2.3",
        MasterSeed = ulong.MaxValue,
        ScenarioSha256 = new string('c', 64),
        VariantNames = ["baseline", "a|b", "with space"],
        StartDates = [new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 1), new DateOnly(2025, 2, 28)],
        Days = [366, 366, 30],
        Replications = 12,
        Precision = precision,
        DailyReplicationCap = 7,
    };

    private static Dictionary<string, string> Fields(ExperimentIdentity identity) => identity.ToFields().ToDictionary(f => f.Key, f => f.Value);

    [Fact]
    public void AnIdentityRoundTripsThroughItsHeaderFields()
    {
        foreach (ExperimentIdentity original in new[] { Identity(), Identity(new PrecisionTarget(0.015, Metric.Deaths, 480)) })
        {
            ExperimentIdentity? read = ExperimentIdentity.FromFields(Fields(original), out string error);
            Assert.NotNull(read);
            Assert.Equal("", error);
            Assert.True(read.SameAs(original));
            Assert.Equal("", read.Difference(original));
            Assert.Equal(original.MasterSeed, read.MasterSeed);
            Assert.Equal(original.VariantNames.ToArray(), read.VariantNames.ToArray());
            Assert.Equal(original.StartDates.ToArray(), read.StartDates.ToArray());
            Assert.Equal(original.Days.ToArray(), read.Days.ToArray());
            Assert.Equal(original.Replications, read.Replications);
            Assert.Equal(original.DailyReplicationCap, read.DailyReplicationCap);
            Assert.Equal(original.Precision, read.Precision);
            Assert.Equal(original.MaxReplications, read.MaxReplications);
        }
        Assert.Equal(12, Identity().MaxReplications);
        Assert.Equal(480, Identity(new PrecisionTarget(0.015, Metric.Deaths, 480)).MaxReplications);
    }

    [Fact]
    public void TheFirstDifferingFieldIsNamed()
    {
        ExperimentIdentity a = Identity();
        Assert.Equal("seed: '18446744073709551615' vs '5'", a.Difference(a with { MasterSeed = 5 }));
        Assert.Equal("days: '366|366|30' vs '366|366|31'", a.Difference(a with { Days = [366, 366, 31] }));
        Assert.False(a.SameAs(a with { DailyReplicationCap = 8 }));
        Assert.False(a.SameAs(a with { Precision = new PrecisionTarget(0.01, Metric.ArrivalsUk, 12) }));
        Assert.True(a.SameAs(a with { VariantNames = ImmutableArray.Create("baseline", "a|b", "with space") }));
    }

    [Theory]
    [InlineData("seed", null, "missing 'seed'")]
    [InlineData("seed", "-1", "")]
    [InlineData("seed", "99999999999999999999", "")]
    [InlineData("metrics", "arrivals_uk", "different list of metrics")]
    [InlineData("daily_series", "deaths", "different list of metrics")]
    [InlineData("precision_metric", "no_such_metric", "unknown precision_metric")]
    [InlineData("replications", "twelve", "")]
    public void ABrokenHeaderIsExplainedNotThrown(string key, string? value, string message)
    {
        Dictionary<string, string> fields = Fields(Identity(new PrecisionTarget(0.02, Metric.ArrivalsUk, 100)));
        if (value is null) fields.Remove(key); else fields[key] = value;
        ExperimentIdentity? read = ExperimentIdentity.FromFields(fields, out string error);
        Assert.Null(read);
        Assert.NotEqual("", error);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
