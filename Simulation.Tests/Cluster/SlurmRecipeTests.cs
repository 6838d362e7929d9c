using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Simulation.Cli;
using Simulation.Tests.Cli;
using Simulation.Tests.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Cluster;

/// <summary>
/// Submits docs/cluster/submit.sh, the very script and recipes docs/CLUSTER.md shows (ClusterRecipeDocsTests checks
/// that), to a real single-node Slurm: the shard array, then the merge with --dependency=afterok. The merged files
/// must equal a local unsharded run byte for byte (manifest.json aside, which records times and the shards).
/// </summary>
[Trait("Category", "Slurm")]
public sealed class SlurmRecipeTests(SlurmClusterFixture fixture, ITestOutputHelper log) : IClassFixture<SlurmClusterFixture>
{
    private const int Shards = 4;
    private static readonly TimeSpan JobsLimit = TimeSpan.FromMinutes(8);

    [SkippableFact]
    public void TheRunRecipesOnSlurmMergeIntoTheBytesOfALocalUnshardedRun()
    {
        SingleNodeSlurm cluster = fixture.Cluster();
        log.WriteLine(cluster.Log);
        string scenario = Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");
        string outRoot = Path.Combine(cluster.Root, "run");
        var environment = RecipeEnvironment(outRoot);
        environment["SCENARIO"] = scenario;
        environment["REPLICATIONS"] = "16";
        environment["SEED"] = "7";

        string merged = SubmitAndWait(cluster, "run", environment, outRoot);

        string local = Path.Combine(cluster.Root, "local-run");
        var clock = Stopwatch.StartNew();
        var (code, err) = CliProcess.Run("run", scenario, "--replications", "16", "--seed", "7", "--threads", "2", "--out", local);
        Assert.True(code == 0, err);
        log.WriteLine($"local unsharded run: {clock.Elapsed.TotalSeconds:0.0} s");
        AssertSameOutputs(local, merged, mustInclude: ["summary.json", "summary.csv", "replications.csv", "daily.csv", "comparison.csv"]);
    }

