using Simulation.Cli;
using Simulation.Core.Experiments;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// A sweep checkpoints its replications like a run: an interrupted or killed sweep continues with
/// --resume to the bytes of an uninterrupted one; the checkpoint goes once the sweep is complete.
/// </summary>
public class SweepResumeTests
{
    private const string Yaml = "schema_version: 1\nname: short\nexperiment:\n  replications: 6\n  seed: 11\ncalendar:\n  horizon_days: 15\n";
    private static readonly string[] Files = ["sweep_points.csv", "sweep.csv", "sensitivity.csv"];

    private static string[] Sweep(string scenario, string directory, params string[] extra) =>
        ["sweep", scenario, "--vary", "demand.new_arrivals_rate_per_day=60:150:3", "--threads", "1", "--out", directory, .. extra];

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void AKilledSweepResumesToTheBytesOfAnUninterruptedOne()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("short.yaml");
        File.WriteAllText(scenario, Yaml);
        Succeed(Sweep(scenario, temp.Sub("reference")));
        Assert.False(Directory.Exists(Path.Combine(temp.Sub("reference"), "checkpoint")), "a complete sweep keeps no checkpoint");

        string killed = temp.Sub("killed");
        Succeed(Sweep(scenario, killed, "--keep-checkpoint"));
        string checkpoint = ExperimentSession.CheckpointPath(killed);
        Assert.True(File.Exists(checkpoint));
        // As after SIGKILL mid-sweep: no results, the checkpoint cut in the middle of a row.
        foreach (string file in Directory.GetFiles(killed)) File.Delete(file);
        byte[] bytes = File.ReadAllBytes(checkpoint);
        File.WriteAllBytes(checkpoint, bytes[..(bytes.Length / 2)]);

        // Without --resume the unfinished sweep is refused, pointing at --resume; nothing changes.
        var (code, _, err) = Invoke(Sweep(scenario, killed));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
        Assert.Equal(bytes.Length / 2, new FileInfo(checkpoint).Length);
        // Other settings are refused.
        (code, _, err) = Invoke(Sweep(scenario, killed, "--resume", "--seed", "12"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("cannot resume", err, StringComparison.Ordinal);

        (code, _, err) = Invoke(Sweep(scenario, killed, "--resume"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("taken from the checkpoint", err, StringComparison.Ordinal);
        foreach (string file in Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.Sub("reference"), file)), File.ReadAllBytes(Path.Combine(killed, file)));
        }
        Assert.False(File.Exists(checkpoint), "the checkpoint outlived the completed sweep");

        // A complete sweep: --resume has nothing to do; a new run is refused without suggesting --resume.
        (code, _, err) = Invoke(Sweep(scenario, killed, "--resume"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("nothing to resume", err, StringComparison.Ordinal);
        (code, _, err) = Invoke(Sweep(scenario, killed));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--force", err, StringComparison.Ordinal);
        Assert.DoesNotContain("--resume", err, StringComparison.Ordinal);
        (code, _, err) = Invoke(Sweep(scenario, killed, "--resume", "--replications", "7"));
        Assert.Equal(ExitCodes.InvalidInput, code);
    }
}
