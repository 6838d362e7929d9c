using Simulation.Cli.Reporting;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Cli.Reporting;

/// <summary>
/// A real run of scenarios/policy-comparison.yaml at 60 replications (the documented acceptance run), reported once
/// for every test class in the collection: a full rendering takes seconds. Generated at test time, so the report tests
/// follow the model and the output format instead of a hand-made fixture.
/// </summary>
public sealed class RenderedReportFixture : IDisposable
{
    public const int Replications = 60;

    public string ResultsDirectory { get; }
    public ReportOutput Output { get; }

    public RenderedReportFixture()
    {
        ResultsDirectory = Path.Combine(ResultsFixture.NewTempDirectory(), "policy-comparison");
        string scenario = Path.Combine(RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");
        CliRun.Succeed("run", scenario, "-r", Replications.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2",
            "--out", ResultsDirectory, "--no-plots");
        Output = ReportWriter.Write(ResultsDirectory);
    }

    public void Dispose() => ResultsFixture.Delete(Path.GetDirectoryName(ResultsDirectory)!);
}

/// <summary>Test classes that share one rendering of the fixture's report.</summary>
[CollectionDefinition(Name)]
public sealed class RenderedReportCollection : ICollectionFixture<RenderedReportFixture>
{
    public const string Name = "Rendered report";
}
