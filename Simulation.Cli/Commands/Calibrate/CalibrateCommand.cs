using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>channelsim calibrate FILE: history matching in waves over the year scenarios.</summary>
public static class CalibrateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("calibration") { Description = "Calibration file (YAML; format in docs/CALIBRATION.md)." };
        var output = new Option<string?>("--out", "-o") { Description = "Output directory (default: results/<name>-calibration)." };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Master seed for design points and model random numbers (default: design.seed of the file)." };
        var replications = new Option<int?>("--replications", "-r") { Description = "Replications of every year scenario at every point (default: design.replications of the file; at least 2)." };
        var maxWaves = new Option<int?>("--max-waves") { Description = "Stop after this many waves (default: design.max_waves of the file)." };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Worker threads (default: number of processors). Never changes a result.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var wave = new Option<int?>("--wave") { Description = "Run only this wave's points (with --shard; for cluster arrays). Wave 2 and later need --from." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard k of n of the wave's points: k/n, e.g. 3/8 (with --wave); combine shards with 'channelsim merge'." };
        var from = new Option<string?>("--from") { Description = "Directory holding the merged results of the earlier waves (with --wave 2 and later)." };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip the charts (default: off)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the interrupted calibration in --out from its checkpoint (same options) (default: off)." };
        var force = new Option<bool>("--force") { Description = "Replace the results already in --out (default: off)." };
        var verbose = new Option<bool>("--verbose") { Description = "Stack traces on internal errors (default: off)." };
        var command = new Command("calibrate",
            "History matching in waves over the year scenarios of a calibration file: rules out parameter values whose simulated targets are implausible, " +
            "confirms the rest with more replications and writes the plausible parameter sets (plausible.csv), every point run (waves.csv), calibration.json, charts and report.html to --out.")
        {
            file, output, seed, replications, maxWaves, threads, wave, shard, from, noPlots, resume, force, verbose,
        };
        command.SetAction(parse => CalibrateHandler.Execute(
            new CalibrateArguments
            {
                CalibrationPath = parse.GetValue(file)!.ToString(),
                Out = parse.GetValue(output),
                Seed = parse.GetValue(seed),
                Replications = parse.GetValue(replications),
                MaxWaves = parse.GetValue(maxWaves),
                Threads = parse.GetValue(threads),
                Wave = parse.GetValue(wave),
                Shard = parse.GetValue(shard),
                From = parse.GetValue(from),
                NoPlots = parse.GetValue(noPlots),
                Resume = parse.GetValue(resume),
                Force = parse.GetValue(force),
                CommandLine = string.Join(' ', parse.Tokens.Select(t => t.Value)),
            },
            v => new ChannelModel(v.Parameters),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}
