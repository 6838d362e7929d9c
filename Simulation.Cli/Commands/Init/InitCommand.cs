using System.CommandLine;

namespace Simulation.Cli.Commands.Init;

/// <summary>channelsim init [DIR]: writes the shipped scenarios into a study folder, so the tool works from any folder.</summary>
public static class InitCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<string>("directory")
        {
            Description = "Folder for the study (created if needed; default: the current folder). Gets scenarios/ (every shipped scenario, its README with every key, and what they reference) and docs/scenario.schema.json.",
            DefaultValueFactory = _ => ".",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist there (default: off: existing files are never overwritten)." };
        var command = new Command("init", "Write the shipped scenarios (baseline, policies, their README and JSON Schema) into a folder to start a study from any folder.")
        {
            directory, force,
        };
        command.SetAction(parse => InitHandler.Execute(parse.GetValue(directory) ?? ".", parse.GetValue(force),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
