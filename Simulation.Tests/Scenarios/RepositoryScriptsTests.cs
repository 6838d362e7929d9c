using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// README.md's test command must pass on a fresh clone where Chromium is not installed: it is a
/// script that installs what the tests need, and CI runs that same command rather than its own
/// install steps followed by a bare 'dotnet test' (which passed in CI and failed for a reader).
/// </summary>
public partial class RepositoryScriptsTests
{
    [GeneratedRegex("```bash\\n(?<first>[^\\n]*)\\n(?<second>[^\\n]*)\\n```")]
    private static partial Regex FirstCodeBlock();

    [Fact]
    public void TheReadmesTestCommandIsTheScriptThatInstallsChromiumAndFontsAndCiRunsIt()
    {
        string root = RepositoryPaths.Root();
        Match block = FirstCodeBlock().Match(File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.True(block.Success, "README.md must start with a bash block of two commands");
        string testCommand = block.Groups["second"].Value.Trim();
        Assert.Equal("./test.sh", testCommand);

        string script = File.ReadAllText(Path.Combine(root, "test.sh"));
        Assert.Contains("apt-get install", script, StringComparison.Ordinal);
        Assert.Contains("chromium", script, StringComparison.Ordinal);
        Assert.Contains("fonts-dejavu-core", script, StringComparison.Ordinal);
        Assert.Contains("dotnet test ChannelSim.sln -c Release", script, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.True(File.GetUnixFileMode(Path.Combine(root, "test.sh")).HasFlag(UnixFileMode.UserExecute), "test.sh must be executable");
        }

        string ci = string.Join('\n', File.ReadAllLines(Path.Combine(root, ".ci", "run")).Where(l => !l.TrimStart().StartsWith('#')));
        Assert.Contains(testCommand + " 2>&1", ci, StringComparison.Ordinal);
        // Installing is the script's job; CI must not hide a missing install step behind its own.
        Assert.DoesNotContain("apt-get", ci, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet test", ci, StringComparison.Ordinal);
    }

    [Fact]
    public void TheScriptsAreValidBash()
    {
        string root = RepositoryPaths.Root();
        foreach (string script in new[] { "test.sh", Path.Combine(".ci", "run") })
        {
            using Process bash = Process.Start(new ProcessStartInfo("bash", ["-n", Path.Combine(root, script)]) { RedirectStandardError = true })!;
            string err = bash.StandardError.ReadToEnd();
            bash.WaitForExit();
            Assert.True(bash.ExitCode == 0, script + ": " + err);
        }
    }
}
