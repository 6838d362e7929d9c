using Simulation.Cli.Reporting;

namespace Simulation.Tests.Cli.Reporting;

/// <summary>Renders the fixture's report once for every test class in the collection: a full rendering takes seconds.</summary>
public sealed class RenderedReportFixture : IDisposable
{
    public string ResultsDirectory { get; }
    public ReportOutput Output { get; }

    public RenderedReportFixture()
    {
        ResultsDirectory = ResultsFixture.CopyToTemp();
        Output = ReportWriter.Write(ResultsDirectory);
    }

    public void Dispose() => ResultsFixture.Delete(ResultsDirectory);
}

/// <summary>Test classes that share one rendering of the fixture's report.</summary>
[CollectionDefinition(Name)]
public sealed class RenderedReportCollection : ICollectionFixture<RenderedReportFixture>
{
    public const string Name = "Rendered report";
}
