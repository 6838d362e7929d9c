using System.Globalization;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>
/// Checkpoint rows one by one. Damaged rows fail their hash (CheckpointCorruptionTests); these rows
/// carry a correct hash, computed here by an independent FNV-1a 64, so each content rule of the
/// reader is what decides: a replication counts only with every variant's totals row and, below
/// the daily cap, every daily row; rows naming an unknown variant, a replication beyond the plan, a
/// daily block above the cap or the wrong number of values are ignored.
/// </summary>
public class CheckpointRowTests
{
    private const int Replications = 6, DailyCap = 3;

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static string Row(string text) => text + "*" + Fnv1a(text).ToString("x16", CultureInfo.InvariantCulture) + "\n";

    private sealed class Fixture : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public Fixture()
        {
            Results = TestScenarios.Run(TestScenarios.Request(_temp.Sub("run"), replications: Replications, dailyCap: DailyCap, keepCheckpoint: true)).Results!;
            string text = File.ReadAllText(ExperimentSession.CheckpointPath(_temp.Sub("run")));
            int end = text.IndexOf("#end\n", StringComparison.Ordinal) + 5;
            Header = text[..end];
            Rows = text[end..].Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        public ExperimentResults Results { get; }
        public string Header { get; }
        /// <summary>The rows as written, without their newline.</summary>
        public List<string> Rows { get; }

        public string Find(char kind, int variant, long replication) =>
            Rows.Single(r => r.StartsWith($"{kind},{variant},{replication},", StringComparison.Ordinal));

        /// <summary>Loads header + <paramref name="body"/> into a fresh store; returns the complete replications and the store.</summary>
        public (List<long> Complete, ReplicationStore Store) Load(string body, ReplicationStore? store = null)
        {
            string path = _temp.Sub("ckpt-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, Header + body);
            store ??= new ReplicationStore([12, 12], DailyCap, 1);
            List<long> complete = Checkpoint.Load(path, store, out ExperimentIdentity identity, out ShardSpec shard);
            Assert.Equal(Replications, identity.Replications);
            Assert.Equal(ShardSpec.Whole, shard);
            return (complete, store);
        }

        public void Dispose() => _temp.Dispose();
    }

    [Fact]
    public void EveryRowWrittenIsReadBackBitForBit()
    {
        using var f = new Fixture();
        // Below the cap a replication has 4 rows (totals and daily, 2 variants), above it 2.
        Assert.Equal(DailyCap * 4 + (Replications - DailyCap) * 2, f.Rows.Count);
        var (complete, store) = f.Load(string.Concat(f.Rows.Select(r => r + "\n")));
        Assert.Equal(Enumerable.Range(0, Replications).Select(r => (long)r).ToArray(), complete.ToArray());
        for (int v = 0; v < 2; v++)
        {
            for (long r = 0; r < Replications; r++)
            {
                Assert.Equal(f.Results.Store.TotalsSpan(v, r).ToArray(), store.TotalsSpan(v, r).ToArray());
                if (r < DailyCap) Assert.Equal(f.Results.Store.DailySpan(v, r).ToArray(), store.DailySpan(v, r).ToArray());
            }
        }
        Assert.True(store.IsDone(5) && !store.IsDone(6));
    }

    [Fact]
    public void AReplicationCountsOnlyWithEveryRowItNeeds()
    {
        using var f = new Fixture();
        string Without(params string[] dropped) => string.Concat(f.Rows.Where(r => !dropped.Contains(r)).Select(r => r + "\n"));
        // Replication 1 (below the cap) without variant 1's daily row; replication 4 (above it) without variant 0's totals.
        var (complete, store) = f.Load(Without(f.Find('d', 1, 1), f.Find('t', 0, 4)));
        Assert.Equal([0L, 2, 3, 5], complete.ToArray());
        Assert.False(store.IsDone(1));
        Assert.False(store.IsDone(4));
        // Above the cap no daily row is needed: replication 5 is complete with its two totals rows alone.
        (complete, _) = f.Load(Row(Text(f.Find('t', 0, 5))) + Row(Text(f.Find('t', 1, 5))));
        Assert.Equal([5L], complete.ToArray());
    }

    private static string Text(string row) => row[..row.LastIndexOf('*')];

    [Fact]
    public void RowsThatBreakAContentRuleAreIgnoredEvenWithAGoodHash()
    {
        using var f = new Fixture();
        string Genuine(char kind, int v, long r) => Row(Text(f.Find(kind, v, r)));
        string t0 = Text(f.Find('t', 0, 2));
        string values = t0[(t0.IndexOf(',', 4) + 1)..]; // after "t,0,2,"
        string d0 = Text(f.Find('d', 0, 2));
        string daily = d0[(d0.LastIndexOf(',') + 1)..];
        // Each forged row comes with the genuine rows its replication would need besides it, so
        // without the rule that rejects it the replication would count.
        string body = string.Concat(
            Row($"t,0,{Replications},{values}") + Row($"t,1,{Replications},{values}"),      // a replication beyond the plan
            Row($"t,0,3,{values[..values.LastIndexOf(',')]}") + Genuine('t', 1, 3),          // one value too few
            Row($"t,0,5,{values},7") + Genuine('t', 1, 5),                                     // one value too many
            Row($"x,0,4,{values}") + Genuine('t', 1, 4),                                       // an unknown row kind
            Genuine('t', 0, 1) + Genuine('t', 1, 1) + Genuine('d', 1, 1) +
            Row($"d,0,1,{daily[..^4]}") + Row($"d,0,1,{daily},extra") + Row($"d,0,1"),       // daily blocks: short, with a field after, missing
            Row($"t,2,2,{values}") + Row($"t,-1,2,{values}") + Row($"d,0,4,{daily}") + Row($"d,0,{DailyCap},{daily}") + Row("t,0") + Row("t"), // unknown variants, at and above the cap, truncated
            Genuine('t', 0, 2) + Genuine('t', 1, 2) + Genuine('d', 0, 2) + Genuine('d', 1, 2));
        var (complete, store) = f.Load(body);
        Assert.Equal([2L], complete.ToArray());
        Assert.Equal(f.Results.Store.TotalsSpan(0, 2).ToArray(), store.TotalsSpan(0, 2).ToArray());
        Assert.Equal(f.Results.Store.DailySpan(0, 2).ToArray(), store.DailySpan(0, 2).ToArray());
    }

