using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands;

/// <summary>What one SIGINT or SIGTERM does, given the signals before it.</summary>
internal enum SignalAction
{
    /// <summary>The first signal: stop after the replications in progress and write what is finished.</summary>
    Stop,
    /// <summary>Within a second of the first: the same request delivered again, ignored.</summary>
    Duplicate,
    /// <summary>Later: the user insists; end the process at once, leaving the directory clean.</summary>
    Abort,
}

/// <summary>
/// Decides what a signal means. <c>timeout -s INT</c> signals the child and then its whole process
/// group, and a terminal's Ctrl+C reaches every process of the foreground group, so one request often
/// arrives twice within microseconds; taking the second as "abort now" lost the partial results of
/// half the interrupted runs. A signal more than <see cref="DuplicateWindow"/> after the first is a
/// deliberate second request.
/// </summary>
internal sealed class SignalPolicy
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromSeconds(1);
    private TimeSpan? _first;

    /// <summary>When the first signal came (null before any), on the clock passed to <see cref="Next"/>.</summary>
    public TimeSpan? First => _first;

    /// <summary>How long after <paramref name="now"/> a duplicate of the first signal may still arrive.</summary>
    public TimeSpan DuplicatesPossibleFor(TimeSpan now) => _first is { } first && first + DuplicateWindow > now ? first + DuplicateWindow - now : TimeSpan.Zero;

    /// <summary>The action for a signal arriving at <paramref name="now"/> (any monotonic clock).</summary>
    public SignalAction Next(TimeSpan now)
    {
        if (_first is not { } first)
        {
            _first = now;
            return SignalAction.Stop;
        }
        return now - first <= DuplicateWindow ? SignalAction.Duplicate : SignalAction.Abort;
    }
}

/// <summary>
/// SIGINT and SIGTERM handling for the commands that write an output directory (run, compare,
/// sweep): the first signal cancels, duplicates are ignored, a later one aborts after releasing the
/// directory (see <see cref="ReleaseOutputDirectory"/>).
/// </summary>
internal sealed class InterruptSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly SignalPolicy _policy = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();

    private InterruptSignals()
    {
    }

    /// <summary>Registers the handlers until disposed; <paramref name="prefix"/> starts every message ("channelsim run: ").</summary>
    public static InterruptSignals Register(CancellationTokenSource cancellation, TextWriter error, string prefix, string outputDirectory)
    {
        var scope = new InterruptSignals();
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            scope._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Every signal is handled here: the runtime's default would end the process with the lock held.
                context.Cancel = true;
                SignalAction action;
                lock (scope._gate) action = scope._policy.Next(scope._clock.Elapsed);
                switch (action)
                {
                    case SignalAction.Stop:
                        error.WriteLine(prefix + "stopping after the replications in progress (signal again after a second to abort at once)...");
                        cancellation.Cancel();
                        break;
                    case SignalAction.Abort:
                        ReleaseOutputDirectory(outputDirectory);
                        error.WriteLine(prefix + "aborted; finished replications are kept in the checkpoint: continue with --resume.");
                        error.Flush();
                        Environment.Exit(ExitCodes.Interrupted);
                        break;
                }
            }));
        }
        return scope;
    }

    /// <summary>
    /// Leaves <paramref name="directory"/> as a crash would, minus the debris: this process's lock file
    /// and its unfinished temporary files (every result is written to ".name.PID.tmp" and renamed, so
    /// a file under its real name is always whole) are removed. The checkpoint stays for --resume.
    /// </summary>
    internal static void ReleaseOutputDirectory(string directory)
    {
        string pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            if (!Directory.Exists(directory)) return;
            foreach (string temporary in Directory.EnumerateFiles(directory, ".*." + pid + ".tmp", SearchOption.AllDirectories))
            {
                TryDelete(temporary);
            }
            string lockPath = Path.Combine(directory, OutputLock.FileName);
            // Only our own lock: another run may hold this directory (we would have been refused).
            if (File.Exists(lockPath) && File.ReadAllText(lockPath).Split(' ', 2)[0] == pid) TryDelete(lockPath);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <remarks>
    /// After an interrupt, the handlers stay until the duplicate window has passed: unregistered, a
    /// duplicate arriving while the process exits would take the default action and turn exit code 3
    /// (partial results written) into 130 (found by the doubled-signal test when writing was fast).
    /// </remarks>
    public void Dispose()
    {
        TimeSpan wait;
        lock (_gate) wait = _policy.DuplicatesPossibleFor(_clock.Elapsed);
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
        foreach (PosixSignalRegistration registration in _registrations) registration.Dispose();
    }
}
