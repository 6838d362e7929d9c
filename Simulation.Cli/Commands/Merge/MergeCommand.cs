using System.CommandLine;

namespace Simulation.Cli.Commands.Merge;

/// <summary>channelsim merge &lt;dirs...&gt; --out DIR: combines shard outputs into the results of one run.</summary>
public static class MergeCommand
{
    /// <summary>
    /// The output options of run that merge takes too, by name: the same option objects, so both commands describe
    /// them alike. The other options of run decide which replications are computed, which the shards already fixed.
    /// </summary>
    public static readonly IReadOnlyList<string> OutputOptionsSharedWithRun = ["--format", "--plots", "--no-plots", "--verbose"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var directories = new Argument<DirectoryInfo[]>("shards")
        {
            Description = "Shard output directories (from 'run --shard k/n'), one per shard.",
            Arity = ArgumentArity.OneOrMore,
        }.AcceptExistingOnly();
        var output = new Option<string>("--out", "-o") { Description = "Output directory for the merged results (required; no default).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace results already in --out (default: off)." };
        var shared = new ExperimentOptions();
        var command = new Command("merge", "Merge shard directories into results byte-identical to a single run; charts and report as run would draw them (--plots, --no-plots).")
        {
            directories, output, force, shared.Format, shared.Plots, shared.NoPlots, shared.Verbose,
        };
        command.SetAction(parse => MergeHandler.Execute(
            (parse.GetValue(directories) ?? []).Select(d => d.ToString()).ToList(),
            parse.GetValue(output)!,
            parse.GetValue(force),
            parse.GetValue(shared.Format) == "parquet",
            "channelsim " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetValue(shared.Plots),
            parse.GetValue(shared.NoPlots)));
        return command;
    }
}
