using Simulation.Cli.Plotting;

namespace Simulation.Cli.Reporting;

/// <summary>What <see cref="ReportWriter.Write"/> produced.</summary>
/// <param name="MarkdownPath">Full path of report.md.</param>
/// <param name="HtmlPath">Full path of the self-contained report.html.</param>
/// <param name="Charts">Charts drawn into the plots directory.</param>
/// <param name="Notes">Charts or sections left out, and why.</param>
public sealed record ReportOutput(string MarkdownPath, string HtmlPath, IReadOnlyList<RenderedChart> Charts, IReadOnlyList<string> Notes);
