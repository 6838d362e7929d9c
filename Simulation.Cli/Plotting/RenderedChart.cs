namespace Simulation.Cli.Plotting;

/// <summary>A chart written to disk as PNG and SVG.</summary>
/// <param name="Id">File stem, e.g. <c>forest_deaths</c>.</param>
/// <param name="Title">Chart title.</param>
/// <param name="Caption">One or two sentences for the report: how to read the chart and where its numbers come from.</param>
/// <param name="PngPath">Full path of the PNG.</param>
/// <param name="SvgPath">Full path of the SVG.</param>
public sealed record RenderedChart(string Id, string Title, string Caption, string PngPath, string SvgPath);
