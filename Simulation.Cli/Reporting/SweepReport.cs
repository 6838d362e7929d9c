namespace Simulation.Cli.Reporting;

/// <summary>The report of a sweep directory.</summary>
public static class SweepReport
{
    /// <summary>True for a directory written by channelsim sweep (sweep.csv, no summary.json).</summary>
    public static bool IsSweepDirectory(string directory) =>
        File.Exists(Path.Combine(directory, ResultsReader.SweepFile)) && !File.Exists(Path.Combine(directory, ResultsReader.SummaryFile));

    /// <summary>Writes the sweep report.</summary>
    public static ReportOutput Write(string directory, string? outputDirectory) => throw new NotImplementedException(directory + outputDirectory);
}
