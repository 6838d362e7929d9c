using Simulation.Cli.Commands;
using Simulation.Cli.Commands.Run;
using Simulation.Core.Domain;
using Simulation.Core.Scenarios;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Cli;

public class ReportProvenanceTests
{
    [Fact]
    public void ARunsReportStatesTheQuestionTheVariantsAndTheCitedSourcesOfItsScenarioFiles()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(Path.Combine(temp.Path, "base.yaml"),
            "schema_version: 1\n" +
            "calendar:\n" +
            "  horizon_days: 20   # source: a short test horizon\n" +
            "french:\n" +
            "  beach:\n" +
            "    officers_per_night: 800   # source: Telegraph, officers per night after Mar 2023\n");
        string study = Path.Combine(temp.Path, "study.yaml");
        File.WriteAllText(study,
            "schema_version: 1\n" +
            "name: study\n" +
            "description: Do more officers on the beaches lower arrivals?\n" +
            "extends: base.yaml\n" +
            "variants:\n" +
            "  more_officers:\n" +
            "    description: Twice the officers\n" +
            "    french.beach.officers_per_night: 1600\n");
        ScenarioLoadResult loaded = ScenarioLoader.Load(study);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Issues));
        string outDirectory = temp.Sub("out");

        var error = new StringWriter();
        int code = RunHandler.Execute(loaded.Scenario!, [], new ExperimentArguments(Replications: 4, Threads: 1, Out: outDirectory),
            v => new ChannelModel(v.Parameters), TextWriter.Null, error);

        Assert.Equal(0, code);
        string report = File.ReadAllText(Path.Combine(outDirectory, "report.md"));
        Assert.Contains("Do more officers on the beaches lower arrivals?", report, StringComparison.Ordinal);
        Assert.Contains("Twice the officers", report, StringComparison.Ordinal);
        // The source comment lives in the extended file: the manifest keeps the files as written.
        Assert.Contains("Telegraph, officers per night after Mar 2023", report, StringComparison.Ordinal);
        string manifest = File.ReadAllText(Path.Combine(outDirectory, "manifest.json"));
        Assert.Contains("\"scenario_name\": \"study\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"more_officers\": \"Twice the officers\"", manifest, StringComparison.Ordinal);
    }
}
