using Simulation.Cli.Reporting;

namespace Simulation.Tests.Cli.Reporting;

/// <summary>Renders the fixture's report once per test class: charts take about a second, so tests share one rendering.</summary>
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
