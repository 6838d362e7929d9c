using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Compare;

/// <summary>channelsim compare a.yaml b.yaml ...: each file's baseline becomes one variant, the first file is the reference.</summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenarios = new Argument<FileInfo[]>("scenarios")
        {
            Description = "Two or more scenario files; each file's baseline variant is run under its scenario name, the first file is the reference.",
            Arity = new ArgumentArity(2, 64),
        }.AcceptExistingOnly();
        var options = new ExperimentOptions();
        var command = new Command("compare", "Compare scenario files with common random numbers: same seeds, paired differences against the first file; writes results, charts and report.html to --out.")
        {
            scenarios,
        };
        options.AddTo(command);
        command.SetAction(parse => CompareHandler.Execute(
            (parse.GetValue(scenarios) ?? []).Select(f => f.ToString()).ToList(),
            options.Read(parse),
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