    [SkippableFact]
    public void OneCalibrationWaveOnSlurmMergesIntoTheBytesOfALocalSingleWaveCalibration()
    {
        Command? calibrate = CliApp.BuildRootCommand().Subcommands.FirstOrDefault(c => c.Name == "calibrate");
        Skip.If(calibrate is null, "this channelsim has no calibrate command yet, so there is no calibration wave to shard");
        // Once calibrate exists, its sharding contract is required, not optional.
        foreach (string option in new[] { "--wave", "--shard", "--max-waves", "--out", "--threads" })
        {
            Assert.True(calibrate!.Options.Any(o => o.Name == option || o.Aliases.Contains(option)),
                $"calibrate has no {option}; the calibration wave recipe (docs/cluster/calibration-wave.sbatch) needs it");
        }
        // The same options go to the shards and to the local run.
        string options = Environment.GetEnvironmentVariable("CHANNELSIM_SLURM_CALIBRATE_OPTIONS") ?? "--seed 11";

        SingleNodeSlurm cluster = fixture.Cluster();
        // A tiny design keeps the test short; CHANNELSIM_SLURM_CALIBRATION may name a real file instead (the shipped one takes minutes).
        string file = Environment.GetEnvironmentVariable("CHANNELSIM_SLURM_CALIBRATION") is { Length: > 0 } chosen
            ? Path.GetFullPath(chosen)
            : TinyCalibration.Write(Path.Combine(cluster.Root, "calibration-input"));
        Assert.True(File.Exists(file), "calibration file not found: " + file);
        log.WriteLine(cluster.Log);
        string outRoot = Path.Combine(cluster.Root, "calibration");
        var environment = RecipeEnvironment(outRoot);
        environment["CALIBRATION"] = file;
        environment["WAVE"] = "1";
        environment["CALIBRATE_OPTIONS"] = options;

        string merged = SubmitAndWait(cluster, "calibration", environment, Path.Combine(outRoot, "wave-1"));

        string local = Path.Combine(cluster.Root, "local-calibration");
        var clock = Stopwatch.StartNew();
        var (code, err) = CliProcess.Run(["calibrate", file, "--max-waves", "1", "--threads", "2", "--out", local,
            .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);
        Assert.True(code == 0, err);
        log.WriteLine($"local calibrate --max-waves 1: {clock.Elapsed.TotalSeconds:0.0} s");
        AssertSameOutputs(local, merged, mustInclude: ["waves.csv", "plausible.csv", "calibration.json"]);
    }

    /// <summary>Settings shared by both recipes: channelsim as built next to the tests, small jobs that fit the one node.</summary>
    private static Dictionary<string, string> RecipeEnvironment(string outRoot) => new(StringComparer.Ordinal)
    {
        ["CHANNELSIM"] = "dotnet " + Path.Combine(AppContext.BaseDirectory, "channelsim.dll"),
        ["SHARDS"] = Shards.ToString(CultureInfo.InvariantCulture),
        ["OUT_ROOT"] = outRoot,
        ["CPUS_PER_SHARD"] = "1",
        ["MEM_PER_SHARD"] = "600M",
        ["TIME_PER_SHARD"] = "00:15:00",
        ["MERGE_MEM"] = "600M",
        ["MERGE_TIME"] = "00:15:00",
    };

    /// <summary>Runs submit.sh, waits for the array and the merge, checks both ended COMPLETED; returns the merged directory.</summary>
    private string SubmitAndWait(SingleNodeSlurm cluster, string kind, Dictionary<string, string> environment, string jobDirectory)
    {
        string submit = Path.Combine(RepositoryPaths.Root(), "docs", "cluster", "submit.sh");
        var clock = Stopwatch.StartNew();
        var (code, stdout, stderr) = cluster.Run("bash", [submit, kind], environment);
        Assert.True(code == 0, $"submit.sh {kind} failed ({code}):\n{stdout}\n{stderr}\n{cluster.Diagnostics()}");
        string[] ids = stdout.Trim().Split('\n')[^1].Split(' ');
        Assert.True(ids.Length == 2, "submit.sh's last line is not '<array job> <merge job>': " + stdout);
        string arrayJob = ids[0], mergeJob = ids[1];
        log.WriteLine($"{kind}: {stderr.Trim()}");

        while (true)
        {
            var queue = cluster.Run("squeue", ["-h", "-j", arrayJob + "," + mergeJob, "-o", "%i %T"]);
            if (queue.Code == 0 && queue.Out.Trim().Length == 0) break;
            var failed = JobStates(cluster, arrayJob, mergeJob).Where(s => s.State is not "COMPLETED").ToList();
            if (failed.Count > 0 || clock.Elapsed > JobsLimit)
            {
                cluster.Run("scancel", [arrayJob, mergeJob]);
                string what = failed.Count > 0 ? "jobs failed: " + string.Join(", ", failed.Select(f => $"{f.Job} {f.State}")) : $"jobs still queued after {JobsLimit.TotalMinutes:0} minutes: {queue.Out}";
                Assert.Fail($"{kind}: {what}\n{JobLogs(jobDirectory)}\n{cluster.Diagnostics()}");
            }
            Thread.Sleep(500);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        var states = JobStates(cluster, arrayJob, mergeJob);
        string summary = string.Join(", ", states.Select(s => $"{s.Job} {s.State}"));
        Assert.True(states.Count == Shards + 1 && states.All(s => s.State == "COMPLETED"),
            $"{kind}: expected {Shards} shard tasks and the merge COMPLETED, the scheduler recorded: {summary}\n{JobLogs(jobDirectory)}");
        log.WriteLine($"{kind}: submit to merged in {seconds:0.0} s; {summary}");
        string merged = Path.Combine(jobDirectory, "merged");
        Assert.True(Directory.Exists(merged), $"{kind}: no {merged}\n{JobLogs(jobDirectory)}");
        return merged;
    }

    /// <summary>The end state of each shard task and of the merge, from the scheduler's job completion log.</summary>
    private static List<(string Job, string State)> JobStates(SingleNodeSlurm cluster, string arrayJob, string mergeJob)
    {
        var states = new List<(string, string)>();
        if (!File.Exists(cluster.JobCompletionLog)) return states;
        foreach (string line in File.ReadAllLines(cluster.JobCompletionLog))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(f => f.Length == 2)
                .GroupBy(f => f[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            string job = fields.GetValueOrDefault("JobId", ""), state = fields.GetValueOrDefault("JobState", "");
            if (fields.GetValueOrDefault("ArrayJobId") == arrayJob) states.Add(($"shard task {fields.GetValueOrDefault("ArrayTaskId")}", state));
            else if (job == mergeJob) states.Add(("merge", state));
        }
        return states;
    }

    private static string JobLogs(string jobDirectory)
    {
        string logs = Path.Combine(jobDirectory, "logs");
        if (!Directory.Exists(logs)) return "(no job logs in " + logs + ")";
        return string.Join('\n', Directory.GetFiles(logs).Order(StringComparer.Ordinal)
            .Select(f => $"--- {Path.GetFileName(f)}:\n{string.Join('\n', File.ReadAllLines(f).TakeLast(30))}"));
    }

    /// <summary>
    /// Every file of the local run (manifest.json and checkpoints aside) exists in the merged directory with the same
    /// bytes, and the merged directory has no file the local run lacks (its job logs aside).
    /// </summary>
    private void AssertSameOutputs(string local, string merged, IReadOnlyList<string> mustInclude)
    {
        List<string> expected = OutputFiles(local), actual = OutputFiles(merged);
        Assert.True(expected.Count > 0, "the local run wrote no outputs in " + local);
        foreach (string name in mustInclude) Assert.Contains(name, expected);
        Assert.Equal(expected, actual);
        foreach (string name in expected)
        {
            byte[] a = File.ReadAllBytes(Path.Combine(local, name)), b = File.ReadAllBytes(Path.Combine(merged, name));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name} differs: {a.Length} bytes locally, {b.Length} merged from the Slurm shards");
            log.WriteLine($"identical: {name} ({a.Length} bytes, sha256 {Convert.ToHexStringLower(SHA256.HashData(a))[..16]})");
        }
    }

    private static List<string> OutputFiles(string directory) =>
        Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json" && !f.StartsWith("checkpoint/", StringComparison.Ordinal) && !f.StartsWith("logs/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
