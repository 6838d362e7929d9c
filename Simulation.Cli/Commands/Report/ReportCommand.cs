using System.CommandLine;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Commands.Report;

/// <summary><c>channelsim report &lt;results-dir&gt; [--out DIR]</c>: charts, report.md and report.html from a results directory.</summary>
public static class ReportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var dirArg = new Argument<DirectoryInfo>("results-dir")
        {
            Description = "Results directory written by 'channelsim run', 'compare' or 'merge' (with summary.json), or by 'channelsim sweep' (with sweep.csv).",
        };
        var outOpt = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Where to write report.md, report.html and plots/ (default: the results directory).",
        };
        var command = new Command("report", "Draw the charts and write report.md and a self-contained report.html for a results directory (run and compare already do this for policy studies).")
        {
            dirArg, outOpt,
        };
        command.SetAction(pr => Run(pr.GetRequiredValue(dirArg).FullName, pr.GetValue(outOpt)?.FullName,
            pr.InvocationConfiguration.Output, pr.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command; returns the process exit code and never lets an exception escape.</summary>
    public static int Run(string resultsDirectory, string? outputDirectory, TextWriter output, TextWriter error)
    {
        try
        {
            var result = ReportWriter.Write(resultsDirectory, outputDirectory);
            output.WriteLine($"Wrote {result.Charts.Count} charts (PNG and SVG) to {Path.GetDirectoryName(result.Charts.Count > 0 ? result.Charts[0].PngPath : result.MarkdownPath)}");
            output.WriteLine($"Wrote {result.MarkdownPath}");
            output.WriteLine($"Wrote {result.HtmlPath}");
            foreach (string note in result.Notes)
            {
                output.WriteLine("Note: " + note);
            }
            return ExitCodes.Ok;
        }
        catch (ResultsFormatException e)
        {
            error.WriteLine("error: " + e.Message);
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write the report: {e.Message}");
            return ExitCodes.InvalidInput;
        }
#pragma warning disable CA1031 // The command's contract is "no stack trace": any other failure is a bug, reported briefly.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"internal error while writing the report ({e.GetType().Name}): {e.Message}");
            return ExitCodes.InternalError;
        }
    }
}