    [Fact]
    public void AnEmptyCellIsReadAsNaNAndTheRestOfTheRowIsKept()
    {
        using var f = new Fixture();
        string t0 = Text(f.Find('t', 0, 4)), t1 = Text(f.Find('t', 1, 4));
        // Blank the first value (arrivals_uk) of variant 0.
        string[] cells = t0.Split(',');
        cells[3] = "";
        var (complete, store) = f.Load(Row(string.Join(',', cells)) + Row(t1));
        Assert.Equal([4L], complete.ToArray());
        Assert.True(double.IsNaN(store.Value(0, 4, (int)Metric.ArrivalsUk)));
        Assert.Equal(f.Results.Store.Value(0, 4, (int)Metric.LaunchAttempts), store.Value(0, 4, (int)Metric.LaunchAttempts));
        // A cell that is not a number spoils the row.
        cells[3] = "12x";
        (complete, _) = f.Load(Row(string.Join(',', cells)) + Row(t1));
        Assert.Empty(complete);
    }

    [Fact]
    public void AReplicationAlreadyInTheStoreIsRefusedByName()
    {
        using var f = new Fixture();
        string body = string.Concat(f.Rows.Select(r => r + "\n"));
        var (_, store) = f.Load(body);
        var e = Assert.Throws<InvalidDataException>(() => f.Load(body, store));
        Assert.Contains("replication 0 is also in another checkpoint", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutAValidShardOrEndIsRefused()
    {
        using var f = new Fixture();
        using var temp = new TempDirectory();
        void Refused(string text, string message)
        {
            string path = temp.Sub("h-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(path, text);
            var e = Assert.Throws<InvalidDataException>(() => Checkpoint.ReadHeader(path));
            Assert.Contains(message, e.Message, StringComparison.Ordinal);
        }
        Refused(f.Header.Replace("#shard=1/1\n", "", StringComparison.Ordinal), "no valid shard");
        Refused(f.Header.Replace("#shard=1/1\n", "#shard=3/2\n", StringComparison.Ordinal), "no valid shard");
        Refused(f.Header.Replace("#end\n", "", StringComparison.Ordinal), "header ends early");
        Refused(f.Header.Replace("#end\n", "stray\n#end\n", StringComparison.Ordinal), "bad checkpoint header line 'stray'");
        Refused(f.Header.Replace("#end\n", "stray=1\n#end\n", StringComparison.Ordinal), "bad checkpoint header line 'stray=1'");
        Refused(f.Header.Replace("#seed=42\n", "#seed=x\n", StringComparison.Ordinal), "checkpoint header is invalid");
        Refused("", "not a ChannelSim checkpoint");
        var (identity, shard) = Checkpoint.ReadHeader(WriteHeader(temp, f.Header.Replace("#shard=1/1\n", "#shard=2/5\n", StringComparison.Ordinal)));
        Assert.Equal(new ShardSpec(2, 5), shard);
        Assert.Equal(42UL, identity.MasterSeed);
        Assert.Equal(DailyCap, identity.DailyReplicationCap);
        Assert.Contains("#seed=42\n", f.Header, StringComparison.Ordinal);
        // Without a precision target its two fields are empty.
        Assert.Contains("#precision=\n#precision_metric=\n", f.Header, StringComparison.Ordinal);
        Assert.StartsWith("#channelsim-checkpoint 2\n", f.Header, StringComparison.Ordinal);
    }

    private static string WriteHeader(TempDirectory temp, string text)
    {
        string path = temp.Sub("header-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void RowsAreReadInAnyOrderAndTheReplicationsComeBackSorted()
    {
        using var f = new Fixture();
        // Workers append chunks in the order they finish: replication 4 before 2, daily rows before
        // totals, and a blank line at the start; the store starts too small for any of them, so a daily
        // row that comes first must make room for itself.
        string Genuine(char kind, int v, long r) => Row(Text(f.Find(kind, v, r)));
        string body = "\n" + Genuine('d', 0, 2) + Genuine('d', 1, 2) +
            Genuine('t', 0, 4) + Genuine('t', 1, 4) + Genuine('t', 0, 2) + Genuine('t', 1, 2);
        var (complete, store) = f.Load(body, new ReplicationStore([12, 12], DailyCap, 1));
        Assert.Equal([2L, 4], complete.ToArray());
        Assert.Equal(f.Results.Store.DailySpan(1, 2).ToArray(), store.DailySpan(1, 2).ToArray());
        Assert.Equal(f.Results.Store.TotalsSpan(1, 4).ToArray(), store.TotalsSpan(1, 4).ToArray());
    }
}
