using System.Diagnostics;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Cli;

[Trait("Category", "Process")]
public class ShardProcessTests
{
    [Fact]
    public async Task FourShardProcessesMergeIntoTheBytesOfASingleRun()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        var (code, err) = CliProcess.Run("run", scenario, "--replications", "8", "--seed", "7", "--threads", "2", "--out", temp.Sub("single"));
        Assert.True(code == 0, err);
        // stderr is a pipe here, so progress must be plain lines without terminal escape codes.
        Assert.Contains("8/8 replications", err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', err);
        var shards = new List<string>();
        var processes = Enumerable.Range(1, 4).Select(k => Task.Run(() =>
        {
            string directory = temp.Sub("shard" + k);
            lock (shards) shards.Add(directory);
            return CliProcess.Run("run", scenario, "--replications", "8", "--seed", "7", "--threads", "1", "--out", directory, "--shard", $"{k}/4");
        })).ToArray();
        foreach (var result in await Task.WhenAll(processes)) Assert.True(result.Code == 0, result.Err);
        shards.Sort(StringComparer.Ordinal);
        (code, err) = CliProcess.Run(["merge", .. shards, "--out", temp.Sub("merged")]);
        Assert.True(code == 0, err);
        ResultFiles.AssertIdentical(temp.Sub("single"), temp.Sub("merged"));
    }

    [Fact]
    public void AnInvalidScenarioExitsWithTwoThroughTheRealProcess()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("bad.yaml");
        File.WriteAllText(scenario, RealModelScenario.TinyYaml.Replace("horizon_days: 10", "horizon_days: -10", StringComparison.Ordinal));
        var (code, err) = CliProcess.Run("run", scenario, "--out", temp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Contains("horizon_days", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }
}

[Trait("Category", "Process")]
public class CliProcessTests
{
    [Fact]
    public void TheRealExecutableMapsUsageErrorsToExitCodeTwo()
    {
        using var temp = new TempDirectory();
        var (code, err) = CliProcess.Run("run", temp.Sub("missing.yaml"), "--out", temp.Sub("out"));
        Assert.Equal(2, code);
        Assert.Contains("missing.yaml", err, StringComparison.Ordinal);
        (code, err) = CliProcess.Run("merge", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("--out", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public async Task SigintWritesPartialResultsExitsThreeAndResumeCompletesByteIdentically()
    {
        using var temp = new TempDirectory();
        // 120 days × 1,000 replications keeps one thread busy for over a second; the signal is sent as soon
        // as the checkpoint holds its first replication, well before the end.
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 120);
        var (code, err) = CliProcess.Run("run", scenario, "--replications", "1000", "--seed", "7", "--threads", "2", "--out", temp.Sub("single"));
        Assert.True(code == 0, err);

        var start = CliProcess.StartInfo("run", scenario, "--replications", "1000", "--seed", "7", "--threads", "1", "--out", temp.Sub("interrupted"));
        using (Process process = Process.Start(start)!)
        {
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            // Wait for the first finished replications to reach the checkpoint, then press Ctrl+C.
            string checkpoint = Path.Combine(temp.Sub("interrupted"), "checkpoint", "replications.ckpt");
            bool progressed = ProcessSignals.WaitFor(process, () => File.Exists(checkpoint) && new FileInfo(checkpoint).Length >= 4096, TimeSpan.FromSeconds(30));
            string disposition = process.HasExited ? "unknown (exited)" : ProcessSignals.Disposition(process.Id, ProcessSignals.SigInt);
            int rowsAtSignal = ProcessSignals.CheckpointRows(checkpoint);
            bool sent = progressed && ProcessSignals.Send(process, "INT");
            await process.WaitForExitAsync();
            _ = await stdout;
            string errors = await stderr;
            string what = $"SIGINT {(sent ? "was sent" : "was not sent")} with {rowsAtSignal} of 1000 replications in the checkpoint; " +
                $"the child's SIGINT disposition was {disposition} ({ProcessSignals.OwnDispositions()}); exit code {process.ExitCode}";
            if (!sent) Assert.Fail($"the run ended before it could be interrupted: {what}. Raise --replications so the signal lands mid-run.\n{errors}");
            if (process.ExitCode == 0)
            {
                Assert.Fail(disposition == "ignored"
                    ? $"the child ignored SIGINT, so the run went on to the end: {what}. The signal was inherited as ignored; CliProcess.StartInfo must reset it."
                    : $"the run completed although SIGINT was sent mid-run: {what}.\n{errors}");
            }
            Assert.True(process.ExitCode == 3, $"expected exit code 3 (interrupted): {what}\n{errors}");
        }
        string manifest = File.ReadAllText(Path.Combine(temp.Sub("interrupted"), "manifest.json"));
        Assert.Contains("\"status\": \"partial\"", manifest, StringComparison.Ordinal);

        (code, err) = CliProcess.Run("run", scenario, "--replications", "1000", "--seed", "7", "--threads", "2", "--out", temp.Sub("interrupted"), "--resume");
        Assert.True(code == 0, err);
        ResultFiles.AssertIdentical(temp.Sub("single"), temp.Sub("interrupted"));
    }
}

/// <summary>Runs the built channelsim.dll as a separate process.</summary>
internal static class CliProcess
{
    private static readonly Lazy<bool> ResetsSignals = new(() =>
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/env")) return false;
        try
        {
            using Process probe = Process.Start(new ProcessStartInfo("/usr/bin/env", ["--default-signal=INT,TERM", "true"])
            { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
            probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        // The Cli project is referenced by the tests, so channelsim.dll and its runtimeconfig sit next to this assembly.
        string dll = Path.Combine(AppContext.BaseDirectory, "channelsim.dll");
        Assert.True(File.Exists(dll), "channelsim.dll not found next to the test assembly: " + dll);
        // A test run started in the background by a non-interactive shell ('dotnet test ... &') inherits
        // SIGINT as ignored, and an ignored signal stays ignored across exec, so the child would never
        // see Ctrl+C (the .NET runtime leaves an inherited-ignored SIGINT alone). GNU env (coreutils
        // 8.31 or later, as on Debian 12) resets SIGINT and SIGTERM to their default before it execs
        // dotnet, so the child installs its own handlers whatever the test run inherited.
        var start = new ProcessStartInfo(ResetsSignals.Value ? "/usr/bin/env" : "dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (ResetsSignals.Value)
        {
            start.ArgumentList.Add("--default-signal=INT,TERM");
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add(dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    public static (int Code, string Err) Run(params string[] args)
    {
        using Process process = Process.Start(StartInfo(args))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr);
    }
}
