using System.Diagnostics;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Cli;

public class ShardProcessTests
{
    private static (int Code, string Err) RunCli(params string[] args)
    {
        // The Cli project is referenced by the tests, so channelsim.dll and its runtimeconfig sit next to this assembly.
        string dll = Path.Combine(AppContext.BaseDirectory, "channelsim.dll");
        Assert.True(File.Exists(dll), "channelsim.dll not found next to the test assembly: " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }

    [RealModelFact]
    public void FourShardProcessesMergeIntoTheBytesOfASingleRun()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        var (code, err) = RunCli("run", scenario, "--replications", "8", "--seed", "7", "--threads", "2", "--out", temp.Sub("single"));
        Assert.True(code == 0, err);
        var shards = new List<string>();
        var processes = Enumerable.Range(1, 4).Select(k => Task.Run(() =>
        {
            string directory = temp.Sub("shard" + k);
            lock (shards) shards.Add(directory);
            return RunCli("run", scenario, "--replications", "8", "--seed", "7", "--threads", "1", "--out", directory, "--shard", $"{k}/4");
        })).ToArray();
        foreach (var result in Task.WhenAll(processes).Result) Assert.True(result.Code == 0, result.Err);
        shards.Sort(StringComparer.Ordinal);
        (code, err) = RunCli(["merge", .. shards, "--out", temp.Sub("merged")]);
        Assert.True(code == 0, err);
        ResultFiles.AssertIdentical(temp.Sub("single"), temp.Sub("merged"));
    }

    [RealModelFact]
    public void AnInvalidScenarioExitsWithTwoThroughTheRealProcess()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("bad.yaml");
        File.WriteAllText(scenario, RealModelScenario.TinyYaml.Replace("horizon_days: 10", "horizon_days: -10", StringComparison.Ordinal));
        var (code, err) = RunCli("run", scenario, "--out", temp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Contains("horizon_days", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }
}
