using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Sensitivity;

/// <summary>channelsim sensitivity &lt;scenario.yaml&gt; --method sobol|morris --vary path=low:high ...: global sensitivity analysis with common random numbers.</summary>
public static class SensitivityCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML)." };
        var method = new Option<string>("--method")
        {
            Description = "sobol: first-order and total Sobol indices (S1, ST) from Saltelli sampling, N·(k+2) points; " +
                "morris: elementary effects (mu*, sigma) from --trajectories one-at-a-time paths, r·(k+1) points (default: sobol).",
            DefaultValueFactory = _ => "sobol",
        };
        method.AcceptOnlyFromAmong("sobol", "morris");
        var vary = new Option<string[]>("--vary")
        {
            Description = "A parameter and its range, path=low:high (repeatable; required, at least one). Number, integer and probability parameters only, " +
                "inside the parameter's valid range; integers are rounded to whole numbers. Any numeric key may be varied, year inputs included.",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var metric = new Option<string[]>("--metric")
        {
            Description = "Metric to analyse (repeatable; snake_case, see 'channelsim metrics'); one row per parameter and metric (default: arrivals_uk).",
            AllowMultipleArgumentsPerToken = false,
        };
        var samples = new Option<int>("--samples", "-n")
        {
            Description = "Sobol: base samples N; the design has N·(k+2) points for k parameters. A power of two keeps the Sobol sequence balanced (default: 64).",
            DefaultValueFactory = _ => 64,
        };
        var trajectories = new Option<int>("--trajectories")
        {
            Description = "Morris: trajectories r, at least 2; the design has r·(k+1) points (default: 10).",
            DefaultValueFactory = _ => 10,
        };
        var levels = new Option<int>("--levels")
        {
            Description = "Morris: grid levels p, an even number of at least 2; each move is Δ = p/(2(p−1)) of the range (default: 4).",
            DefaultValueFactory = _ => 4,
        };
        var bootstrap = new Option<int>("--bootstrap")
        {
            Description = "Sobol: bootstrap resamples for the 95% intervals of S1 and ST, drawn from the master seed (default: 1000).",
            DefaultValueFactory = _ => 1000,
        };
        var replications = new Option<int>("--replications", "-r")
        {
            Description = "Replications of every point; the model output of a point is the mean over them. Their noise adds to the output variance, so use enough (default: 10).",
            DefaultValueFactory = _ => 10,
        };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Master seed, shared by every point (default: experiment.seed of the scenario)." };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads (default: number of processors). Never changes a result.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var output = new Option<string?>("--out", "-o") { Description = "Output directory (default: results/<scenario-name>-sensitivity)." };
        var compare = new Option<string?>("--compare")
        {
            Description = "A variant of the scenario: analyse the paired difference (VARIANT − baseline) of each metric instead of the metric; every point runs both variants with the same seeds (default: off).",
        };
        var force = new Option<bool>("--force") { Description = "Overwrite the results of an earlier analysis in --out (default: off)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted analysis in --out from its checkpoint (default: off); the same options are needed." };
        var keepCheckpoint = new Option<bool>("--keep-checkpoint") { Description = "Keep checkpoint/replications.ckpt after a complete analysis (default: off: it is removed once the results are written)." };
        Option<string[]> set = ExperimentOptions.SetOption();
        var verbose = new Option<bool>("--verbose") { Description = "Stack traces on internal errors (default: off)." };
        var command = new Command("sensitivity", "Global sensitivity analysis: Sobol indices (how much of the output's variance each parameter explains, alone and with interactions) " +
            "or Morris elementary effects, over ranges of several parameters at once, with the same seeds at every point; writes sensitivity.csv, the design's outputs, a chart and manifest.json to --out.")
        {
            scenario, method, vary, metric, samples, trajectories, levels, bootstrap, replications, seed, threads, output, compare, set, resume, force, keepCheckpoint, verbose,
        };
        command.SetAction(parse => SensitivityHandler.Execute(
            new SensitivityArguments
            {
                ScenarioPath = parse.GetValue(scenario)!.ToString(),
                Method = parse.GetValue(method) ?? "sobol",
                Vary = parse.GetValue(vary) ?? [],
                Metrics = parse.GetValue(metric) ?? [],
                Samples = parse.GetValue(samples),
                Trajectories = parse.GetValue(trajectories),
                Levels = parse.GetValue(levels),
                Bootstrap = parse.GetValue(bootstrap),
                Replications = parse.GetValue(replications),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Out = parse.GetValue(output),
                Compare = parse.GetValue(compare),
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
