using System.Globalization;
using Simulation.Cli;
using Simulation.Core.Calibration;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Calibration;

/// <summary>
/// calibrate end to end on a tiny file (two parameters, two 2022 targets, 8 + 6 points, 2 replications):
/// the documented columns, implausibilities that follow from the stored means, the same bytes for any
/// thread count, after a resume, and from shards merged.
/// </summary>
[Trait("Category", "Calibration")]
public class CalibrateCommandTests
{
    internal const string Yaml = """
        name: tiny
        description: two parameters against two 2022 figures
        scenarios:
          - year-2022.yaml
        targets:
          - name: arrivals_2022
            scenario: year-2022.yaml
            metric: arrivals_uk
            year: 2022
            observed: 45774
            observation_sd: 460
            discrepancy_sd: 2300
            source: 2022 small_boat_arrivals
          - name: deaths_2022
            scenario: year-2022.yaml
            metric: deaths
            year: 2022
            observed: 16
            observation_sd: 5.5
            discrepancy_sd: 4.8
            source: 2022 deaths_channel_iom
        parameters:
          - key: french.beach.max_prevention_probability
            range: [0.5, 0.85]
            reason: test range
          - key: harm.crowding_level_people
            range: [35, 60]
            reason: test range
        design:
          method: latin_hypercube
          wave1_points: 8
          points_per_wave: 6
          max_waves: 2
          target_plausible: 1000
          replications: 2
          cutoff: 3
          rule: max
          seed: 7
        """;

    /// <summary>Every output that must not depend on how the calibration was run (manifest.json records that).</summary>
    private static readonly string[] Compared =
    [
        "waves.csv", "plausible.csv", "calibration.json", "report.html",
        "plots/calibration_implausibility.png", "plots/calibration_pairs.png", "plots/calibration_targets.png",
        "plots/calibration_implausibility.svg", "plots/calibration_pairs.svg", "plots/calibration_targets.svg",
    ];

    internal static string Setup(TempDirectory temp, string yaml = Yaml) => WriteTiny(temp.Path, "tiny.yaml", yaml);

    /// <summary>
    /// Writes <paramref name="yaml"/> as <paramref name="fileName"/> into <paramref name="directory"/>, next to
    /// copies of what it refers to (year-2022.yaml extends baseline-2024.yaml; the loader checks every
    /// target's source in calibration-targets.csv); returns the file's path.
    /// </summary>
    internal static string WriteTiny(string directory, string fileName, string yaml)
    {
        Directory.CreateDirectory(directory);
        string scenarios = Path.Combine(RepositoryPaths.Root(), "scenarios");
        File.Copy(Path.Combine(scenarios, "year-2022.yaml"), Path.Combine(directory, "year-2022.yaml"));
        File.Copy(Path.Combine(scenarios, "baseline-2024.yaml"), Path.Combine(directory, "baseline-2024.yaml"));
        File.Copy(Path.Combine(scenarios, "calibration", "calibration-targets.csv"), Path.Combine(directory, "calibration-targets.csv"));
        string file = Path.Combine(directory, fileName);
        File.WriteAllText(file, yaml);
        return file;
    }

