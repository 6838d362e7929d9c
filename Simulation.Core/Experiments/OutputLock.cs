using System.Diagnostics;
using System.Globalization;

namespace Simulation.Core.Experiments;

/// <summary>
/// Keeps two processes from writing one output directory: ".channelsim.lock" is created with
/// FileMode.CreateNew (atomic: exactly one creator wins) and holds "&lt;pid&gt; &lt;host name&gt;". It is
/// deleted when the run ends. A lock left behind by a killed process is stale: when it was written
/// on this host and its process id is not running, it is removed and taken over (once). A lock
/// from another host (shared file system, another container) or an unreadable lock is never taken
/// over: delete the file by hand once sure no run is using the directory.
/// </summary>
public sealed class OutputLock : IDisposable
{
    /// <summary>Lock file name inside the output directory.</summary>
    public const string FileName = ".channelsim.lock";
    private readonly FileStream _stream;
    private readonly string _path;

    private OutputLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Takes the lock of <paramref name="directory"/>, or returns null with the reason.</summary>
    public static OutputLock? TryAcquire(string directory, out string error)
    {
        string path = Path.Combine(directory, FileName);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
                byte[] pid = System.Text.Encoding.UTF8.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " " + Environment.MachineName + "\n");
                stream.Write(pid);
                stream.Flush(flushToDisk: true);
                error = "";
                return new OutputLock(stream, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                int? owner = ReadOwner(path, out string host);
                if (attempt == 0 && owner is int pid && pid != Environment.ProcessId && host == Environment.MachineName && !IsRunning(pid))
                {
                    File.Delete(path);
                    continue;
                }
                error = owner is null
                    ? $"{directory} is locked by {path} (owner unknown); if no run is using it, delete that file"
                    : $"{directory} is in use by another run (process {owner} on {host}, lock file {path}); wait for it to finish or use another --out";
                return null;
            }
        }
        error = $"could not take the lock {path}";
        return null;
    }

    private static int? ReadOwner(string path, out string host)
    {
        host = "";
        try
        {
            string[] parts = File.ReadAllText(path).Trim().Split(' ', 2);
            if (parts.Length == 2) host = parts[1];
            return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid) ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Releases and deletes the lock.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        try { File.Delete(_path); }
        catch (IOException) { }
    }
}
