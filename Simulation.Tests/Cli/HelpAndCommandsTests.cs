using System.CommandLine;
using Simulation.Cli;
using Simulation.Cli.Commands.Bench;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

public class HelpAndCommandsTests
{
    [Fact]
    public void RootHelpListsExamplesAndEveryExitCode()
    {
        var (code, help, _) = Invoke("--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Examples:", help, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", help, StringComparison.Ordinal);
        foreach (string line in new[] { "0  ok", "1  internal error", "2  invalid input", "3  interrupted" })
        {
            Assert.Contains(line, help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("compare")]
    [InlineData("validate")]
    [InlineData("trace")]
    [InlineData("merge")]
    [InlineData("report")]
    [InlineData("schema")]
    [InlineData("bench")]
    [InlineData("sweep")]
    [InlineData("sensitivity")]
    [InlineData("metrics")]
    [InlineData("init")]
    public void EachCommandsHelpShowsExamplesOfThatCommand(string verb)
    {
        var (code, help, _) = Invoke(verb, "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Examples:", help, StringComparison.Ordinal);
        Assert.Contains("channelsim " + verb + " ", help, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOptionDescriptionStatesItsDefaultOrThatItIsRequired()
    {
        foreach (Command command in CliApp.BuildRootCommand().Subcommands)
        {
            foreach (Option option in command.Options)
            {
                if (option is System.CommandLine.Help.HelpOption || option is VersionOption) continue;
                string description = option.Description ?? "";
                Assert.True(description.Contains("default", StringComparison.Ordinal) || description.Contains("required", StringComparison.Ordinal),
                    $"{command.Name} {option.Name}: '{description}' names neither a default nor 'required'");
            }
        }
    }

    [Fact]
    public void AnUnknownOptionIsNamedAndExitsWithTwo()
    {
        var (code, _, err) = Invoke("validate", "--frobnicate");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--frobnicate", err, StringComparison.Ordinal);
        Assert.Contains("--help", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonNumericReplicationCountIsNamedAndExitsWithTwo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("x.yaml"), "name: x\n");
        var (code, _, err) = Invoke("run", temp.Sub("x.yaml"), "--replications", "many");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("many", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists("results/x"));
    }

    [Fact]
    public void ABadShardSpecIsExplainedAndExitsWithTwo()
    {
        string baseline = Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");
        using var temp = new TempDirectory();
        var (code, _, err) = Invoke("run", baseline, "--shard", "5/4", "--out", temp.Sub("out"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("5/4", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void ABrokenYamlFileIsNamedAndExitsWithTwo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("broken.yaml"), "schema_version: 1\nname: [unclosed\n");
        var (code, _, err) = Invoke("validate", temp.Sub("broken.yaml"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("broken.yaml", err, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Simulation.", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAcceptsTheShippedBaselineWithExitZero()
    {
        var (code, _, err) = Invoke("validate", Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml"));
        Assert.True(code == ExitCodes.Ok, err);
    }

    [Fact]
    public void TheSchemaCommandWritesTheBytesOfTheCommittedSchema()
    {
        byte[] committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "docs", "scenario.schema.json"));
        using var temp = new TempDirectory();
        var (code, _, err) = Invoke("schema", "--out", temp.Sub("schema.json"));
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal(committed, File.ReadAllBytes(temp.Sub("schema.json")));

        var (stdoutCode, stdout, _) = Invoke("schema");
        Assert.Equal(ExitCodes.Ok, stdoutCode);
        Assert.Equal(committed, System.Text.Encoding.UTF8.GetBytes(stdout));
    }

    [Fact]
    public void ASchemaOutPathThatCannotBeWrittenExitsWithTwo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Sub("file"), "");
        // A directory cannot be created under a regular file.
        var (code, _, err) = Invoke("schema", "--out", Path.Combine(temp.Sub("file"), "schema.json"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("cannot write", err, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareWithAMissingFileExitsWithTwoAndNamesIt()
    {
        using var temp = new TempDirectory();
        string baseline = Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");
        var (code, _, err) = Invoke("compare", baseline, temp.Sub("nowhere.yaml"), "--out", temp.Sub("out"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("nowhere.yaml", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void EveryShippedScenarioPointsEditorsAtTheSchema()
    {
        foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Root(), "scenarios"), "*.yaml"))
        {
            string first = File.ReadLines(path).First();
            Assert.True(first == "# yaml-language-server: $schema=../docs/scenario.schema.json", Path.GetFileName(path) + " starts with: " + first);
        }
    }

    [Fact]
    public void BenchRefusesABudgetBelowFiveSeconds()
    {
        var (code, _, err) = Invoke("bench", "--seconds", "2");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("at least 5", err, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void BenchPrintsRatesAndASizingHint()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // A 0.6 s budget keeps the test short; the defaults (no scenario file given, catalog defaults) are used.
        int code = BenchHandler.Execute(TimeSpan.FromSeconds(0.6), null, null, 2, output, error);
        Assert.True(code == ExitCodes.Ok, error.ToString());
        string table = output.ToString();
        Assert.Contains("events/s", table, StringComparison.Ordinal);
        Assert.Contains("replications/s", table, StringComparison.Ordinal);
        Assert.Matches(@"10,000 replications ≈ [\d,]+ s on this machine with 2 thread\(s\)", table);
    }
}
