using System.CommandLine;

namespace Simulation.Cli.Commands.Merge;

/// <summary>channelsim merge &lt;dirs...&gt; --out DIR: combines shard outputs into the results of one run.</summary>
public static class MergeCommand
{
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
        var format = new Option<string>("--format") { Description = "Output format: csv or parquet (also writes Parquet copies) (default: csv).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "parquet");
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces on internal errors (default: off)." };
        var command = new Command("merge", "Merge shard directories into results byte-identical to a single run.")
        {
            directories, output, force, format, verbose,
        };
        command.SetAction(parse => MergeHandler.Execute(
            (parse.GetValue(directories) ?? []).Select(d => d.ToString()).ToList(),
            parse.GetValue(output)!,
            parse.GetValue(force),
            parse.GetValue(format) == "parquet",
            "channelsim " + string.Join(' ', parse.Tokens.Select(t => t.Value)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
