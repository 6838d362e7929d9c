using System.CommandLine;
using Simulation.Cli;

namespace Simulation.Tests.Cli.Commands;

public sealed class ReportCommandTests
{
    // Messages may go to either stream; the assertions read both.
    private static (int Exit, string Output) Invoke(params string[] args)
    {
        var (code, output, error) = CliRun.Invoke(args);
        return (code, output + error);
    }

    [Fact]
    public void MissingDirectoryExitsWithTwoAndAClearMessage()
    {
        string dir = Path.Combine(Path.GetTempPath(), "channelsim-no-such-dir-" + Guid.NewGuid().ToString("N"));
        var (exit, output) = Invoke("report", dir);
        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Contains($"Results directory '{dir}' does not exist.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryWithoutSummaryExitsWithTwo()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            var (exit, output) = Invoke("report", dir);
            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.Contains("has no summary.json", output, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void MalformedSummaryExitsWithTwoWithoutAStackTrace()
    {
        string dir = ResultsFixture.NewTempDirectory();
        try
        {
            File.WriteAllText(Path.Combine(dir, "summary.json"), "{ \"variants\": [] }");
            var (exit, output) = Invoke("report", dir);
            Assert.Equal(ExitCodes.InvalidInput, exit);
            Assert.Contains("summary.json: key 'variants' is missing or not an object.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally { ResultsFixture.Delete(dir); }
    }

    [Fact]
    public void ValidDirectoryExitsWithZeroAndWritesIntoTheOutDirectory()
    {
        // summary.json and manifest.json only, so that just the four summary-based charts are drawn and the test stays quick.
        string results = ResultsFixture.NewTempDirectory();
        string outDir = ResultsFixture.NewTempDirectory();
        try
        {
            foreach (string f in new[] { "summary.json", "manifest.json" })
            {
                File.Copy(Path.Combine(ResultsFixture.SourceDirectory, f), Path.Combine(results, f));
            }
            var (exit, output) = Invoke("report", results, "--out", outDir);
            Assert.Equal(ExitCodes.Ok, exit);
            Assert.Contains("Wrote 4 charts", output, StringComparison.Ordinal);
            Assert.Contains("Note: Deaths chart not drawn", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outDir, "report.md")));
            Assert.True(File.Exists(Path.Combine(outDir, "report.html")));
            Assert.Equal(8, Directory.GetFiles(Path.Combine(outDir, "plots")).Length);
            Assert.Equal(["manifest.json", "summary.json"], Directory.GetFileSystemEntries(results).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            ResultsFixture.Delete(results);
            ResultsFixture.Delete(outDir);
        }
    }
}
