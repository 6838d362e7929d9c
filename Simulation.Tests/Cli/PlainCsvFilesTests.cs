using System.Text.Json;
using System.Text.RegularExpressions;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;
using Simulation.Tests.Experiments;
using Simulation.Tests.Reporting;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// Every CSV the commands write is plain RFC 4180 data whose first row is the header, so pandas'
/// and R's readers with default settings see the documented columns; provenance lives in the
/// manifests (regression: each file used to start with a "# channelsim_version=..." line).
/// </summary>
public partial class PlainCsvFilesTests
{
    private const string ScenarioWithAVariant =
        "schema_version: 1\n" +
        "name: plain-csv\n" +
        "experiment:\n" +
        "  replications: 4\n" +
        "  seed: 7\n" +
        "calendar:\n" +
        "  horizon_days: 10\n" +
        "variants:\n" +
        "  fewer_give_up:\n" +
        "    demand:\n" +
        "      give_up_probability: 0.01\n";

    [GeneratedRegex("^[a-z][a-z0-9_.]*$")]
    private static partial Regex ColumnName();

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void EveryCsvOfRunMergeSweepAndTraceStartsWithItsHeaderRow()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("plain-csv.yaml");
        File.WriteAllText(scenario, ScenarioWithAVariant);
        Succeed("run", scenario, "--format", "parquet", "--no-plots", "--threads", "1", "--out", temp.Sub("run"));
        Succeed("run", scenario, "--shard", "1/2", "--threads", "1", "--out", temp.Sub("shard1"));
        Succeed("run", scenario, "--shard", "2/2", "--threads", "1", "--out", temp.Sub("shard2"));
        Succeed("merge", temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("merged"));
        Succeed("sweep", scenario, "--vary", "demand.give_up_probability=0:0.2:3", "-r", "2", "--threads", "1", "--out", temp.Sub("sweep"));
        Succeed("trace", scenario, "--replication", "3", "--out", temp.Sub("trace/trace.csv"));

        string[] files = Directory.GetFiles(temp.Path, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        // run and merged: 4 each; sweep: 3; trace: 1.
        Assert.Equal(12, files.Length);
        foreach (string file in files)
        {
            List<string[]> records = StrictCsv.Read(file);
            string[] header = records[0];
            Assert.All(header, name => Assert.Matches(ColumnName(), name));
            Assert.True(records.Count > 1, file + " has no data rows");
        }

        string[] replicationsHeader = ["variant", "replication", "seed", .. MetricNames.All];
        foreach (string directory in new[] { "run", "merged" })
        {
            Assert.Equal(replicationsHeader, Header(temp.Sub(directory), "replications.csv"));
            Assert.Equal(["variant", "series", "day", "date", "median", "p05", "p25", "p75", "p95"], Header(temp.Sub(directory), "daily.csv"));
            Assert.Equal(["variant", "metric", "statistic", "value"], Header(temp.Sub(directory), "summary.csv"));
            Assert.Equal(["variant", "baseline", "metric"], Header(temp.Sub(directory), "comparison.csv")[..3]);
        }
        Assert.Equal(["parameter", "low_value", "high_value", "metric", "low_mean", "high_mean", "baseline_mean",
            "low_diff_ci95_low", "low_diff_ci95_high", "high_diff_ci95_low", "high_diff_ci95_high"], Header(temp.Sub("sweep"), "sweep.csv"));
        Assert.Equal(["point", "demand.give_up_probability", "arrivals_uk_mean"], Header(temp.Sub("sweep"), "sweep_points.csv")[..3]);
        Assert.Equal(["metric", "rank", "parameter"], Header(temp.Sub("sweep"), "sensitivity.csv")[..3]);
        Assert.Equal(["time_hours", "date", "entity", "event", "people", "outcome"], Header(temp.Sub("trace"), "trace.csv"));

        // What the comment line carried is in the manifests.
        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("run"), "manifest.json"))))
        {
            JsonElement root = manifest.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("channelsim_version").GetString()));
            Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
            Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
            Assert.Equal(4, root.GetProperty("replications").GetInt64());
            Assert.Equal("complete", root.GetProperty("status").GetString());
        }
        using (JsonDocument trace = JsonDocument.Parse(File.ReadAllBytes(temp.Sub("trace/trace.csv.manifest.json"))))
        {
            JsonElement root = trace.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("channelsim_version").GetString()));
            Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
            Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
            Assert.Equal("baseline", root.GetProperty("variant").GetString());
            Assert.Equal(3, root.GetProperty("replication").GetInt64());
            Assert.Equal(SeedDerivation.ForReplication(7, 3), root.GetProperty("replication_seed").GetUInt64());
            Assert.Equal("trace.csv", root.GetProperty("outputs")[0].GetString());
        }
    }

    [Fact]
    public void TheStrictReaderRejectsACommentLineBeforeTheHeaderAndOddRecords()
    {
        Assert.Throws<FormatException>(() => StrictCsv.Parse("# channelsim_version=0.1.0 seed=7\nvariant,replication\nbaseline,0\n", "x.csv"));
        Assert.Throws<FormatException>(() => StrictCsv.Parse("a,b\n1,\"2\"x\n", "x.csv"));
        Assert.Throws<FormatException>(() => StrictCsv.Parse("a,b\n1,2\"\n", "x.csv"));
        Assert.Throws<FormatException>(() => StrictCsv.Parse("a,b\n1,\"2\n", "x.csv"));
        List<string[]> records = StrictCsv.Parse("a,b\r\n\"x,\"\"y\"\"\nz\",2\r\n3,4", "x.csv");
        Assert.Equal(3, records.Count);
        Assert.Equal("x,\"y\"\nz", records[1][0]);
    }

    private static string[] Header(string directory, string file) => StrictCsv.Read(Path.Combine(directory, file))[0];
}
