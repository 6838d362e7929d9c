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
            Description = "Scenario files (YAML) to check; every problem in each is listed with file, line, column, key path and rule (at least one).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command("validate", "Check scenario files: keys, values, ranges, extends, variants and timeline. Exit 0 when all are valid, 2 otherwise.")
        {
            files,
        };
        command.SetAction(parse =>
            ValidateHandler.Run(parse.GetValue(files) ?? [], parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
