namespace Simulation.Cli.Commands;

/// <summary>
/// Checks an output directory before any work: a path that names a file (or lies under one) is the
/// user's mistake and deserves an exit code 2 with the reason, not an I/O error after the run.
/// </summary>
internal static class OutputDirectoryCheck
{
    /// <summary>Why <paramref name="directory"/> cannot be an output directory, or null when it can.</summary>
    public static string? Problem(string directory)
    {
        string full;
        try
        {
            full = Path.GetFullPath(directory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"--out '{directory}' is not a usable path: {e.Message}";
        }
        for (string? path = full; !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path == full
                    ? $"--out '{directory}' is a file, not a directory; name a directory for the results"
                    : $"--out '{directory}' lies under '{path}', which is a file, not a directory";
            }
            if (Directory.Exists(path)) return null;
        }
        return null;
    }
}
