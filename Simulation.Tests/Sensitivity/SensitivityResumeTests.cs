using Simulation.Cli;
using Simulation.Core.Experiments;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Sensitivity;

/// <summary>
/// A sensitivity analysis checkpoints its replications like a sweep: a killed analysis leaves no result
/// files, is refused without --resume, and continues with --resume to the bytes of an uninterrupted one.
/// </summary>
public class SensitivityResumeTests
{
    private const string Yaml = "schema_version: 1\nname: short\nexperiment:\n  replications: 6\n  seed: 11\ncalendar:\n  horizon_days: 15\n";
    private static readonly string[] Files = ["sensitivity.csv", "sensitivity_points.csv"];

    private static string[] Analysis(string scenario, string directory, params string[] extra) =>
        ["sensitivity", scenario, "-n", "8", "-r", "4", "--vary", "demand.new_arrivals_rate_per_day=60:150", "--vary", "demand.give_up_probability=0:0.2",
         "--threads", "1", "--out", directory, .. extra];

    [Fact]
    public void AKilledAnalysisResumesToTheBytesOfAnUninterruptedOne()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("short.yaml");
        File.WriteAllText(scenario, Yaml);
        Succeed(Analysis(scenario, temp.Sub("reference")));
        Assert.False(Directory.Exists(Path.Combine(temp.Sub("reference"), "checkpoint")), "a complete analysis keeps no checkpoint");

        string killed = temp.Sub("killed");
        Succeed(Analysis(scenario, killed, "--keep-checkpoint"));
        string checkpoint = ExperimentSession.CheckpointPath(killed);
        Assert.True(File.Exists(checkpoint));
        // As after SIGKILL mid-run: no results, the checkpoint cut in the middle of a row.
        foreach (string file in Directory.GetFiles(killed)) File.Delete(file);
        byte[] bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);

        var (code, _, err) = Invoke(Analysis(scenario, killed));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
        Assert.Equal(bytes.Length / 2, new FileInfo(checkpoint).Length);
        (code, _, err) = Invoke(Analysis(scenario, killed, "--resume", "--seed", "12"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("cannot resume", err, StringComparison.Ordinal);

        (code, _, err) = Invoke(Analysis(scenario, killed, "--resume"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("taken from the checkpoint", err, StringComparison.Ordinal);
        foreach (string file in Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("reference"), file)), File.ReadAllBytes(Path.Combine(killed, file)));
        }
        Assert.False(File.Exists(checkpoint), "the checkpoint outlived the completed analysis");

        (code, _, err) = Invoke(Analysis(scenario, killed, "--resume"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("nothing to resume", err, StringComparison.Ordinal);
        (code, _, err) = Invoke(Analysis(scenario, killed));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--force", err, StringComparison.Ordinal);
    }
}
