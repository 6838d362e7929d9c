using System.Diagnostics;
using System.Globalization;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>The output-directory lock: its file, its owner line, and when a left-behind lock is taken over.</summary>
public class OutputLockTests
{
    private static string LockPath(string directory) => Path.Combine(directory, OutputLock.FileName);

    [Fact]
    public void TheLockFileNamesThisProcessAndHostAndGoesAwayOnRelease()
    {
        using var temp = new TempDirectory();
        using (OutputLock? held = OutputLock.TryAcquire(temp.Path, out string error))
        {
            Assert.NotNull(held);
            Assert.Equal("", error);
            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " " + Environment.MachineName + "\n", File.ReadAllText(LockPath(temp.Path)));
            // The same process asking again is refused too: one run per directory, whoever asks.
            Assert.Null(OutputLock.TryAcquire(temp.Path, out error));
            Assert.Equal($"{temp.Path} is in use by another run (process {Environment.ProcessId} on {Environment.MachineName}, lock file {LockPath(temp.Path)}); wait for it to finish or use another --out", error);
        }
        Assert.False(File.Exists(LockPath(temp.Path)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-pid host")]
    [InlineData("-5 " + "host")]
    public void AnUnreadableLockIsNeverTakenOver(string content)
    {
        using var temp = new TempDirectory();
        File.WriteAllText(LockPath(temp.Path), content);
        Assert.Null(OutputLock.TryAcquire(temp.Path, out string error));
        Assert.Equal($"{temp.Path} is locked by {LockPath(temp.Path)} (owner unknown); if no run is using it, delete that file", error);
        Assert.Equal(content, File.ReadAllText(LockPath(temp.Path)));
    }

    [Fact]
    public void ALockOfALiveProcessOnThisHostIsKept()
    {
        using var temp = new TempDirectory();
        // A process that is certainly running on this host: a child started here.
        using Process sleeper = Process.Start(new ProcessStartInfo("sleep", ["30"]) { UseShellExecute = false })!;
        try
        {
            string content = sleeper.Id.ToString(CultureInfo.InvariantCulture) + " " + Environment.MachineName + "\n";
            File.WriteAllText(LockPath(temp.Path), content);
            Assert.Null(OutputLock.TryAcquire(temp.Path, out string error));
            Assert.Contains($"process {sleeper.Id} on {Environment.MachineName}", error, StringComparison.Ordinal);
            Assert.Equal(content, File.ReadAllText(LockPath(temp.Path)));
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
        // Once that process is gone, its lock is stale and is taken over.
        using OutputLock? taken = OutputLock.TryAcquire(temp.Path, out string takeoverError);
        Assert.True(taken is not null, takeoverError);
        Assert.StartsWith(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + " ", File.ReadAllText(LockPath(temp.Path)), StringComparison.Ordinal);
    }

    [Fact]
    public void ALockWithoutAHostIsNeverTakenOverAndSaysSo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(LockPath(temp.Path), "2147483000");
        Assert.Null(OutputLock.TryAcquire(temp.Path, out string error));
        Assert.Equal($"{temp.Path} is in use by another run (process 2147483000 on , lock file {LockPath(temp.Path)}); wait for it to finish or use another --out", error);
    }
}
