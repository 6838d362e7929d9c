using System.CommandLine;

namespace Simulation.Cli.Commands.Validate;

/// <summary><c>channelsim validate &lt;file&gt;...</c>: checks scenario files without running them.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        // No AcceptExistingOnly and no required arity: a missing file, or none at all, is invalid
        // input (exit 2) reported by the handler, not System.CommandLine's usage error (exit 1).
        var files = new Argument<string[]>("files")
        {
            Description = "Scenario or calibration files (YAML) to check; a file with a top-level 'targets:' key is read as a calibration file; every problem in each is listed with file, line, column, key path and rule (at least one).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check scenario files (keys, values, ranges, extends, variants, timeline) and calibration files (targets, sources, parameter ranges, design, and their year scenarios). Exit 0 when all are valid, 2 otherwise.")
        {
            files,
        };
        command.SetAction(parse =>
            ValidateHandler.Run(parse.GetValue(files) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
