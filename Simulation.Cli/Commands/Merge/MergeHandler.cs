using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands.Merge;

/// <summary>Behaviour of channelsim merge.</summary>
public static class MergeHandler
{
    /// <summary>Merges shards; returns the exit code (2 when the shards do not form one complete run).</summary>
    public static int Execute(IReadOnlyList<string> directories, string outDirectory, bool force, bool parquet, string commandLine,
        TextWriter output, TextWriter error)
    {
        if (OutputDirectoryCheck.Problem(outDirectory) is { } outProblem)
        {
            error.WriteLine("channelsim merge: " + outProblem);
            return ExitCodes.InvalidInput;
        }
        // Calibration shards (by their manifest's kind) merge into calibration outputs, not run results.
        if (Calibrate.CalibrationMerge.AllShards(directories)) return Calibrate.CalibrationMerge.Execute(directories, outDirectory, force, commandLine, output, error);
        SessionOutcome outcome = ExperimentMerge.Merge(directories, outDirectory, commandLine, force, parquet);
        if (outcome.Status == SessionStatus.Refused)
        {
            error.WriteLine("channelsim merge: " + outcome.Message);
            return ExitCodes.InvalidInput;
        }
        error.WriteLine($"channelsim merge: {outcome.Message}, results in {outDirectory}");
        if (outcome.Results is not null) ResultsTable.Print(output, outcome.Results);
        return ExitCodes.Ok;
    }
}
