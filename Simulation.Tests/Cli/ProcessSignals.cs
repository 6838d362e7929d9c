using System.Diagnostics;
using System.Globalization;

namespace Simulation.Tests.Cli;

/// <summary>Sending POSIX signals to a child process and describing how it handles them (Linux /proc).</summary>
internal static class ProcessSignals
{
    public const int SigInt = 2, SigTerm = 15;

    /// <summary>Sends <paramref name="signal"/> ("INT", "TERM", "KILL") with kill(1); false when the process was already gone.</summary>
    public static bool Send(Process process, string signal)
    {
        if (process.HasExited) return false;
        using Process kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)])
        { UseShellExecute = false, RedirectStandardError = true })!;
        kill.StandardError.ReadToEnd();
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    /// <summary>"ignored", "caught" or "default" for signal number <paramref name="signal"/> of a running process; "unknown" elsewhere.</summary>
    public static string Disposition(int pid, int signal)
    {
        try
        {
            ulong ignored = 0, caught = 0;
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("SigIgn:", StringComparison.Ordinal)) ignored = ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (line.StartsWith("SigCgt:", StringComparison.Ordinal)) caught = ulong.Parse(line[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            ulong bit = 1UL << (signal - 1);
            return (ignored & bit) != 0 ? "ignored" : (caught & bit) != 0 ? "caught" : "default";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>How this test process itself treats SIGINT and SIGTERM (children inherit "ignored").</summary>
    public static string OwnDispositions() =>
        $"SIGINT {Disposition(Environment.ProcessId, SigInt)}, SIGTERM {Disposition(Environment.ProcessId, SigTerm)} in the test process";

    /// <summary>Number of finished replications in a checkpoint file on disk (its "t," rows; 0 when absent).</summary>
    public static int CheckpointRows(string checkpoint, int variants = 1)
    {
        if (!File.Exists(checkpoint)) return 0;
        try
        {
            using var stream = new FileStream(checkpoint, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            int rows = 0;
            string? line;
            while ((line = reader.ReadLine()) is not null) if (line.StartsWith("t,", StringComparison.Ordinal) && line.Contains('*', StringComparison.Ordinal)) rows++;
            return rows / variants;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds or the process exits or the time is up; true when it holds.</summary>
    public static bool WaitFor(Process process, Func<bool> condition, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (!process.HasExited && waited.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(10);
        }
        return !process.HasExited && condition();
    }
}
