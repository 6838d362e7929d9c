using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Sweep;

/// <summary>channelsim sweep &lt;scenario.yaml&gt; --vary path=low:high:count ...: vary parameters by key path with common random numbers.</summary>
public static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML)." };
        var vary = new Option<string[]>("--vary")
        {
            Description = "A parameter to vary, by catalog path (repeatable): path=low:high:count (grid, count points, ends included), " +
                "path=v1,v2,... (grid, these values) or path=low:high (--design lhs). Number, integer and probability parameters only; integers are rounded to whole numbers. At least one is required.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var design = new Option<string>("--design")
        {
            Description = "grid: every combination of the axes' values; lhs: a Latin hypercube of --samples points over the ranges, drawn from the master seed (default: grid).",
            DefaultValueFactory = _ => "grid",
        };
        design.AcceptOnlyFromAmong("grid", "lhs");
        var samples = new Option<int>("--samples") { Description = "Points of a Latin hypercube (--design lhs; default: 50).", DefaultValueFactory = _ => 50 };
        var metric = new Option<string[]>("--metric")
        {
            Description = "Metric to report and rank by (repeatable; snake_case). arrivals_uk and deaths are always reported; the first --metric is ranked on stdout (default: arrivals_uk).",
            AllowMultipleArgumentsPerToken = false,
        };
        var replications = new Option<int?>("--replications", "-r") { Description = "Replications of every point (default: experiment.replications of the scenario)." };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Master seed, shared by every point (default: experiment.seed of the scenario)." };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads (default: number of processors). Never changes a result.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Output directory (default: results/<scenario-name>-sweep)." };
        var variant = new Option<string?>("--variant") { Description = "Variant the points start from (default: the baseline, the scenario's first variant)." };
        var force = new Option<bool>("--force") { Description = "Overwrite the results of an earlier sweep in --out (default: off)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted sweep in --out from its checkpoint (default: off); the same options are needed." };
        var keepCheckpoint = new Option<bool>("--keep-checkpoint") { Description = "Keep checkpoint/replications.ckpt after a complete sweep (default: off: it is removed once the results are written)." };
        Option<string[]> set = ExperimentOptions.SetOption();
        var verbose = new Option<bool>("--verbose") { Description = "Stack traces on internal errors (default: off)." };
        var command = new Command("sweep", "Vary one or more parameters (by catalog key path) over a grid or a Latin hypercube, with the same seeds at every point; writes per-point results, a one-at-a-time sensitivity ranking and charts to --out.")
        {
            scenario, vary, design, samples, metric, replications, seed, threads, output, variant, set, resume, force, keepCheckpoint, verbose,
        };
        command.SetAction(parse => SweepHandler.Execute(
            new SweepArguments
            {
                ScenarioPath = parse.GetValue(scenario)!.ToString(),
                Vary = parse.GetValue(vary) ?? [],
                Design = parse.GetValue(design) ?? "grid",
                Samples = parse.GetValue(samples),
                Metrics = parse.GetValue(metric) ?? [],
                Replications = parse.GetValue(replications),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Out = parse.GetValue(output),
                Variant = parse.GetValue(variant),
                Force = parse.GetValue(force),
                Resume = parse.GetValue(resume),
                KeepCheckpoint = parse.GetValue(keepCheckpoint),
                Set = parse.GetValue(set) ?? [],
                CommandLine = string.Join(' ', parse.Tokens.Select(t => t.Value)),
            },
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
