using System.CommandLine;
using Simulation.Core.Domain;

namespace Simulation.Cli.Commands.Trace;

/// <summary>channelsim trace &lt;scenario&gt; --replication R: every event of one replication as CSV.</summary>
public static class TraceCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "Scenario file (YAML)." }.AcceptExistingOnly();
        var replication = new Option<long>("--replication", "-r") { Description = "Replication index, 0-based as in replications.csv (required; no default).", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Variant to trace (default: the baseline)." };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Master seed, an unsigned 64-bit integer (default: experiment.seed of the scenario)." };
        var output = new Option<string?>("--out", "-o") { Description = "CSV file to write (default: stdout); its provenance (version, seed, scenario hash, variant, replication and its seed) goes to FILE.manifest.json." };
        var verbose = new Option<bool>("--verbose") { Description = "Print stack traces on internal errors (default: off)." };
        Option<string[]> set = ExperimentOptions.SetOption();
        var command = new Command("trace", "Write every event of one replication (time_hours,date,entity,event,people,outcome) as CSV. Same seed and replication give the same events as in run.")
        {
            scenario, replication, variant, seed, output, set, verbose,
        };
        command.SetAction(parse => TraceHandler.Execute(
            parse.GetValue(scenario)!.ToString(),
            parse.GetValue(replication),
            parse.GetValue(variant),
            parse.GetValue(seed),
            parse.GetValue(output),
            (v, trace) => new ChannelModel(v.Parameters) { Trace = trace },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            string.Join(' ', parse.Tokens.Select(t => t.Value)),
            parse.GetValue(set) ?? []));
        return command;
    }
}
