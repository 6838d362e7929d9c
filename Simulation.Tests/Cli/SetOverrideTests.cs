using System.Text.Json;
using Simulation.Cli;
using Simulation.Core.Scenarios;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// --set key.path=value answers a one-off question without a new file: checked like the key in a
/// file (messages name "--set" instead of file:line), applied to every variant, recorded in the
/// manifest and in the scenario hash.
/// </summary>
public class SetOverrideTests
{
    private const string Yaml =
        "schema_version: 1\n" +
        "name: set-test\n" +
        "experiment:\n" +
        "  replications: 4\n" +
        "  seed: 7\n" +
        "calendar:\n" +
        "  horizon_days: 10\n" +
        "variants:\n" +
        "  fewer_give_up:\n" +
        "    demand:\n" +
        "      give_up_probability: 0.01\n";

    private static string Write(TempDirectory temp, string name = "set-test.yaml", string yaml = Yaml)
    {
        string path = temp.Sub(name);
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public void AnOverrideAppliesToEveryVariantAfterTheFileAndEntersTheHash()
    {
        using var temp = new TempDirectory();
        string path = Write(temp);
        ScenarioLoadResult plain = ScenarioLoader.Load(path, Array.Empty<string>());
        ScenarioLoadResult set = ScenarioLoader.Load(path, ["demand.give_up_probability=0.3", " uk.border_force.vessels = 8 "]);
        Assert.True(set.IsValid, string.Join("\n", set.Issues));
        Assert.All(set.Scenario!.Variants, v => Assert.Equal(0.3, v.Parameters.Number("demand.give_up_probability")));
        Assert.All(set.Scenario!.Variants, v => Assert.Equal(8, v.Parameters.Number("uk.border_force.vessels")));
        Assert.Equal(["demand.give_up_probability=0.3", "uk.border_force.vessels=8"], set.Scenario.Overrides.ToArray());
        Assert.NotEqual(plain.Scenario!.Sha256, set.Scenario.Sha256);
        // Without overrides the hash is the files' hash as before.
        Assert.Equal(ScenarioLoader.Load(path).Scenario!.Sha256, plain.Scenario.Sha256);
        Assert.Contains("# Command-line overrides (--set), applied to every variant: demand.give_up_probability=0.3 uk.border_force.vessels=8", set.Scenario.ResolvedYaml, StringComparison.Ordinal);
        // The resolved text loads again to the same values.
        ScenarioLoadResult again = ScenarioLoader.LoadText(set.Scenario.ResolvedYaml, "resolved.yaml");
        Assert.True(again.IsValid, string.Join("\n", again.Issues));
        Assert.Equal(0.3, again.Scenario!.Variants[1].Parameters.Number("demand.give_up_probability"));
    }

    [Theory]
    [InlineData("demand.give_up_probabilty=0.5", "--set demand.give_up_probabilty=0.5: is not a known key; did you mean 'demand.give_up_probability'?")]
    [InlineData("demand.give_up_probability=1.5", "--set demand.give_up_probability=1.5: must be a probability between 0 and 1")]
    [InlineData("demand.give_up_probability=abc", "--set demand.give_up_probability=abc: must be a probability between 0 and 1")]
    [InlineData("calendar.horizon_days=2.5", "--set calendar.horizon_days=2.5: must be a whole number")]
    [InlineData("demand.give_up_probability", "--set demand.give_up_probability=: must be written key.path=value")]
    [InlineData("demand=3", "--set demand=3: is a group of settings")]
    [InlineData("experiment.replications=3", "--set experiment.replications=3: is a scenario setting, not a model parameter")]
    [InlineData("demand.give_up_probability=[0.1, 0.2]", "--set demand.give_up_probability=[0.1, 0.2]: must be a single value")]
    public void ABadOverrideIsRefusedLikeTheKeyInAFileNamingSet(string assignment, string message)
    {
        using var temp = new TempDirectory();
        string path = Write(temp);
        foreach (string[] command in new[]
        {
            new[] { "run", path, "--out", temp.Sub("out") },
            new[] { "compare", path, Write(temp, "other.yaml", Yaml.Replace("name: set-test", "name: other", StringComparison.Ordinal)), "--out", temp.Sub("out") },
            new[] { "sweep", path, "--vary", "demand.new_arrivals_rate_per_day=80:130:2", "--out", temp.Sub("out") },
            new[] { "trace", path, "--replication", "0", "--out", temp.Sub("out/trace.csv") },
        })
        {
            var (code, _, err) = Invoke([.. command, "--set", assignment]);
            Assert.True(code == ExitCodes.InvalidInput, command[0] + ": " + err);
            Assert.Contains(message, err, StringComparison.Ordinal);
            Assert.DoesNotContain(":0:0", err, StringComparison.Ordinal);
            Assert.False(Directory.Exists(temp.Sub("out")), command[0] + " wrote its output directory");
        }
    }

    [Fact]
    public void RunCompareSweepAndTraceRecordTheOverridesAndAResumeWithOtherOverridesIsRefused()
    {
        using var temp = new TempDirectory();
        string path = Write(temp);
        string other = Write(temp, "other.yaml", Yaml.Replace("name: set-test", "name: other", StringComparison.Ordinal));
        const string Vessels = "uk.border_force.vessels=8";
        Succeed("run", path, "--set", Vessels, "--no-plots", "--out", temp.Sub("run"));
        Succeed("run", path, "--no-plots", "--out", temp.Sub("plain"));
        Succeed("compare", path, other, "--set", Vessels, "--no-plots", "--out", temp.Sub("compare"));
        Succeed("sweep", path, "--vary", "demand.new_arrivals_rate_per_day=80:130:2", "-r", "2", "--set", Vessels, "--out", temp.Sub("sweep"));
        Succeed("trace", path, "--replication", "1", "--set", Vessels, "--out", temp.Sub("trace.csv"));
        foreach (string manifest in new[] { temp.Sub("run/manifest.json"), temp.Sub("compare/manifest.json"), temp.Sub("sweep/manifest.json"), temp.Sub("trace.csv.manifest.json") })
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(manifest));
            JsonElement scenario = json.RootElement.GetProperty("scenario");
            Assert.Equal([Vessels], scenario.GetProperty("set").EnumerateArray().Select(e => e.GetString() ?? "").ToArray());
        }
        string Sha(string directory)
        {
            using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "manifest.json")));
            return json.RootElement.GetProperty("scenario").GetProperty("sha256").GetString()!;
        }
        Assert.NotEqual(Sha(temp.Sub("plain")), Sha(temp.Sub("run")));

        // Same --set: nothing to resume. Other or no --set: refused, saying why.
        Succeed("run", path, "--set", Vessels, "--no-plots", "--out", temp.Sub("run"), "--resume");
        var (code, _, err) = Invoke("run", path, "--set", "uk.border_force.vessels=9", "--no-plots", "--out", temp.Sub("run"), "--resume");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--set values differ", err, StringComparison.Ordinal);
        (code, _, err) = Invoke("run", path, "--no-plots", "--out", temp.Sub("run"), "--resume");
        Assert.Equal(ExitCodes.InvalidInput, code);

        // With the checkpoint kept, the checkpoint's identity refuses it too.
        Succeed("run", path, "--set", Vessels, "--no-plots", "--keep-checkpoint", "--out", temp.Sub("kept"));
        (code, _, err) = Invoke("run", path, "--set", "uk.border_force.vessels=9", "--no-plots", "--out", temp.Sub("kept"), "--resume");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("cannot resume", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverriddenKeyThatTheTimelineChangesLaterGetsANote()
    {
        using var temp = new TempDirectory();
        string path = Write(temp, yaml: Yaml + "timeline:\n  - date: 2024-01-05\n    set:\n      uk.border_force.vessels: 2\n");
        var (code, _, err) = Invoke("run", path, "--set", "uk.border_force.vessels=8", "--no-plots", "--out", temp.Sub("out"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("note: --set uk.border_force.vessels=8 holds in variant 'baseline' only until 2024-01-05", err, StringComparison.Ordinal);
    }
}