    internal static void AssertSameOutputs(string expected, string actual)
    {
        foreach (string name in Compared)
        {
            string a = Path.Combine(expected, name), b = Path.Combine(actual, name);
            Assert.True(File.Exists(b), $"{b} is missing");
            Assert.True(File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b)), $"{name} differs between {expected} and {actual}");
        }
    }

    [Fact]
    public void FilesColumnsAndImplausibilitiesFollowTheDocumentedFormat()
    {
        using var temp = new TempDirectory();
        string file = Setup(temp);
        var (code, stdout, err) = Invoke("calibrate", file, "--threads", "2", "--out", temp.Sub("out"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("wave 1: 8 point(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("wave 2: 6 point(s)", stdout, StringComparison.Ordinal);
        Assert.Contains("stopped: max_waves_reached", stdout, StringComparison.Ordinal);
        foreach (string name in Compared.Append("manifest.json")) Assert.True(File.Exists(Path.Combine(temp.Sub("out"), name)), name);
        Assert.False(Directory.Exists(Path.Combine(temp.Sub("out"), "checkpoint")), "a complete calibration keeps no checkpoint");

        string[] waves = File.ReadAllLines(Path.Combine(temp.Sub("out"), "waves.csv"));
        string[] header = waves[0].Split(',');
        Assert.Equal(
            "wave,point,french.beach.max_prevention_probability,harm.crowding_level_people,mean_arrivals_2022,mean_deaths_2022,sd_arrivals_2022,sd_deaths_2022," +
            "I_arrivals_2022,I_deaths_2022,max_I,second_max_I,non_implausible,confirm_mean_arrivals_2022,confirm_mean_deaths_2022," +
            "confirm_sd_arrivals_2022,confirm_sd_deaths_2022,robust_I_arrivals_2022,robust_I_deaths_2022,confirmed", waves[0]);
        Assert.Equal(1 + 8 + 6, waves.Length);
        int Col(string name) => Array.IndexOf(header, name);
        double Num(string[] row, string name) => double.Parse(row[Col(name)], CultureInfo.InvariantCulture);
        int confirmed = 0;
        foreach (string line in waves.Skip(1))
        {
            string[] row = line.Split(',');
            // I = |obs − mean| / √(obs_sd² + disc_sd² + s²/n), n = 2, recomputed here from the file's own columns.
            double iArrivals = Math.Abs(45774 - Num(row, "mean_arrivals_2022")) / Math.Sqrt(460.0 * 460 + 2300.0 * 2300 + Math.Pow(Num(row, "sd_arrivals_2022"), 2) / 2);
            double iDeaths = Math.Abs(16 - Num(row, "mean_deaths_2022")) / Math.Sqrt(5.5 * 5.5 + 4.8 * 4.8 + Math.Pow(Num(row, "sd_deaths_2022"), 2) / 2);
            Assert.Equal(iArrivals, Num(row, "I_arrivals_2022"), 1e-9);
            Assert.Equal(iDeaths, Num(row, "I_deaths_2022"), 1e-9);
            Assert.Equal(Math.Max(iArrivals, iDeaths), Num(row, "max_I"), 1e-9);
            Assert.Equal(Math.Min(iArrivals, iDeaths), Num(row, "second_max_I"), 1e-9);
            Assert.Equal(Math.Max(iArrivals, iDeaths) <= 3 ? "true" : "false", row[Col("non_implausible")]);
            // The whole-number key is written as a whole number.
            Assert.Matches("^[0-9]+$", row[Col("harm.crowding_level_people")]);
            if (row[Col("confirmed")] == "true")
            {
                confirmed++;
                double robust = (Math.Abs(45774 - Num(row, "confirm_mean_arrivals_2022")) + 3 * Num(row, "confirm_sd_arrivals_2022") / Math.Sqrt(20)) / Math.Sqrt(460.0 * 460 + 2300.0 * 2300);
                Assert.Equal(robust, Num(row, "robust_I_arrivals_2022"), 1e-9);
                Assert.True(robust <= 3);
            }
        }
        string[] plausible = File.ReadAllLines(Path.Combine(temp.Sub("out"), "plausible.csv"));
        Assert.Equal("set_id,french.beach.max_prevention_probability,harm.crowding_level_people", plausible[0]);
        Assert.Equal(confirmed, plausible.Length - 1);
        string json = File.ReadAllText(Path.Combine(temp.Sub("out"), "calibration.json"));
        Assert.Contains("\"share_of_space_ruled_out\"", json, StringComparison.Ordinal);
        Assert.Contains("\"stopping_reason\": \"max_waves_reached\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metric\": \"arrivals_uk\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scenario\": \"year-2022.yaml\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void OneAndTwoThreadsWriteTheSameBytes()
    {
        using var temp = new TempDirectory();
        string file = Setup(temp);
        Succeed("calibrate", file, "--threads", "1", "--out", temp.Sub("one"));
        Succeed("calibrate", file, "--threads", "2", "--out", temp.Sub("two"));
        AssertSameOutputs(temp.Sub("one"), temp.Sub("two"));
    }

    [Fact]
    public void AKilledCalibrationResumesToTheBytesOfAnUninterruptedOne()
    {
        using var temp = new TempDirectory();
        string file = Setup(temp);
        Succeed("calibrate", file, "--threads", "1", "--out", temp.Sub("reference"));

        // As after SIGKILL in wave 2: the checkpoint holds wave 1 and part of wave 2, its last row torn; no results.
        CalibrationSpec spec = CalibrationFileLoader.Load(file).Spec!;
        string identity = CalibrationOutputs.Identity(spec, CalibrationSettings.From(spec, 1));
        string[] rows = File.ReadAllLines(Path.Combine(temp.Sub("reference"), "waves.csv"));
        string killed = temp.Sub("killed");
        string checkpoint = CalibrationCheckpoint.PathIn(killed);
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        string kept = CalibrationCheckpoint.FirstLine(identity, "all") + "\n" + string.Join("\n", rows[..11]) + "\n" + rows[11][..(rows[11].Length / 2)];
        File.WriteAllText(checkpoint, kept);

        var (code, _, err) = Invoke("calibrate", file, "--threads", "1", "--out", killed);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--resume", err, StringComparison.Ordinal);
        (code, _, err) = Invoke("calibrate", file, "--threads", "1", "--out", killed, "--resume", "--seed", "8");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("cannot resume", err, StringComparison.Ordinal);

        (code, _, err) = Invoke("calibrate", file, "--threads", "2", "--out", killed, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("10 point(s) taken from the checkpoint", err, StringComparison.Ordinal);
        AssertSameOutputs(temp.Sub("reference"), killed);
        Assert.False(File.Exists(checkpoint), "the checkpoint outlived the completed calibration");
        (code, _, err) = Invoke("calibrate", file, "--out", killed, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("nothing to resume", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MergedShardsEqualTheUnshardedWaves()
    {
        using var temp = new TempDirectory();
        string file = Setup(temp);
        Succeed("calibrate", file, "--max-waves", "1", "--out", temp.Sub("wave1-local"));
        Succeed("calibrate", file, "--wave", "1", "--shard", "1/2", "--threads", "1", "--out", temp.Sub("s1"));
        Succeed("calibrate", file, "--wave", "1", "--shard", "2/2", "--threads", "2", "--out", temp.Sub("s2"));
        // Shards in any order; a missing shard is refused.
        var (code, _, err) = Invoke("merge", temp.Sub("s2"), "--out", temp.Sub("bad"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("shard 1/2 is missing", err, StringComparison.Ordinal);
        Succeed("merge", temp.Sub("s2"), temp.Sub("s1"), "--out", temp.Sub("wave1"));
        AssertSameOutputs(temp.Sub("wave1-local"), temp.Sub("wave1"));

        // Wave 2 from the merged wave 1, in three shards, equals the unsharded two-wave calibration.
        Succeed("calibrate", file, "--out", temp.Sub("two-waves"));
        for (int k = 1; k <= 3; k++)
        {
            Succeed("calibrate", file, "--wave", "2", "--shard", $"{k}/3", "--from", temp.Sub("wave1"), "--out", temp.Sub($"w2s{k}"));
        }
        Succeed("merge", temp.Sub("w2s1"), temp.Sub("w2s2"), temp.Sub("w2s3"), "--out", temp.Sub("wave2"));
        AssertSameOutputs(temp.Sub("two-waves"), temp.Sub("wave2"));
    }

    [Fact]
    public void BadOptionsAndFilesExitWithTwoAndWriteNothing()
    {
        using var temp = new TempDirectory();
        string file = Setup(temp);
        var cases = new[]
        {
            new[] { "calibrate", file, "--wave", "2", "--shard", "1/2", "--out", temp.Sub("x") },
            new[] { "calibrate", file, "--wave", "1", "--out", temp.Sub("x") },
            new[] { "calibrate", file, "--shard", "3/2", "--wave", "1", "--out", temp.Sub("x") },
            new[] { "calibrate", file, "-r", "1", "--out", temp.Sub("x") },
            new[] { "calibrate", temp.Sub("missing.yaml"), "--out", temp.Sub("x") },
        };
        foreach (string[] args in cases)
        {
            var (code, _, err) = Invoke(args);
            Assert.True(code == ExitCodes.InvalidInput, string.Join(' ', args) + " → " + code + "\n" + err);
            Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(temp.Sub("x")));
        File.WriteAllText(temp.Sub("bad.yaml"), Yaml.Replace("range: [35, 60]", "range: [60, 35]", StringComparison.Ordinal));
        var (badCode, _, badErr) = Invoke("calibrate", temp.Sub("bad.yaml"), "--out", temp.Sub("x"));
        Assert.Equal(ExitCodes.InvalidInput, badCode);
        Assert.Contains("bad.yaml", badErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("x")));
    }
}
