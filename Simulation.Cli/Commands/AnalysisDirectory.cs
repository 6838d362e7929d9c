using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands;

/// <summary>
/// The output directory of an analysis whose rows live in a <see cref="ReplicationStore"/> checkpoint
/// (sweep, sensitivity) or in a checkpoint of its own (calibrate): its lock and, for the former, the
/// checkpoint's start. Refusals are printed with the command's prefix; the caller returns exit 2.
/// </summary>
internal static class AnalysisDirectory
{
    /// <summary>Creates the directory and takes its lock; null (after saying why) when another process holds it.</summary>
    public static OutputLock? Lock(string directory, string prefix, TextWriter error)
    {
        Directory.CreateDirectory(directory);
        OutputLock? outputLock = OutputLock.TryAcquire(directory, out string lockError);
        if (outputLock is null) error.WriteLine(prefix + lockError);
        return outputLock;
    }

    /// <summary>
    /// On <paramref name="resume"/>, checks the checkpoint's identity and loads its rows into
    /// <paramref name="store"/> (rewriting it drops a torn tail, so later appends start on a clean line);
    /// otherwise deletes <paramref name="resultFiles"/> and manifest.json, so no earlier result can pass
    /// for this analysis's, and starts a fresh checkpoint. Null (after saying why) when the checkpoint is
    /// of other settings or unreadable.
    /// </summary>
    public static Checkpoint? OpenCheckpoint(bool resume, string directory, string checkpointPath, ExperimentIdentity identity,
        ReplicationStore store, IEnumerable<string> resultFiles, string prefix, TextWriter error, out int loadedReplications)
    {
        loadedReplications = 0;
        if (!resume)
        {
            foreach (string name in resultFiles.Append("manifest.json")) File.Delete(Path.Combine(directory, name));
            Directory.CreateDirectory(Path.GetDirectoryName(checkpointPath)!);
            return Checkpoint.Create(checkpointPath, identity, ShardSpec.Whole);
        }
        try
        {
            (ExperimentIdentity old, ShardSpec _) = Checkpoint.ReadHeader(checkpointPath);
            if (!old.SameAs(identity))
            {
                error.WriteLine($"{prefix}cannot resume {directory}: it was started with different settings ({old.Difference(identity)})");
                return null;
            }
            List<long> loaded = Checkpoint.Load(checkpointPath, store, out _, out _);
            loadedReplications = loaded.Count;
            return Checkpoint.Rewrite(checkpointPath, identity, ShardSpec.Whole, store, loaded);
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"{prefix}cannot resume {directory}: {e.Message}");
            return null;
        }
    }
}
