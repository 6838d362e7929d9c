using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Experiments;

/// <summary>
/// Every shipped scenario at its own default seed against committed golden files, and the event
/// trace of one policy-comparison replication per variant: any change to the model, the random
/// streams, the statistics or the output format shows up here as a byte difference. Restructuring
/// the model must leave these files unchanged. Re-bless with CHANNELSIM_UPDATE_GOLDEN=1 only after
/// reviewing the diff (docs/RELIABILITY.md).
/// Category Golden: left out of mutation runs (a byte difference would kill every mutant without
/// saying which test should have caught it; see docs/TESTING.md).
/// </summary>
[Trait("Category", "Golden")]
public class GoldenSummaryTests
{
    private const string Replications = "20";
    private const string TracedScenario = "policy-comparison";
    private static readonly string[] RunFiles = ["summary.json", "replications.csv", "daily.csv"];

    /// <summary>Every scenario under scenarios/, so a new scenario has no golden until one is blessed (and fails until then).</summary>
    public static TheoryData<string> ShippedScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string name in ScenarioNames()) data.Add(name);
        return data;
    }

    private static IEnumerable<string> ScenarioNames() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root(), "scenarios"), "*.yaml")
            .Select(path => Path.GetFileNameWithoutExtension(path)).Order(StringComparer.Ordinal);

    /// <summary>Every variant of the traced scenario, baseline first.</summary>
    public static TheoryData<string> TracedVariants()
    {
        var data = new TheoryData<string>();
        ScenarioLoadResult loaded = ScenarioLoader.Load(ScenarioPath(TracedScenario));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Issues));
        foreach (ScenarioVariant variant in loaded.Scenario!.Variants) data.Add(variant.Name);
        return data;
    }

    // The seed is the scenario's own experiment.seed (no --seed), so each golden is what a user gets
    // from the file as shipped, at fewer replications.
    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void EachShippedScenarioMatchesItsGoldenFilesByteForByte(string scenario)
    {
        using var temp = new TempDirectory();
        CliRun.Succeed(["run", ScenarioPath(scenario), "--replications", Replications, "--threads", "2", "--no-plots",
            "--out", temp.Path, "--force"]);
        string goldenDirectory = GoldenDirectory(scenario);
        foreach (string name in RunFiles) CompareOrBless(Path.Combine(temp.Path, name), Path.Combine(goldenDirectory, name));
        Assert.False(Updating, RewrittenMessage);
    }

    [Theory]
    [MemberData(nameof(TracedVariants))]
    public void TheTraceOfOnePolicyComparisonReplicationMatchesItsGoldenFileByteForByte(string variant)
    {
        using var temp = new TempDirectory();
        string actual = temp.Sub("trace.csv");
        CliRun.Succeed(["trace", ScenarioPath(TracedScenario), "--replication", "0", "--variant", variant, "--out", actual]);
        CompareOrBless(actual, Path.Combine(GoldenDirectory(TracedScenario), $"trace-replication-0-{variant}.csv"));
        Assert.False(Updating, RewrittenMessage);
    }

    [Fact]
    public void EveryGoldenFolderBelongsToAShippedScenario()
    {
        var scenarios = ScenarioNames().ToHashSet(StringComparer.Ordinal);
        string[] orphans = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root(), "Simulation.Tests", "Golden"))
            .Select(Path.GetFileName).Where(name => !scenarios.Contains(name!)).Select(name => name!).ToArray();
        Assert.True(orphans.Length == 0, "golden folders without a scenario: " + string.Join(", ", orphans));
    }

    private static bool Updating => Environment.GetEnvironmentVariable("CHANNELSIM_UPDATE_GOLDEN") == "1";

    private const string RewrittenMessage = "golden files rewritten; unset CHANNELSIM_UPDATE_GOLDEN, review `git diff Simulation.Tests/Golden` and commit";

    private static string ScenarioPath(string scenario) => Path.Combine(RepositoryPaths.Root(), "scenarios", scenario + ".yaml");

    private static string GoldenDirectory(string scenario) => Path.Combine(RepositoryPaths.Root(), "Simulation.Tests", "Golden", scenario);

    private static void CompareOrBless(string actualPath, string goldenPath)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
            File.Copy(actualPath, goldenPath, overwrite: true);
            return;
        }
        Assert.True(File.Exists(goldenPath), $"golden file {goldenPath} is missing; create it with CHANNELSIM_UPDATE_GOLDEN=1");
        string expected = File.ReadAllText(goldenPath), actual = File.ReadAllText(actualPath);
        if (expected != actual) Assert.Fail($"{Path.GetFileName(goldenPath)} differs from the golden file {goldenPath} at line {FirstDifferentLine(expected, actual)}. " +
            "If the change is intended, re-bless with CHANNELSIM_UPDATE_GOLDEN=1 and review the diff before committing.");
    }

    private static string FirstDifferentLine(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i]) return $"{i + 1}: expected '{a[i]}', got '{b[i]}'";
        }
        return $"{Math.Min(a.Length, b.Length) + 1} (lengths {a.Length} and {b.Length} lines)";
    }
}
