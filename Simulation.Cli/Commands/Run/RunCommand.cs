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
        var ensemble = new Option<string?>("--ensemble")
        {
            Description = "Plausible parameter sets (CSV: set_id,key1,key2,..., one row per set, e.g. plausible.csv from history matching; default: none). " +
                "Every variant also runs under every set, with the same replications and random numbers; a key a variant changes relative to the baseline keeps the variant's value. " +
                "summary.json, ensemble.csv, the table and the report then also give the 90% range across the sets next to the 95% CI of simulation noise. Not with --shard or --precision.",
        };
        var options = new ExperimentOptions();
        var command = new Command("run", "Run a scenario's variants over many replications with common random numbers and write results (CSV, JSON, manifest) to --out; with several variants also the charts and report.html. A table of means with 95% CIs goes to stdout, progress to stderr.")
        {
            scenario,
            variant,
            ensemble,
        };
        options.AddTo(command);
        command.SetAction(parse => RunHandler.Execute(
            parse.GetValue(scenario)!.ToString(),
            parse.GetValue(variant) ?? [],
            options.Read(parse),
            parse.GetValue(ensemble),
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
