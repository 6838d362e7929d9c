using System.Diagnostics;
using System.Globalization;
using System.Text;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Experiments;
using Xunit.Abstractions;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// Mutation fuzzing of the scenario loader over every shipped scenario: each case must load or
/// report located issues, never throw, and finish within <see cref="PerCaseLimit"/>.
/// </summary>
public class ScenarioFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// A real scenario loads in a few milliseconds; two seconds leaves room for a 2-core machine
    /// shared with other builds while still catching a loop or an exponential blow-up.
    /// </summary>
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(2);

    private static readonly CatalogIndex Catalog = new(ParameterCatalog.All);

    private static string[] ShippedScenarios() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root(), "scenarios"), "*.yaml").Order(StringComparer.Ordinal)];

    /// <summary>Runs <paramref name="cases"/> mutated loads and returns how many were valid.</summary>
    private static (int Valid, int Invalid) Fuzz(int cases, int seed)
    {
        string[] files = ShippedScenarios();
        Assert.NotEmpty(files);
        string[] texts = [.. files.Select(File.ReadAllText)];
        int valid = 0, invalid = 0;
        for (int i = 0; i < cases; i++)
        {
            int caseSeed = seed + i;
            var rng = new Random(caseSeed);
            int which = i % files.Length;
            byte[] bytes = ScenarioMutator.Mutate(texts[which], rng);
            // The mutated text is loaded as if it were the shipped file, so 'extends' finds the real parents.
            ScenarioLoadResult result = LoadWithinLimit(files[which], bytes, $"seed {caseSeed} ({Path.GetFileName(files[which])})");
            if (result.IsValid) valid++;
            else invalid++;
        }
        return (valid, invalid);
    }

    private static ScenarioLoadResult LoadPathWithinLimit(string path)
    {
        var task = Task.Run(() => ScenarioLoader.Load(path));
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), path + " hung the loader");
        return task.Result;
    }

    internal static ScenarioLoadResult LoadWithinLimit(string file, byte[] bytes, string label)
    {
        var task = Task.Run(() => new ScenarioResolver(Catalog).Load(file, bytes));
        bool finished;
        try
        {
            finished = task.Wait(PerCaseLimit);
        }
        catch (AggregateException e)
        {
            Assert.Fail($"{label}: the loader threw {e.InnerException}");
            throw;
        }
        Assert.True(finished, $"{label}: the loader took longer than {PerCaseLimit.TotalSeconds} s");
        ScenarioLoadResult result = task.Result;
        AssertWellFormed(result, label);
        return result;
    }

    private static void AssertWellFormed(ScenarioLoadResult result, string label)
    {
        if (result.IsValid)
        {
            Assert.Empty(result.Issues);
            Assert.NotEmpty(result.Scenario!.Variants);
            return;
        }
        Assert.Null(result.Scenario);
        Assert.False(result.Issues.IsEmpty, $"{label}: invalid without an issue");
        foreach (ScenarioIssue issue in result.Issues)
        {
            Assert.False(string.IsNullOrWhiteSpace(issue.Rule), $"{label}: issue without a rule: {issue}");
            Assert.False(string.IsNullOrEmpty(issue.File), $"{label}: issue without a file: {issue}");
            // Every fuzzed text is given to the loader in memory, so each problem has a position in it.
            Assert.True(issue.Line > 0 && issue.Column > 0, $"{label}: issue without a position: {issue}");
        }
    }

    [Fact]
    public void ThousandsOfMutationsOfEveryShippedScenarioLoadOrGiveLocatedIssues()
    {
        var watch = Stopwatch.StartNew();
        var (valid, invalid) = Fuzz(1200, 1);
        output.WriteLine($"1200 cases: {valid} valid, {invalid} with issues, {watch.Elapsed.TotalSeconds:F1} s");
        // A mutator that broke every file (or none) would not test both paths of the loader.
        Assert.True(valid > 0 && invalid > 0, $"valid {valid}, invalid {invalid}");
    }

    [Fact]
    [Trait("Category", "LongRunning")]
    public void OneHundredThousandMutationsOnDemand()
    {
        // Full count with CHANNELSIM_FUZZ_CASES=100000; otherwise a smaller, different-seed batch so
        // the test always checks something rather than passing empty.
        string? configured = Environment.GetEnvironmentVariable("CHANNELSIM_FUZZ_CASES");
        int cases = configured is null ? 300 : int.Parse(configured, CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var (valid, invalid) = Fuzz(cases, 1_000_000);
        output.WriteLine($"{cases} cases: {valid} valid, {invalid} with issues, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(cases, valid + invalid);
    }

    [Fact]
    public void AFiftyMegabyteFileIsRejectedQuicklyWithAPosition()
    {
        var builder = new StringBuilder("name: huge\ndescription: |\n");
        string line = "  " + new string('x', 1000) + "\n";
        while (builder.Length < 50 * 1024 * 1024) builder.Append(line);
        byte[] bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var result = LoadWithinLimit("huge.yaml", bytes, "50 MB");
        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.Rule.Contains("MB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(100_000)]
    public void DeeplyNestedMappingsAndListsAreRejectedWithoutStackOverflow(int depth)
    {
        var mappings = new StringBuilder("name: deep\n");
        for (int i = 0; i < Math.Min(depth, 500); i++) mappings.Append(new string(' ', 2 * i)).Append("k").Append(i.ToString(CultureInfo.InvariantCulture)).Append(":\n");
        mappings.Append(new string(' ', 2 * Math.Min(depth, 500))).Append("leaf: 1\n");
        LoadWithinLimit("deep.yaml", Encoding.UTF8.GetBytes(mappings.ToString()), "nested mappings " + depth);
        string flow = "name: deep\nx: " + new string('[', depth) + new string(']', depth) + "\n";
        var result = LoadWithinLimit("deep.yaml", Encoding.UTF8.GetBytes(flow), "flow lists " + depth);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void AnEndlessDeviceIsRejectedInsteadOfExhaustingMemory(string device)
    {
        // Regression: these report length 0 and never end; reading them whole ran the process out
        // of memory (/dev/zero) or hung (/dev/urandom). Unix only: Windows has no such paths.
        if (OperatingSystem.IsWindows()) return;
        ScenarioLoadResult result = LoadPathWithinLimit(device);
        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.Rule.Contains("does not end", StringComparison.Ordinal) || i.Rule.Contains("NUL", StringComparison.Ordinal) || i.Rule.Contains("UTF-8", StringComparison.Ordinal));
    }

    /// <summary>
    /// The real executable on a sample of mutated files: exit 0 or 2, never a stack trace on stderr,
    /// and nothing at all written to --out when the scenario is rejected. The validate cases go
    /// through one process (validate takes many files and gives a verdict per file), the run cases
    /// one process each.
    /// </summary>
    [Fact]
    [Trait("Category", "Process")]
    public void TheRealExecutableRejectsMutatedFilesCleanly()
    {
        using var temp = new TempDirectory();
        string[] files = ShippedScenarios();
        // Parents are copied so that 'extends' resolves next to the mutated copy.
        foreach (string file in files) File.Copy(file, temp.Sub(Path.GetFileName(file)));
        int cases = 30, rejected = 0;
        var validateFiles = new List<(string Path, bool Valid)>();
        var jobs = new List<Func<string?>>();
        for (int i = 0; i < cases; i++)
        {
            int caseSeed = 50_000 + i;
            string source = files[i % files.Length];
            // Every sixth case is the shipped file with a comment added, so the accepting path (exit 0, results written) is exercised too.
            byte[] bytes = i % 6 == 5
                ? Encoding.UTF8.GetBytes(File.ReadAllText(source) + "\n# fuzz case " + i.ToString(CultureInfo.InvariantCulture) + "\n")
                : ScenarioMutator.Mutate(File.ReadAllText(source), new Random(caseSeed));
            string scenario = temp.Sub($"fuzz-{i}-{Path.GetFileName(source)}");
            File.WriteAllBytes(scenario, bytes);
            bool expectedValid = new ScenarioResolver(Catalog).Load(scenario, null).IsValid;
            if (!expectedValid) rejected++;
            if (i % 2 == 0)
            {
                validateFiles.Add((scenario, expectedValid));
                continue;
            }
            string outDirectory = temp.Sub("out-" + i);
            string[] args = ["run", scenario, "--replications", "2", "--threads", "1", "--out", outDirectory];
            jobs.Add(() =>
            {
                var (code, err) = CliProcess.Run(args);
                string label = $"seed {caseSeed} run {Path.GetFileName(source)}: exit {code}\n{err}";
                if (err.Contains("   at ", StringComparison.Ordinal)) return "stack trace on stderr: " + label;
                if (expectedValid && code != 0) return "valid file not accepted: " + label;
                if (!expectedValid && code != 2) return "invalid file not exit 2: " + label;
                if (!expectedValid && err.Trim().Length == 0) return "no message: " + label;
                if (!expectedValid && Directory.Exists(outDirectory)) return "output written for a rejected file: " + label;
                if (expectedValid && !File.Exists(Path.Combine(outDirectory, "summary.json"))) return "accepted run wrote no summary: " + label;
                return null;
            });
        }
        jobs.Add(() =>
        {
            var (code, stdout, err) = RunWithOutput(["validate", .. validateFiles.Select(f => f.Path)]);
            string all = stdout + err;
            if (all.Contains("   at ", StringComparison.Ordinal)) return "stack trace from validate:\n" + all;
            if (code != (validateFiles.All(f => f.Valid) ? 0 : 2)) return $"validate exit {code}:\n{all}";
            foreach (var (path, valid) in validateFiles)
            {
                if (!all.Contains((valid ? "OK " : "INVALID ") + path, StringComparison.Ordinal)) return $"validate gave the wrong verdict for {path} (expected {(valid ? "OK" : "INVALID")}):\n{all}";
            }
            return null;
        });
        // Two at a time: the machine has two cores.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, job =>
        {
            if (job() is { } failure) failures.Add(failure);
        });
        output.WriteLine($"{cases} cases through the real process ({validateFiles.Count} validate, {cases - validateFiles.Count} run), {rejected} rejected");
        Assert.Empty(failures);
        Assert.True(rejected > 0 && rejected < cases, $"{rejected} of {cases} rejected; the sample must cover both paths");
    }

    private static (int Code, string Out, string Err) RunWithOutput(string[] args)
    {
        using Process process = Process.Start(CliProcess.StartInfo(args))!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }
}
