using System.CommandLine;

namespace Simulation.Cli.Commands;

/// <summary>The options run and compare share, declared once so both commands describe them the same way.</summary>
internal sealed class ExperimentOptions
{
    public Option<int?> Replications { get; } = new("--replications", "-r")
    {
        Description = "Number of Monte Carlo replications per variant (count; default: experiment.replications of the scenario). With --precision: the first batch.",
    };
    public Option<ulong?> Seed { get; } = new("--seed", "-s") { Description = "Master seed, an unsigned 64-bit integer (default: experiment.seed of the scenario). Same seed, same bytes out." };
    public Option<int> Threads { get; } = new("--threads", "-t")
    {
        Description = "Worker threads (count; default: the number of processors). Never changes a result.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
    public Option<string?> Out { get; } = new("--out", "-o") { Description = "Output directory (default: results/<scenario-name>; an existing complete result there is refused unless --force or --resume)." };
    public Option<double?> Precision { get; } = new("--precision")
    {
        Description = "Relative precision target, a fraction between 0 and 1 (default: off): keep adding replications until the 95% CI half-width of --metric is at most this share of the mean (0.01 = ±1%); for policy variants, of each paired difference relative to the baseline mean.",
    };
    public Option<string> Metric { get; } = new("--metric")
    {
        Description = "Metric the precision target applies to (snake_case metric name; default: arrivals_uk).",
        DefaultValueFactory = _ => "arrivals_uk",
    };
    public Option<long?> MaxReplications { get; } = new("--max-replications")
    {
        Description = "Cap on replications with --precision (count; default: 20 × the first batch).",
    };
    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Run only shard k of n, written k/n with 1 <= k <= n (default: 1/1, the whole run): replications r with r % n == k - 1, into --out; combine shards with 'channelsim merge'.",
    };
    public Option<bool> Resume { get; } = new("--resume") { Description = "Continue the interrupted run in --out from its checkpoint (default: off). On a complete result with the same settings there is nothing to do." };
    public Option<bool> KeepCheckpoint { get; } = new("--keep-checkpoint")
    {
        Description = "Keep checkpoint/replications.ckpt after a complete run (default: off: it is removed once the results are written, as it repeats every replication; shards always keep theirs for merge).",
    };
    public Option<bool> Force { get; } = new("--force") { Description = "Discard earlier results in --out and start over (default: off)." };
    public Option<string> Format { get; } = new("--format")
    {
        Description = "Output format: csv (always written) or parquet (also writes replications.parquet and daily.parquet) (default: csv).",
        DefaultValueFactory = _ => "csv",
    };
    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print stack traces on internal errors (default: off)." };
    public Option<string[]> Set { get; } = SetOption();

    /// <summary>The --set option, shared with sweep and trace.</summary>
    public static Option<string[]> SetOption() => new("--set")
    {
        Description = "Set one parameter for this run, key.path=value, e.g. --set uk.border_force.vessels=8 (repeatable; default: none). Checked like the same key in a scenario file, applied to every variant after the file, recorded in manifest.json and in the scenario hash (a --resume with other --set values is refused).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoPlots { get; } = new("--no-plots")
    {
        Description = "Do not draw charts or write report.md/report.html (default: they are written for policy studies: several variants, or compare).",
    };
    public Option<bool> Plots { get; } = new("--plots")
    {
        Description = "Draw the charts and the report even for a single variant (default: off).",
    };

    public ExperimentOptions() => Format.AcceptOnlyFromAmong("csv", "parquet");

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Replications, Seed, Threads, Out, Precision, Metric, MaxReplications, Shard, Resume, Force, KeepCheckpoint, Set, Format, Plots, NoPlots, Verbose })
        {
            command.Options.Add(option);
        }
    }

    public ExperimentArguments Read(ParseResult parse) => new(
        parse.GetValue(Replications), parse.GetValue(Seed), parse.GetValue(Threads), parse.GetValue(Out),
        parse.GetValue(Precision), parse.GetValue(Metric) ?? "arrivals_uk", parse.GetValue(MaxReplications),
        parse.GetValue(Shard), parse.GetValue(Resume), parse.GetValue(Force), parse.GetValue(Format) ?? "csv",
        string.Join(' ', parse.Tokens.Select(t => t.Value)), parse.GetValue(Plots), parse.GetValue(NoPlots), parse.GetValue(Out) is null,
        parse.GetValue(KeepCheckpoint), parse.GetValue(Set) ?? []);
}
