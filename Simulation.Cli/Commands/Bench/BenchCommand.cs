using System.CommandLine;

namespace Simulation.Cli.Commands.Bench;

/// <summary>channelsim bench [--seconds 60]: how fast this machine runs the engine and the model.</summary>
public static class BenchCommand
{
    /// <summary>Shortest budget that still gives the engine a second and each alternating slice a third of one.</summary>
    public const int MinimumSeconds = 5;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var seconds = new Option<int>("--seconds")
        {
            Description = $"Total time budget in seconds: a fifth for the engine, a tenth to warm up, the rest for alternating 1-thread and N-thread slices (default: 60; at least {MinimumSeconds}).",
            DefaultValueFactory = _ => 60,
        };
        var scenario = new Option<FileInfo?>("--scenario")
        {
            Description = "Scenario whose first variant is timed (default: scenarios/baseline-2024.yaml if it exists here, else the catalog defaults, which are the calibrated 2024 baseline).",
        };
        var threads = new Option<int>("--threads", "-t")
        {
            Description = "Threads for the parallel measurement (count; default: the number of processors).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("bench", "Measure this machine's throughput: engine events per second (PHOLD) and replications per second of the baseline scenario, at 1 thread and at all threads, with a sizing hint.")
        {
            seconds, scenario, threads,
        };
        command.SetAction(parse => BenchHandler.Execute(parse.GetValue(seconds), parse.GetValue(scenario)?.ToString(), parse.GetValue(threads),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }
}
