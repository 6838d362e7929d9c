using System.Diagnostics;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Core.Calibration;
using Simulation.Tests.Cli;
using Simulation.Tests.Experiments;
using Xunit.Abstractions;

namespace Simulation.Tests.Calibration;

/// <summary>
/// The real executable under SIGTERM: it stops after the block of points in hand, exits 3 with a
/// partial manifest and its finished points in the checkpoint, and --resume continues to the bytes of
/// an uninterrupted calibration.
/// </summary>
[Trait("Category", "Process")]
public class CalibrateSignalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SigtermKeepsFinishedBlocksAndResumeGivesTheSameBytes()
    {
        using var temp = new TempDirectory();
        // 200 points in wave 1: four blocks of 50, so a signal after the first block lands mid-wave.
        string file = CalibrateCommandTests.Setup(temp, CalibrateCommandTests.Yaml
            .Replace("wave1_points: 8", "wave1_points: 200", StringComparison.Ordinal)
            .Replace("max_waves: 2", "max_waves: 1", StringComparison.Ordinal));
        string outDirectory = temp.Sub("terminated");
        string checkpoint = CalibrationCheckpoint.PathIn(outDirectory);
        using Process process = Process.Start(CliProcess.StartInfo("calibrate", file, "--threads", "1", "--out", outDirectory))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        // Two header lines, then at least one finished block of rows.
        bool progressed = ProcessSignals.WaitFor(process, () => Lines(checkpoint) >= 2 + CalibrationWaves.BlockPoints, TimeSpan.FromSeconds(120));
        bool sent = progressed && ProcessSignals.Send(process, "TERM");
        await process.WaitForExitAsync();
        _ = await stdout;
        string errors = await stderr;
        output.WriteLine($"SIGTERM {(sent ? "sent" : "not sent")}, exit code {process.ExitCode}\n{errors}");
        Assert.True(sent, "the calibration ended before SIGTERM could be sent mid-wave; raise wave1_points");
        Assert.True(process.ExitCode == ExitCodes.Interrupted, $"expected exit code 3, got {process.ExitCode}\n{errors}");
        Assert.Contains("interrupted", errors, StringComparison.Ordinal);
        using (JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "manifest.json"))))
        {
            Assert.Equal("partial", manifest.RootElement.GetProperty("status").GetString());
        }
        int kept = Lines(checkpoint) - 2;
        Assert.InRange(kept, CalibrationWaves.BlockPoints, 199);
        Assert.False(File.Exists(Path.Combine(outDirectory, "plausible.csv")), "an interrupted calibration wrote results");

        string reference = temp.Sub("reference");
        CliRun.Succeed("calibrate", file, "--threads", "2", "--out", reference);
        var (code, _, err) = CliRun.Invoke("calibrate", file, "--threads", "2", "--out", outDirectory, "--resume");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains($"{kept} point(s) taken from the checkpoint", err, StringComparison.Ordinal);
        CalibrateCommandTests.AssertSameOutputs(reference, outDirectory);
    }

    private static int Lines(string path)
    {
        if (!File.Exists(path)) return 0;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            string text = reader.ReadToEnd();
            return text.Count(c => c == '\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
