using System.Text.Json;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands.Merge;

/// <summary>Behaviour of channelsim merge.</summary>
public static class MergeHandler
{
    /// <summary>
    /// Merges shards; returns the exit code (2 when the shards do not form one complete run). Charts and the
    /// report follow the rule of run (<paramref name="plots"/> forces them, <paramref name="noPlots"/> skips them),
    /// so a merged policy study ends with the same files as the unsharded run.
    /// </summary>
    public static int Execute(IReadOnlyList<string> directories, string outDirectory, bool force, bool parquet, string commandLine,
        TextWriter output, TextWriter error, bool plots = false, bool noPlots = false)
    {
        if (OutputDirectoryCheck.Problem(outDirectory) is { } outProblem)
        {
            error.WriteLine("channelsim merge: " + outProblem);
            return ExitCodes.InvalidInput;
        }
        // Calibration shards (by their manifest's kind) merge into calibration outputs, not run results.
        if (Calibrate.CalibrationMerge.AllShards(directories)) return Calibrate.CalibrationMerge.Execute(directories, outDirectory, force, commandLine, output, error, plots: !noPlots);
        SessionOutcome outcome = ExperimentMerge.Merge(directories, outDirectory, commandLine, force, parquet);
        if (outcome.Status == SessionStatus.Refused)
        {
            error.WriteLine("channelsim merge: " + outcome.Message);
            return ExitCodes.InvalidInput;
        }
        error.WriteLine($"channelsim merge: {outcome.Message}, results in {outDirectory}");
        if (outcome.Results is null) return ExitCodes.Ok;
        ResultsTable.Print(output, outcome.Results);
        string shardCommand = ShardCommand(directories[0]);
        if (ExperimentConsole.WantsReport(outcome.Results.Identity.VariantNames.Length, shardCommand, plots, noPlots))
        {
            ExperimentConsole.WriteReport("merge", outDirectory, error);
        }
        return ExitCodes.Ok;
    }

    /// <summary>The command that ran the shards (run or compare), from the first shard's manifest; compare always draws a report.</summary>
    private static string ShardCommand(string shardDirectory)
    {
        try
        {
            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(shardDirectory, "manifest.json")));
            return manifest.RootElement.TryGetProperty("command", out JsonElement command) ? command.GetString() ?? "run" : "run";
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
        {
            return "run";
        }
    }
}
