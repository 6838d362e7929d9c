using System.CommandLine;

namespace Simulation.Cli;

/// <summary>
/// Parses and invokes a command line with the project's exit-code contract: usage errors exit 2
/// (System.CommandLine alone would exit 1), unexpected exceptions print one line and exit 1, with
/// the stack trace only under --verbose or CHANNELSIM_DEBUG=1.
/// </summary>
public static class CliInvoker
{
    /// <summary>Runs <paramref name="args"/> against the root command; writers default to the console.</summary>
    public static int Invoke(string[] args, TextWriter? output = null, TextWriter? error = null, RootCommand? root = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        root ??= CliApp.BuildRootCommand();
        bool verbose = args.Contains("--verbose") || Environment.GetEnvironmentVariable("CHANNELSIM_DEBUG") == "1";
        ParseResult parse = root.Parse(args);
        // --help wins over parse errors such as a missing argument, as in System.CommandLine itself.
        if (parse.Errors.Count > 0 && !HelpExamples.IsHelp(parse.Action))
        {
            foreach (string message in OptionValues.Messages(parse)) error.WriteLine(message);
            error.WriteLine($"Run 'channelsim {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            return ExitCodes.InvalidInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (StorageFailure(e) is { } io)
        {
            // A full disk, a vanished or unwritable directory: the environment, not a bug. Results
            // written so far are never marked complete (the manifest is written last), so say how to go on.
            error.WriteLine($"channelsim: cannot read or write a file: {io.Message}");
            error.WriteLine("Results in the output directory are incomplete (manifest.json absent or partial); fix the cause and continue with --resume.");
            if (verbose) error.WriteLine(e.ToString());
            return ExitCodes.InternalError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error.WriteLine($"channelsim: internal error: {e.GetType().Name}: {e.Message}");
            if (verbose) error.WriteLine(e.ToString());
            else error.WriteLine("(run with --verbose or CHANNELSIM_DEBUG=1 for the stack trace)");
            return ExitCodes.InternalError;
        }
    }

    private static Exception? StorageFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException { InnerExceptions.Count: > 0 } a => StorageFailure(a.InnerExceptions[0]),
        _ => null,
    };

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }
        return names;
    }
}
