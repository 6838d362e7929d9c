using System.CommandLine;
using Simulation.Cli;
using Simulation.Cli.Commands.Merge;
using Simulation.Core.Experiments;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli.Commands;

/// <summary>merge takes run's output options with the same meaning, so a cluster recipe can pass the same flags to both.</summary>
public class MergeOptionsTests
{
    /// <summary>
    /// run's options that choose which replications are computed, or how: the shards fixed all of that before
    /// merge, so merge has no use for them. Every other option of run must exist on merge.
    /// </summary>
    private static readonly string[] RunOnlyOptions =
    [
        "--variant", "--replications", "--seed", "--threads", "--precision", "--metric", "--max-replications",
        "--shard", "--resume", "--keep-checkpoint", "--set",
        "--ensemble", // an ensemble run cannot be sharded (run refuses --shard with --ensemble), so merge never sees one
    ];

    [Fact]
    public void EveryOutputOptionOfRunIsAcceptedByMergeWithTheSameDescription()
    {
        RootCommand root = CliApp.BuildRootCommand();
        Command run = root.Subcommands.Single(c => c.Name == "run");
        Command merge = root.Subcommands.Single(c => c.Name == "merge");
        var checkedNames = new List<string>();
        foreach (Option option in run.Options)
        {
            if (option.Name.StartsWith("--help", StringComparison.Ordinal) || option.Name is "-h" or "-?" or "/?") continue;
            if (RunOnlyOptions.Contains(option.Name)) continue;
            Option? twin = merge.Options.FirstOrDefault(o => o.Name == option.Name);
            Assert.True(twin is not null, $"run accepts {option.Name} but merge does not; add it to merge, or to RunOnlyOptions with the reason it means nothing to merge");
            // --out and --force are worded for merge (its --out is required); the rest must read the same.
            if (option.Name is not ("--out" or "--force")) Assert.Equal(option.Description, twin!.Description);
            checkedNames.Add(option.Name);
        }
        string[] expected = ["--force", "--format", "--no-plots", "--out", "--plots", "--verbose"];
        Assert.Equal(expected, checkedNames.Order(StringComparer.Ordinal));
        Assert.Equal(MergeCommand.OutputOptionsSharedWithRun.Order(StringComparer.Ordinal), checkedNames.Where(n => n is not ("--out" or "--force")).Order(StringComparer.Ordinal));
        // The list must not hide an option run lost: every name in it is still an option of run.
        Assert.All(RunOnlyOptions, name => Assert.Contains(run.Options, o => o.Name == name));
    }

    [Fact]
    public void MergeWithNoPlotsWritesNoChartsWhileAPlainMergeOfAPolicyStudyDrawsThemAsRunWould()
    {
        using var temp = new TempDirectory();
        // Two variants (baseline, patrols): a policy study, for which run draws the charts by default.
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("s1"), replications: 6, shard: new ShardSpec(1, 2))).Status);
        Assert.Equal(SessionStatus.Complete, TestScenarios.Run(TestScenarios.Request(temp.Sub("s2"), replications: 6, shard: new ShardSpec(2, 2))).Status);

        var (code, _, err) = Invoke("merge", temp.Sub("s1"), temp.Sub("s2"), "--out", temp.Sub("quiet"), "--no-plots");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(temp.Sub("quiet"), "summary.json")), err);
        Assert.Empty(Directory.GetFiles(temp.Sub("quiet"), "*.png", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(temp.Sub("quiet"), "report.html")));

        (code, _, err) = Invoke("merge", temp.Sub("s1"), temp.Sub("s2"), "--out", temp.Sub("drawn"));
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(temp.Sub("drawn"), "report.html")), err);
        Assert.NotEmpty(Directory.GetFiles(temp.Sub("drawn"), "*.png", SearchOption.AllDirectories));
    }

    [Fact]
    public void MergeWithPlotsDrawsTheReportForASingleVariantAsRunDoes()
    {
        using var temp = new TempDirectory();
        var scenario = TestScenarios.Scenario("one", ("baseline", 0.0));
        TestScenarios.Run(TestScenarios.Request(temp.Sub("s1"), replications: 4, shard: new ShardSpec(1, 2), scenario: scenario));
        TestScenarios.Run(TestScenarios.Request(temp.Sub("s2"), replications: 4, shard: new ShardSpec(2, 2), scenario: scenario));

        var (code, _, err) = Invoke("merge", temp.Sub("s1"), temp.Sub("s2"), "--out", temp.Sub("plain"));
        Assert.True(code == 0, err);
        Assert.False(File.Exists(Path.Combine(temp.Sub("plain"), "report.html")));

        (code, _, err) = Invoke("merge", temp.Sub("s1"), temp.Sub("s2"), "--out", temp.Sub("forced"), "--plots");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(temp.Sub("forced"), "report.html")), err);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void MergeWithNoPlotsOfCalibrationShardsWritesTheCalibrationFilesWithoutCharts()
    {
        using var temp = new TempDirectory();
        string file = Cluster.TinyCalibration.Write(temp.Sub("input"));
        foreach (int k in new[] { 1, 2 })
        {
            var (shardCode, _, shardErr) = Invoke("calibrate", file, "--wave", "1", "--shard", $"{k}/2", "--threads", "2", "--out", temp.Sub("shard" + k));
            Assert.True(shardCode == 0, shardErr);
        }
        var (code, _, err) = Invoke("merge", temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("quiet"), "--no-plots");
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(temp.Sub("quiet"), "plausible.csv")), err);
        Assert.Empty(Directory.GetFiles(temp.Sub("quiet"), "*.png", SearchOption.AllDirectories));

        (code, _, err) = Invoke("merge", temp.Sub("shard1"), temp.Sub("shard2"), "--out", temp.Sub("drawn"));
        Assert.True(code == 0, err);
        Assert.NotEmpty(Directory.GetFiles(temp.Sub("drawn"), "*.png", SearchOption.AllDirectories));
        // Charts aside, the files are the same either way.
        foreach (string name in new[] { "waves.csv", "plausible.csv", "calibration.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("drawn"), name)), File.ReadAllBytes(Path.Combine(temp.Sub("quiet"), name)));
        }
    }
}
