using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Compare;

/// <summary>channelsim compare a.yaml b.yaml ...: every variant of every file, named file/variant, against one reference.</summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenarios = new Argument<FileInfo[]>("scenarios")
        {
            Description = "Two or more scenario files; every variant of every file runs under the name <scenario-name>/<variant>, and each is compared with the reference.",
            Arity = new ArgumentArity(2, 64),
        }.AcceptExistingOnly();
        var reference = new Option<string?>("--reference")
        {
            Description = "The configuration every other one is compared with, as <scenario-name>/<variant> (a scenario name alone means its baseline) (default: the first file's baseline).",
        };
        var options = new ExperimentOptions();
        var command = new Command("compare", "Compare every variant of several scenario files against one reference with common random numbers (same seeds, paired differences); writes results, charts and report.html to --out. A configuration with exactly the reference's parameters is named as such, not shown as a zero effect.")
        {
            scenarios,
            reference,
        };
        options.AddTo(command);
        command.SetAction(parse => CompareHandler.Execute(
            (parse.GetValue(scenarios) ?? []).Select(f => f.ToString()).ToList(),
            parse.GetValue(reference),
            options.Read(parse),
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
