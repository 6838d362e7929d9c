using System.Globalization;
using System.Text.Json;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary><c>channelsim merge --format parquet</c>: the Parquet copies of merged shards are those of a single run.</summary>
public class MergeParquetTests
{
    [Fact]
    public async Task MergingShardsWithFormatParquetWritesTheParquetFilesOfASingleRun()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 20);
        string[] common = ["--replications", "9", "--seed", "11"];
        Succeed(["run", scenario, .. common, "--threads", "2", "--format", "parquet", "--out", temp.Sub("single")]);
        Succeed(["run", scenario, .. common, "--threads", "1", "--shard", "1/2", "--out", temp.Sub("shard1")]);
        Succeed(["run", scenario, .. common, "--threads", "1", "--shard", "2/2", "--out", temp.Sub("shard2")]);
        Assert.False(File.Exists(Path.Combine(temp.Sub("shard1"), "replications.parquet")), "a shard wrote results of its own");
        Succeed("merge", temp.Sub("shard2"), temp.Sub("shard1"), "--format", "parquet", "--out", temp.Sub("merged"));

        foreach (string name in new[] { "replications.parquet", "daily.parquet" })
        {
            string merged = Path.Combine(temp.Sub("merged"), name);
            Assert.True(File.Exists(merged), $"merge --format parquet did not write {name}");
            Assert.True(File.ReadAllBytes(Path.Combine(temp.Sub("single"), name)).AsSpan().SequenceEqual(File.ReadAllBytes(merged)),
                $"{name} of the merged shards differs from that of a single run");
        }
        ResultFiles.AssertIdentical(temp.Sub("single"), temp.Sub("merged"));
        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("merged"), "manifest.json"))))
        {
            string[] outputs = manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Contains("replications.parquet", outputs);
            Assert.Contains("daily.parquet", outputs);
        }

        // The merged Parquet rows hold the values of the merged CSV (not only the same bytes as another Parquet file).
        CsvFile csv = CsvFile.Read(Path.Combine(temp.Sub("merged"), "replications.csv"));
        await using var reader = await Parquet.ParquetReader.CreateAsync(Path.Combine(temp.Sub("merged"), "replications.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(csv.Rows.Count, group.RowCount);
        var fields = reader.Schema.GetDataFields();
        var replication = new long[group.RowCount];
        await group.ReadAsync<long>(fields.Single(f => f.Name == "replication"), replication);
        var arrivals = new double[group.RowCount];
        await group.ReadAsync<double>(fields.Single(f => f.Name == "arrivals_uk"), arrivals);
        for (int i = 0; i < csv.Rows.Count; i++)
        {
            Assert.Equal(csv.Cell(csv.Rows[i], "replication"), replication[i].ToString(CultureInfo.InvariantCulture));
            Assert.Equal(csv.Number(csv.Rows[i], "arrivals_uk"), arrivals[i]);
        }
        Assert.True(arrivals.Distinct().Count() > 1, "every replication had the same arrivals: nothing was compared");
    }

    [Fact]
    public void MergingWithoutFormatParquetWritesNoParquetFiles()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        Succeed("run", scenario, "--replications", "4", "--shard", "1/1", "--keep-checkpoint", "--out", temp.Sub("shard"));
        Succeed("merge", temp.Sub("shard"), "--out", temp.Sub("merged"));
        Assert.True(File.Exists(Path.Combine(temp.Sub("merged"), "replications.csv")));
        Assert.False(File.Exists(Path.Combine(temp.Sub("merged"), "replications.parquet")));
    }
}
