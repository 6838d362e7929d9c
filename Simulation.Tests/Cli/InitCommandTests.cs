using System.Diagnostics;
using Simulation.Cli;
using Simulation.Cli.Commands.Init;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// channelsim init DIR: the installed tool carries the shipped scenarios, so a study works from any
/// folder, not only from a clone of the repository.
/// </summary>
public class InitCommandTests
{
    [Fact]
    public void TheToolCarriesEveryFileOfTheScenariosFolderAndTheSchema()
    {
        string root = RepositoryPaths.Root();
        var expected = Directory.GetFiles(Path.Combine(root, "scenarios"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Append("docs/scenario.schema.json")
            .Order(StringComparer.Ordinal).ToArray();
        var shipped = InitHandler.ShippedFiles();
        Assert.Equal(expected, shipped.Select(f => f.Path).ToArray());
        foreach (var (path, bytes) in shipped) Assert.Equal(File.ReadAllBytes(Path.Combine(root, path)), bytes);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void InitWritesAStudyFolderThatValidatesAndRunsFromThatFolderAndNeverOverwritesSilently()
    {
        using var temp = new TempDirectory();
        string study = temp.Sub("my-study");
        var (code, stdout, err) = Invoke("init", study);
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Contains("channelsim run scenarios/baseline-2024.yaml", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(study, "scenarios", "README.md")));
        Assert.True(File.Exists(Path.Combine(study, "docs", "scenario.schema.json")));

        // From inside the study folder, with relative paths, through the real executable.
        string[] scenarios = Directory.GetFiles(Path.Combine(study, "scenarios"), "*.yaml").Select(f => "scenarios/" + Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        // Every scenario the repository ships, no more, no fewer.
        int shipped = Directory.GetFiles(Path.Combine(Simulation.Tests.Scenarios.RepositoryPaths.Root(), "scenarios"), "*.yaml").Length;
        Assert.Equal(shipped, scenarios.Length);
        var (validateCode, validateErr, validateOut) = RunIn(study, ["validate", .. scenarios]);
        Assert.True(validateCode == ExitCodes.Ok, validateErr);
        Assert.Equal(shipped, validateOut.Split('\n').Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        // more-uk-vessels.yaml extends baseline-2024.yaml: the parent came along.
        var (runCode, runErr, _) = RunIn(study, ["run", "scenarios/more-uk-vessels.yaml", "-r", "2", "--threads", "1", "--no-plots"]);
        Assert.True(runCode == ExitCodes.Ok, runErr);
        Assert.True(File.Exists(Path.Combine(study, "results", "more-uk-vessels", "summary.json")), runErr);

        // A second init refuses, naming a file, and changes nothing; --force restores the shipped files.
        string baseline = Path.Combine(study, "scenarios", "baseline-2024.yaml");
        File.WriteAllText(baseline, "# my edits\n" + File.ReadAllText(baseline));
        string edited = File.ReadAllText(baseline);
        (code, _, err) = Invoke("init", study);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("already exists", err, StringComparison.Ordinal);
        Assert.Contains("--force", err, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(baseline));
        (code, _, err) = Invoke("init", study, "--force");
        Assert.True(code == ExitCodes.Ok, err);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml")), File.ReadAllText(baseline));

        // A file where the folder should be is refused.
        File.WriteAllText(temp.Sub("a-file"), "x");
        (code, _, err) = Invoke("init", temp.Sub("a-file"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("is a file", err, StringComparison.Ordinal);
    }

    private static (int Code, string Err, string Out) RunIn(string directory, string[] args)
    {
        ProcessStartInfo start = CliProcess.StartInfo(args);
        start.WorkingDirectory = directory;
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr, stdout.Result);
    }
}
