using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Tests.Experiments;
using Xunit.Abstractions;

namespace Simulation.Tests.Cli;

/// <summary>
/// Signals to the real process, as a scheduler or a user sends them (docs/EXPERIMENTS.md, "Ctrl+C /
/// SIGTERM"): SIGTERM stops as cleanly as Ctrl+C, keeping the finished prefix as partial results with
/// exit code 3; a second signal ends the process at once, without waiting for the replications in
/// hand. The children restore the default disposition of SIGINT and SIGTERM (see
/// <see cref="CliProcess.StartInfo"/>), so these tests hold when the test run itself was started in
/// the background.
/// </summary>
[Trait("Category", "Process")]
public class SignalProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermKeepsTheFinishedPrefixAsPartialResultsAndExitsThree()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 120);
        string outDirectory = temp.Sub("terminated");
        string checkpoint = Path.Combine(outDirectory, "checkpoint", "replications.ckpt");
        using Process process = Process.Start(CliProcess.StartInfo("run", scenario, "--replications", "3000", "--seed", "7", "--threads", "1", "--out", outDirectory))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        bool progressed = ProcessSignals.WaitFor(process, () => ProcessSignals.CheckpointRows(checkpoint) >= 1, TimeSpan.FromSeconds(60));
        string disposition = process.HasExited ? "unknown (exited)" : ProcessSignals.Disposition(process.Id, ProcessSignals.SigTerm);
        bool sent = progressed && ProcessSignals.Send(process, "TERM");
        await process.WaitForExitAsync();
        _ = await stdout;
        string errors = await stderr;
        string what = $"SIGTERM {(sent ? "sent" : "not sent")}, child's SIGTERM disposition {disposition} ({ProcessSignals.OwnDispositions()}), exit code {process.ExitCode}";
        output.WriteLine(what + "\n" + errors);
        Assert.True(sent, $"the run ended before SIGTERM could be sent mid-run: {what}; raise --replications");
        Assert.True(process.ExitCode != 0, $"the run completed although SIGTERM was sent mid-run: {what}\n{errors}");
        Assert.True(process.ExitCode == ExitCodes.Interrupted, $"expected exit code {ExitCodes.Interrupted}: {what}\n{errors}");
        Assert.Contains("interrupted", errors, StringComparison.Ordinal);

        // The prefix is kept, marked partial, and its rows are those of an uninterrupted run.
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "manifest.json")));
        Assert.Equal("partial", manifest.RootElement.GetProperty("status").GetString());
        long kept = manifest.RootElement.GetProperty("replications").GetInt64();
        Assert.InRange(kept, 1, 2999);
        using JsonDocument summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "summary.json")));
        Assert.Equal("interrupted", summary.RootElement.GetProperty("stopping_rule").GetString());
        CsvFile partial = CsvFile.Read(Path.Combine(outDirectory, "replications.csv"));
        Assert.Equal(kept, partial.Rows.Count);

        string reference = temp.Sub("reference");
        CliRun.Succeed("run", scenario, "--replications", kept.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--threads", "2", "--out", reference);
        CsvFile expected = CsvFile.Read(Path.Combine(reference, "replications.csv"));
        Assert.Equal(expected.Header, partial.Header);
        for (int i = 0; i < kept; i++) Assert.Equal(expected.Rows[i], partial.Rows[i]);
    }

    /// <summary>
    /// After the first Ctrl+C the run finishes the replication in hand and writes partial results;
    /// a second Ctrl+C must not wait for that. Replications here are long (ten variants of ten years
    /// of a crowded coast, seconds each on one thread), so a process that honoured only the first
    /// signal would still be running when the second arrives and would then write its partial
    /// results and exit 3 (checked: with the second signal intercepted like the first, this test
    /// fails with exit code 3).
    /// </summary>
    [Fact]
    public async Task ASecondSignalEndsTheProcessAtOnce()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("long.yaml");
        File.WriteAllText(scenario, LongReplicationsYaml);
        string outDirectory = temp.Sub("out");
        using Process process = Process.Start(CliProcess.StartInfo("run", scenario, "--replications", "40", "--threads", "1", "--out", outDirectory))!;
        var errors = new System.Text.StringBuilder();
        var stopping = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors) errors.AppendLine(e.Data);
            if (e.Data.Contains("stopping after", StringComparison.Ordinal)) stopping.TrySetResult();
        };
        process.BeginErrorReadLine();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string checkpoint = ExperimentCheckpoint(outDirectory);
        // The handlers are installed before the checkpoint is created; the first replication is then under way.
        bool started = ProcessSignals.WaitFor(process, () => File.Exists(checkpoint), TimeSpan.FromSeconds(60));
        Assert.True(started, "the run ended or never started its checkpoint:\n" + errors);
        Thread.Sleep(200);
        Assert.True(ProcessSignals.Send(process, "INT"), "the run ended before the first signal:\n" + errors);
        // The first signal is acknowledged on stderr; only then is the second one sent (two signals
        // sent together would merge into one pending signal).
        Task acknowledged = await Task.WhenAny(stopping.Task, Task.Delay(TimeSpan.FromSeconds(20)));
        if (acknowledged != stopping.Task || process.HasExited)
        {
            string disposition = process.HasExited ? "unknown (exited)" : ProcessSignals.Disposition(process.Id, ProcessSignals.SigInt);
            if (!process.HasExited) process.Kill();
            Assert.Fail($"the first SIGINT was not acknowledged while the run was still going (exited: {process.HasExited}; " +
                $"the child's SIGINT disposition: {disposition}; {ProcessSignals.OwnDispositions()}):\n{errors}");
        }
        // Signals within a second of the first count as one (timeout(1) sends SIGINT twice to the
        // process group), so the second, deliberate signal comes a little over a second later.
        Thread.Sleep(1300);
        var afterSecond = Stopwatch.StartNew();
        Assert.True(ProcessSignals.Send(process, "INT"), "the graceful stop finished before the second signal; lengthen the replications:\n" + errors);
        bool ended = process.WaitForExit(TimeSpan.FromSeconds(5));
        double seconds = afterSecond.Elapsed.TotalSeconds;
        if (!ended) process.Kill();
        process.WaitForExit();
        _ = await stdout;
        output.WriteLine($"exit {process.ExitCode} {seconds:F2} s after the second signal\n{errors}");
        Assert.True(ended, $"still running 5 s after the second SIGINT:\n{errors}");
        // Both ways end with exit 3 (interrupted); the abort says so and writes no results, while the
        // graceful way would finish the replication and write partial results.
        Assert.Equal(ExitCodes.Interrupted, process.ExitCode);
        Assert.True(errors.ToString().Contains("aborted; finished replications are kept in the checkpoint", StringComparison.Ordinal),
            $"the second signal did not abort the run:\n{errors}");
        Assert.False(File.Exists(Path.Combine(outDirectory, "summary.json")), "results were written after the second signal");
        Assert.False(File.Exists(Path.Combine(outDirectory, "manifest.json")) &&
            File.ReadAllText(Path.Combine(outDirectory, "manifest.json")).Contains("\"status\": \"complete\"", StringComparison.Ordinal));
    }

    // Ten years with ten times the 2024 flow onto the coast, in ten variants (a replication runs
    // every variant in turn): one replication takes seconds on one thread, and the first signal is
    // sent 0.2 s into the first one, so the graceful stop has most of it still to do.
    private static readonly string LongReplicationsYaml =
        "schema_version: 1\n" +
        "name: long-replications\n" +
        "description: Long replications, for the second-signal test.\n" +
        "experiment:\n" +
        "  replications: 40\n" +
        "  seed: 3\n" +
        "calendar:\n" +
        "  horizon_days: 3660\n" +
        "demand:\n" +
        "  new_arrivals_rate_per_day: 10000\n" +
        "smuggling:\n" +
        "  max_launches_per_night: 400\n" +
        "variants:\n" +
        string.Concat(Enumerable.Range(3, 9).Select(v => $"  vessels_{v}:\n    description: {v} Border Force vessels\n    uk.border_force.vessels: {v}\n"));

    private static string ExperimentCheckpoint(string directory) => Simulation.Core.Experiments.ExperimentSession.CheckpointPath(directory);
}
