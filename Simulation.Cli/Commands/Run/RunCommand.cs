using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Run;

/// <summary>channelsim run &lt;scenario.yaml&gt;: Monte Carlo replications of every variant with common random numbers.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML)." }.AcceptExistingOnly();
        var variant = new Option<string[]>("--variant")
        {
            Description = "Run only these variants (repeatable; default: every variant of the scenario); the first one in scenario order is the baseline.",
            AllowMultipleArgumentsPerToken = false,
        };
        var options = new ExperimentOptions();
        var command = new Command("run", "Run a scenario's variants over many replications with common random numbers and write results (CSV, JSON, manifest) to --out; with several variants also the charts and report.html. A table of means with 95% CIs goes to stdout, progress to stderr.")
        {
            scenario,
            variant,
        };
        options.AddTo(command);
        command.SetAction(parse => RunHandler.Execute(
            parse.GetValue(scenario)!.ToString(),
            parse.GetValue(variant) ?? [],
            options.Read(parse),
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
