using System.CommandLine;
using Simulation.Cli;
using Simulation.Cli.Commands;
using Simulation.Cli.Commands.Compare;
using Simulation.Cli.Commands.Merge;
using Simulation.Cli.Commands.Run;
using Simulation.Cli.Commands.Trace;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

public class ExperimentCommandsTests
{
    [Theory]
    [InlineData("run", "x.yaml", "--threads", "abc")]
    [InlineData("run", "x.yaml", "--no-such-option")]
    [InlineData("run")]
    [InlineData("merge", "a")]
    [InlineData("trace", "x.yaml")]
    [InlineData("frobnicate")]
    public void UsageErrorsExitWithTwo(params string[] args)
    {
        using var temp = new TempDirectory();
        for (int i = 0; i < args.Length; i++) if (args[i] == "x.yaml" || args[i] == "a") args[i] = temp.Sub(args[i]);
        File.WriteAllText(temp.Sub("x.yaml"), "name: x\n");
        Directory.CreateDirectory(temp.Sub("a"));
        var (code, _, err) = Invoke(args);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.NotEqual("", err);
    }

    [Fact]
    public void AMissingScenarioFileExitsWithTwoAndNamesTheFile()
    {
        using var temp = new TempDirectory();
        string missing = temp.Sub("missing.yaml");
        var (code, _, err) = Invoke("run", missing, "--out", temp.Sub("out"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("missing.yaml", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void AnInvalidScenarioPrintsItsIssuesAndWritesNothing()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("broken.yaml");
        File.WriteAllText(scenario, "name: broken\nexperiment: [unclosed\n  replications: -3\n");
        string outDirectory = temp.Sub("out");
        var (code, stdout, err) = Invoke("run", scenario, "--out", outDirectory);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("broken.yaml", err, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public void BadOptionValuesAreRejectedBeforeTheScenarioIsRead()
    {
        var error = new StringWriter();
        int code = RunHandler.Execute("does-not-matter.yaml", [], new ExperimentArguments(Shard: "5/4"), v => throw new InvalidOperationException(), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--shard", error.ToString(), StringComparison.Ordinal);

        error = new StringWriter();
        code = RunHandler.Execute(TestScenarios.Scenario(), [], new ExperimentArguments(Metric: "arrivals"), v => throw new InvalidOperationException(), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("arrivals_uk", error.ToString(), StringComparison.Ordinal);

        error = new StringWriter();
        code = RunHandler.Execute(TestScenarios.Scenario(), [], new ExperimentArguments(Precision: 0.01, Shard: "1/2"), v => throw new InvalidOperationException(), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
    }

    [Fact]
    public void RunPrintsTheBaselineAndThePolicyDifference()
    {
        using var temp = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RunHandler.Execute(TestScenarios.Scenario(), [], new ExperimentArguments(Replications: 10, Threads: 2, Out: temp.Sub("out")),
            v => new FakeReplicationModel(v.Parameters), output, error);
        Assert.Equal(ExitCodes.Ok, code);
        string table = output.ToString();
        Assert.Contains("arrivals_uk", table, StringComparison.Ordinal);
        Assert.Contains("patrols vs baseline", table, StringComparison.Ordinal);
        Assert.Contains("difference", table, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(temp.Sub("out"), "manifest.json")));
        // Two variants make a policy study, so the charts and the report are written by default.
        Assert.True(File.Exists(Path.Combine(temp.Sub("out"), "report.html")), error.ToString());
        Assert.Contains("10/10 replications", error.ToString(), StringComparison.Ordinal);

        // The same directory again without --resume or --force is refused.
        code = RunHandler.Execute(TestScenarios.Scenario(), [], new ExperimentArguments(Replications: 10, Out: temp.Sub("out")),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
    }

    [Fact]
    public void NoPlotsSkipsTheReportAndPlotsForcesItForOneVariant()
    {
        using var temp = new TempDirectory();
        int code = RunHandler.Execute(TestScenarios.Scenario(), [], new ExperimentArguments(Replications: 4, Out: temp.Sub("two"), NoPlots: true),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(Path.Combine(temp.Sub("two"), "summary.json")));
        Assert.False(File.Exists(Path.Combine(temp.Sub("two"), "report.html")));

        code = RunHandler.Execute(TestScenarios.Scenario(), ["patrols"], new ExperimentArguments(Replications: 4, Out: temp.Sub("one")),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.False(File.Exists(Path.Combine(temp.Sub("one"), "report.html")));

        var error = new StringWriter();
        code = RunHandler.Execute(TestScenarios.Scenario(), ["patrols"], new ExperimentArguments(Replications: 4, Out: temp.Sub("forced"), Plots: true),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, error);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(Path.Combine(temp.Sub("forced"), "report.html")), error.ToString());
    }

    [Fact]
    public void ARefusedDefaultOutputDirectoryExplainsHowToKeepBothResults()
    {
        using var temp = new TempDirectory();
        var args = new ExperimentArguments(Replications: 3, Out: temp.Sub("results"), DefaultOut: true, NoPlots: true);
        Assert.Equal(ExitCodes.Ok, RunHandler.Execute(TestScenarios.Scenario(), [], args, v => new FakeReplicationModel(v.Parameters), TextWriter.Null, TextWriter.Null));
        var error = new StringWriter();
        Assert.Equal(ExitCodes.InvalidInput, RunHandler.Execute(TestScenarios.Scenario(), [], args, v => new FakeReplicationModel(v.Parameters), TextWriter.Null, error));
        Assert.Contains("--out DIR", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--force", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void VariantOptionRunsOnlyTheNamedVariants()
    {
        using var temp = new TempDirectory();
        int code = RunHandler.Execute(TestScenarios.Scenario(), ["patrols"], new ExperimentArguments(Replications: 4, Out: temp.Path),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        string[] rows = File.ReadAllLines(Path.Combine(temp.Path, "replications.csv"));
        Assert.Equal(1 + 4, rows.Length);
        Assert.All(rows.Skip(1), row => Assert.StartsWith("patrols,", row, StringComparison.Ordinal));
    }

    [Fact]
    public void RunWithAnUnknownVariantExitsWithTwo()
    {
        var error = new StringWriter();
        int code = RunHandler.Execute(TestScenarios.Scenario(), ["nope"], new ExperimentArguments(), v => new FakeReplicationModel(v.Parameters), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("baseline, patrols", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CompareRunsEveryVariantOfEveryFileAgainstTheFirstFilesBaseline()
    {
        using var temp = new TempDirectory();
        var scenarios = new[]
        {
            TestScenarios.Scenario("status-quo", ("baseline", 0.0), ("patrols", 0.2)),
            TestScenarios.Scenario("more-patrols", ("baseline", 0.0), ("stronger", 0.4)),
        };
        var output = new StringWriter();
        int code = CompareHandler.Execute(scenarios, null, new ExperimentArguments(Replications: 8, Out: temp.Sub("cmp"), NoPlots: true),
            v => new FakeReplicationModel(v.Parameters), output, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        string comparison = File.ReadAllText(Path.Combine(temp.Sub("cmp"), "comparison.csv"));
        Assert.Contains("\nstatus-quo/patrols,status-quo/baseline,arrivals_uk,-", comparison, StringComparison.Ordinal);
        Assert.Contains("\nmore-patrols/stronger,status-quo/baseline,arrivals_uk,-", comparison, StringComparison.Ordinal);
        // The second file's baseline has the reference's parameters: named as such, not printed as a zero effect.
        string table = output.ToString();
        Assert.Contains("more-patrols/baseline: identical to the reference status-quo/baseline", table, StringComparison.Ordinal);
        Assert.DoesNotContain("more-patrols/baseline vs", table, StringComparison.Ordinal);
        Assert.Contains("more-patrols/stronger vs status-quo/baseline", table, StringComparison.Ordinal);
        var summary = Simulation.Cli.Reporting.ResultsReader.ReadSummary(Path.Combine(temp.Sub("cmp"), "summary.json"));
        Assert.Equal(["more-patrols/baseline"], summary.IdenticalToReference);
    }

    [Fact]
    public void CompareTakesTheReferenceFromTheCommandLine()
    {
        using var temp = new TempDirectory();
        var scenarios = new[] { TestScenarios.Scenario("a", ("baseline", 0.0), ("patrols", 0.2)), TestScenarios.Scenario("b", ("baseline", 0.1)) };
        var output = new StringWriter();
        int code = CompareHandler.Execute(scenarios, "a/patrols", new ExperimentArguments(Replications: 4, Out: temp.Sub("cmp"), NoPlots: true),
            v => new FakeReplicationModel(v.Parameters), output, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("a/baseline vs a/patrols", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("b/baseline vs a/patrols", output.ToString(), StringComparison.Ordinal);

        var error = new StringWriter();
        code = CompareHandler.Execute(scenarios, "c/nope", new ExperimentArguments(Replications: 4, Out: temp.Sub("bad")),
            v => new FakeReplicationModel(v.Parameters), TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--reference c/nope is not one of the configurations: a/baseline, a/patrols, b/baseline", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TraceWritesOneCsvRowPerEvent()
    {
        var output = new StringWriter();
        int code = TraceHandler.Execute(TestScenarios.Scenario(), 3, "patrols", null, null,
            (v, trace) => new FakeReplicationModel(v.Parameters) { Trace = trace }, output, TextWriter.Null);
        Assert.Equal(ExitCodes.Ok, code);
        string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time_hours,date,entity,event,people,outcome", lines[0]);
        Assert.Equal(1 + 12, lines.Length);
        Assert.StartsWith("27.5,2024-01-02,day-1,Crossed,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void MergeOfIncompleteShardsExitsWithTwo()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Sub("s1"), replications: 6, shard: new Simulation.Core.Experiments.ShardSpec(1, 2)));
        var error = new StringWriter();
        int code = MergeHandler.Execute([temp.Sub("s1")], temp.Sub("merged"), false, false, "merge", TextWriter.Null, error);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("2/2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnexpectedExceptionPrintsOneLineAndExitsWithOne()
    {
        var boom = new Command("boom");
        boom.SetAction(new Func<ParseResult, int>(_ => throw new InvalidOperationException("kaboom")));
        var root = new RootCommand { boom };
        var error = new StringWriter();
        int code = CliInvoker.Invoke(["boom"], TextWriter.Null, error, root);
        Assert.Equal(ExitCodes.InternalError, code);
        Assert.Contains("kaboom", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryExperimentVerbIsRegistered()
    {
        RootCommand root = CliApp.BuildRootCommand();
        foreach (string verb in new[] { "run", "compare", "trace", "merge" })
        {
            Assert.Contains(root.Subcommands, c => c.Name == verb);
        }
    }
}
