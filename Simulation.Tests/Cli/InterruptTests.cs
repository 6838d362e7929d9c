using System.Diagnostics;
using System.Globalization;
using Simulation.Cli;
using Simulation.Cli.Commands;
using Simulation.Core.Experiments;
using Simulation.Tests.Experiments;
using Xunit.Abstractions;

namespace Simulation.Tests.Cli;

/// <summary>
/// Interrupting a run: one request delivered twice (as `timeout -s INT` and a terminal do) must
/// still write the partial results; a deliberate second signal aborts but leaves no lock and no
/// temporary files behind.
/// </summary>
public class InterruptTests(ITestOutputHelper log)
{
    [Fact]
    public void SignalsWithinASecondOfTheFirstAreOneRequestAndALaterOneAborts()
    {
        var policy = new SignalPolicy();
        Assert.Equal(SignalAction.Stop, policy.Next(TimeSpan.FromSeconds(10)));
        Assert.Equal(SignalAction.Duplicate, policy.Next(TimeSpan.FromSeconds(10.00001)));
        Assert.Equal(SignalAction.Duplicate, policy.Next(TimeSpan.FromSeconds(10.9)));
        Assert.Equal(SignalAction.Abort, policy.Next(TimeSpan.FromSeconds(11.2)));
        Assert.Equal(SignalAction.Abort, policy.Next(TimeSpan.FromSeconds(30)));

        // Until the window has passed, a duplicate may still come: the handlers must stay until then.
        var waiting = new SignalPolicy();
        Assert.Equal(TimeSpan.Zero, waiting.DuplicatesPossibleFor(TimeSpan.FromSeconds(5)));
        waiting.Next(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(0.75), waiting.DuplicatesPossibleFor(TimeSpan.FromSeconds(5.25)));
        Assert.Equal(TimeSpan.Zero, waiting.DuplicatesPossibleFor(TimeSpan.FromSeconds(6.5)));
    }

    [Fact]
    public void AnAbortRemovesOnlyThisProcesssLockAndTemporaryFiles()
    {
        using var temp = new TempDirectory();
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        string other = (Environment.ProcessId + 1).ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(temp.Sub("checkpoint"));
        File.WriteAllText(temp.Sub(OutputLock.FileName), pid + " " + Environment.MachineName + "\n");
        string[] ours = [temp.Sub(".summary.json." + pid + ".tmp"), Path.Combine(temp.Sub("checkpoint"), ".replications.ckpt." + pid + ".tmp")];
        string[] kept = [temp.Sub("summary.json"), temp.Sub(".daily.csv." + other + ".tmp"), Path.Combine(temp.Sub("checkpoint"), "replications.ckpt")];
        foreach (string file in ours.Concat(kept)) File.WriteAllText(file, "x");

        InterruptSignals.ReleaseOutputDirectory(temp.Path);
        Assert.False(File.Exists(temp.Sub(OutputLock.FileName)), "the lock outlived the abort");
        Assert.All(ours, file => Assert.False(File.Exists(file), file));
        Assert.All(kept, file => Assert.True(File.Exists(file), file));

        // Another run's lock is never removed.
        File.WriteAllText(temp.Sub(OutputLock.FileName), other + " " + Environment.MachineName + "\n");
        InterruptSignals.ReleaseOutputDirectory(temp.Path);
        Assert.True(File.Exists(temp.Sub(OutputLock.FileName)));
    }

    /// <summary>
    /// `timeout -s INT 3 channelsim run ...` signals the child and then its process group: before the
    /// fix the second copy was taken as "abort now" and the partial result was lost in about half the
    /// tries, leaving the lock behind. Two signals 50 ms apart are the deterministic form of the same.
    /// </summary>
    [Fact]
    public async Task ADuplicatedSigintStillWritesThePartialResultAndReleasesTheLock()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 120);
        string[] run = ["run", scenario, "--replications", "100000", "--seed", "7", "--threads", "1", "--no-plots"];
        for (int attempt = 0; attempt < 3; attempt++)
        {
            string directory = temp.Sub("timeout" + attempt.ToString(CultureInfo.InvariantCulture));
            // timeout runs env (which restores SIGINT's default), which runs dotnet; --preserve-status
            // returns channelsim's own exit code.
            var start = new ProcessStartInfo("timeout") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            string[] command = ["--preserve-status", "-s", "INT", "3", "env", "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "channelsim.dll"), .. run, "--out", directory];
            foreach (string arg in command)
            {
                start.ArgumentList.Add(arg);
            }
            (int code, string err) = await Finish(Process.Start(start)!);
            log.WriteLine($"timeout attempt {attempt}: exit {code}");
            AssertPartialAndReleased(directory, code, err);
        }

        string doubled = temp.Sub("doubled");
        using Process process = Process.Start(CliProcess.StartInfo([.. run, "--out", doubled]))!;
        Task<(int, string)> finished = Finish(process);
        string checkpoint = ExperimentSession.CheckpointPath(doubled);
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30) && (!File.Exists(checkpoint) || new FileInfo(checkpoint).Length < 4096)) Thread.Sleep(20);
        if (process.HasExited) Assert.Fail("the run ended before it could be interrupted: " + (await finished).Item2);
        Signal(process.Id);
        Thread.Sleep(50);
        Signal(process.Id);
        (int doubledCode, string doubledErr) = await finished;
        AssertPartialAndReleased(doubled, doubledCode, doubledErr);
    }

    /// <summary>A second signal well after the first ends the process whatever it is doing, and still leaves no lock or temporary file.</summary>
    [Fact]
    public async Task ASecondSigintAfterASecondEndsTheRunWithoutLeavingALock()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 120);
        string directory = temp.Sub("out");
        using Process process = Process.Start(CliProcess.StartInfo("run", scenario, "--replications", "300000", "--seed", "7", "--threads", "2",
            "--format", "parquet", "--no-plots", "--out", directory))!;
        Task<(int, string)> finished = Finish(process);
        string checkpoint = ExperimentSession.CheckpointPath(directory);
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30) && (!File.Exists(checkpoint) || new FileInfo(checkpoint).Length < 4096)) Thread.Sleep(20);
        if (process.HasExited) Assert.Fail("the run ended before it could be interrupted: " + (await finished).Item2);
        Signal(process.Id);
        Thread.Sleep(1200);
        // The first stop is usually done by now; when it is not, this one aborts.
        if (!process.HasExited) Signal(process.Id);
        (int code, string err) = await finished;
        log.WriteLine(err);
        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, OutputLock.FileName)), "the lock outlived the run");
        Assert.Empty(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories));
        string manifest = Path.Combine(directory, "manifest.json");
        if (File.Exists(manifest)) Assert.DoesNotContain("\"status\": \"complete\"", File.ReadAllText(manifest), StringComparison.Ordinal);
    }

    private static void AssertPartialAndReleased(string directory, int code, string err)
    {
        Assert.True(code == ExitCodes.Interrupted, $"exit {code} (3 expected: interrupted, partial results written)\n{err}");
        Assert.False(File.Exists(Path.Combine(directory, OutputLock.FileName)), "the lock outlived the run\n" + err);
        Assert.Contains("\"status\": \"partial\"", File.ReadAllText(Path.Combine(directory, "manifest.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "summary.json")), "no partial summary.json\n" + err);
        Assert.Empty(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories));
    }

    private static async Task<(int Code, string Err)> Finish(Process process)
    {
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(patience.Token);
        _ = await stdout;
        return (process.ExitCode, await stderr);
    }

    private static void Signal(int pid) =>
        Process.Start("kill", ["-INT", pid.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
}
