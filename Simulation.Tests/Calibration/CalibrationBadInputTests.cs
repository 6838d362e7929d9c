using System.Diagnostics;
using System.Globalization;
using System.Text;
using Simulation.Cli;
using Simulation.Core.Calibration;
using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Calibration;

/// <summary>
/// Each rule of the calibration file, broken once in a copy of the shipped file: <c>channelsim validate</c>
/// exits 2 and names the file, the line and the rule, with no stack trace.
/// </summary>
public class CalibrationBadInputTests
{
    /// <summary>
    /// A copy of the shipped file in a temporary folder, edited by <paramref name="edit"/>; the year
    /// scenarios are named by absolute paths and the CSV is copied beside it.
    /// </summary>
    private static (TempDirectory Dir, string Path, string Text) Copy(Func<string, string> edit, bool withCsv = true)
    {
        var dir = new TempDirectory();
        string scenarios = Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar;
        string text = edit(File.ReadAllText(CalibrationFileTests.ShippedFile()).Replace("../", scenarios, StringComparison.Ordinal));
        string path = dir.Sub("calibration.yaml");
        File.WriteAllText(path, text);
        if (withCsv) File.Copy(Path.Combine(RepositoryPaths.Root(), "scenarios", "calibration", "calibration-targets.csv"), dir.Sub("calibration-targets.csv"));
        return (dir, path, text);
    }

    private static int LineOf(string text, string fragment)
    {
        int index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, "fragment not in the edited file: " + fragment);
        return 1 + text[..index].Count(c => c == '\n');
    }

    /// <summary>Validates the edited copy and checks exit 2 and a message "file:line:...rule".</summary>
    private static string AssertRejected(Func<string, string> edit, string fragmentOnLine, string ruleText, bool withCsv = true)
    {
        var (dir, path, text) = Copy(edit, withCsv);
        using (dir)
        {
            var (code, stdout, stderr) = CliRun.Invoke("validate", path);
            Assert.True(code == ExitCodes.InvalidInput, $"exit {code}\n{stdout}{stderr}");
            int line = LineOf(text, fragmentOnLine);
            string expectedStart = $"{path}:{line}:";
            Assert.True(stderr.Split('\n').Any(l => l.StartsWith(expectedStart, StringComparison.Ordinal) && l.Contains(ruleText, StringComparison.Ordinal)),
                $"no line starting '{expectedStart}' with '{ruleText}' in:\n{stderr}");
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.Contains("INVALID " + path, stderr, StringComparison.Ordinal);
            return stderr;
        }
    }

    [Fact]
    public void TheCopyWithoutEditsIsValid()
    {
        var (dir, path, _) = Copy(t => t);
        using (dir)
        {
            var (code, stdout, stderr) = CliRun.Invoke("validate", path);
            Assert.True(code == ExitCodes.Ok, stderr);
            Assert.Contains("OK " + path + " (calibration: 3 scenarios, 18 targets, 20 parameters)", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnUnknownKeyIsNamedWithASuggestion()
    {
        string err = AssertRejected(t => t.Replace("    observation_sd: 290 ", "    observaton_sd: 290 ", StringComparison.Ordinal),
            "observaton_sd: 290", "is not a known key here; did you mean 'observation_sd'?");
        Assert.Contains("targets[1].observaton_sd", err, StringComparison.Ordinal);
        Assert.Contains("targets[1].observation_sd: is required", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTopLevelAndDesignKeyAreNamed()
    {
        AssertRejected(t => t.Replace("design:\n", "desing_note: 1\ndesign:\n  wave_1_points: 4\n", StringComparison.Ordinal),
            "desing_note: 1", "is not a known key here");
        AssertRejected(t => t.Replace("design:\n", "design:\n  wave_1_points: 4\n", StringComparison.Ordinal),
            "wave_1_points: 4", "did you mean 'wave1_points'?");
    }

    [Fact]
    public void ARangeWithLowAboveHighIsRejected() =>
        AssertRejected(t => t.Replace("range: [0.02, 0.10]", "range: [0.10, 0.02]", StringComparison.Ordinal),
            "range: [0.10, 0.02]", "parameters[3].range = [0.1, 0.02]: has its low end (0.1) not below its high end (0.02)");

    [Fact]
    public void ARangeEqualEndsIsRejected() =>
        AssertRejected(t => t.Replace("range: [0.02, 0.10]", "range: [0.05, 0.05]", StringComparison.Ordinal),
            "range: [0.05, 0.05]", "not below its high end");

    [Fact]
    public void ARangeOutsideTheCatalogsValuesIsRejected() =>
        AssertRejected(t => t.Replace("range: [0.02, 0.10]", "range: [0.02, 1.5]", StringComparison.Ordinal),
            "range: [0.02, 1.5]", "goes outside the values harm.drowning_probability_in_water may take (0 to 1 probability)");

    [Fact]
    public void AYearInputAnUnknownKeyAndANonNumberAreRefusedAsParameters()
    {
        AssertRejected(t => t.Replace("key: smuggling.supply_cover_factor", "key: demand.new_arrivals_rate_per_day", StringComparison.Ordinal),
            "key: demand.new_arrivals_rate_per_day", "is a year input");
        AssertRejected(t => t.Replace("key: smuggling.supply_cover_factor", "key: smuggling.supply_cover_facter", StringComparison.Ordinal),
            "key: smuggling.supply_cover_facter", "did you mean 'smuggling.supply_cover_factor'?");
        AssertRejected(t => t.Replace("key: smuggling.supply_cover_factor", "key: french.maritime.doctrine", StringComparison.Ordinal),
            "key: french.maritime.doctrine", "only numbers, whole numbers and probabilities can be calibrated");
    }

    [Fact]
    public void ADuplicateParameterAndADuplicateTargetNameAreRejected()
    {
        AssertRejected(t => t.Replace("key: smuggling.supply_cover_factor", "key: smuggling.supply_capacity_boats_per_day", StringComparison.Ordinal),
            "key: smuggling.supply_capacity_boats_per_day\n    range: [1.5", "is a duplicate parameter (first at line");
        AssertRejected(t => t.Replace("name: arrivals_2023", "name: arrivals_2022", StringComparison.Ordinal),
            "name: arrivals_2022\n    scenario: " + Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar + "year-2023.yaml",
            "is a duplicate target name (first at line");
    }

    [Fact]
    public void ATargetWhoseScenarioIsNotListedIsRejected() =>
        AssertRejected(t => t.Replace("  - ../year-2023.yaml\n".Replace("../", Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar, StringComparison.Ordinal), "", StringComparison.Ordinal),
            "scenario: " + Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar + "year-2023.yaml",
            "is not one of the files listed under 'scenarios'");

    [Fact]
    public void AYearThatIsNotTheScenariosCalendarYearIsRejected() =>
        AssertRejected(t => t.Replace("    year: 2023\n    observed: 29437", "    year: 2024\n    observed: 29437", StringComparison.Ordinal),
            "year: 2024\n    observed: 29437", "is not the calendar year of");

    [Fact]
    public void AnUnknownMetricIsRejectedWithASuggestion() =>
        AssertRejected(t => t.Replace("metric: rescued_fr", "metric: rescued_france", StringComparison.Ordinal),
            "metric: rescued_france", "is not a metric (a column of replications.csv); did you mean 'rescued_fr'?");

    [Theory]
    [InlineData("observed: .nan", "must be a finite number")]
    [InlineData("observed: 1e999", "must be a finite number")]
    [InlineData("observed: many", "must be a finite number")]
    public void ANonFiniteObservedIsRejected(string replacement, string rule) =>
        AssertRejected(t => t.Replace("observed: 45774", replacement, StringComparison.Ordinal), replacement, rule);

    [Theory]
    [InlineData("observation_sd: 0 ")]
    [InlineData("observation_sd: -460 ")]
    [InlineData("discrepancy_sd: 0 ")]
    [InlineData("discrepancy_sd: -2300 ")]
    public void AZeroOrNegativeUncertaintyIsRejected(string replacement)
    {
        string original = replacement.StartsWith("observation", StringComparison.Ordinal) ? "observation_sd: 460 " : "discrepancy_sd: 2300 ";
        AssertRejected(t => t.Replace(original, replacement, StringComparison.Ordinal), replacement, "must be above 0");
    }

    [Fact]
    public void AnObservedValueThatIsNotItsSourceRowIsRejected() =>
        AssertRejected(t => t.Replace("observed: 45774", "observed: 45775", StringComparison.Ordinal),
            "observed: 45775", "is not the value of its source in calibration-targets.csv (45774 for '2022 small_boat_arrivals')");

    [Fact]
    public void ASourceRowThatIsNotInTheCsvIsRejected() =>
        AssertRejected(t => t.Replace("source: 2022 small_boat_arrivals", "source: 2022 small_boats_arrivals_total", StringComparison.Ordinal),
            "source: 2022 small_boats_arrivals_total", "which is not in calibration-targets.csv");

    [Fact]
    public void AMissingCsvIsReported() =>
        AssertRejected(t => t, "targets:", "needs calibration-targets.csv beside this file", withCsv: false);

    [Fact]
    public void AMissingYearScenarioIsReportedAtItsLine()
    {
        string scenarios = Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar;
        AssertRejected(t => t.Replace(scenarios + "year-2023.yaml", scenarios + "year-2019.yaml", StringComparison.Ordinal),
            "- " + scenarios + "year-2019.yaml", "which does not exist");
    }

    [Fact]
    public void AnInvalidYearScenarioIsReportedWithItsOwnPathAndLine()
    {
        using var temp = new TempDirectory();
        string scenarios = Path.Combine(RepositoryPaths.Root(), "scenarios") + Path.DirectorySeparatorChar;
        string broken = temp.Sub("year-2023.yaml");
        File.WriteAllText(broken, File.ReadAllText(scenarios + "year-2023.yaml")
            .Replace("extends: baseline-2024.yaml", "extends: " + scenarios + "baseline-2024.yaml", StringComparison.Ordinal)
            .Replace("  horizon_days: 365", "  horizon_days: -365", StringComparison.Ordinal));
        int brokenLine = 1 + File.ReadAllText(broken).Split("horizon_days: -365")[0].Count(c => c == '\n');
        string err = AssertRejected(t => t.Replace(scenarios + "year-2023.yaml", broken, StringComparison.Ordinal),
            "- " + broken, "which is not a valid scenario");
        Assert.Contains($"{broken}:{brokenLine}:", err, StringComparison.Ordinal);
        Assert.Contains("calendar.horizon_days = -365", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wave1_points: 400", "wave1_points: 1", "must be a whole number of points from 2")]
    [InlineData("replications: 4 ", "replications: 1 ", "must be a whole number of replications")]
    [InlineData("cutoff: 3 ", "cutoff: 0 ", "must be above 0")]
    [InlineData("max_waves: 4", "max_waves: 0", "must be a whole number of waves from 1")]
    [InlineData("method: latin_hypercube", "method: random", "must be latin_hypercube or sobol")]
    [InlineData("rule: max ", "rule: maximum ", "must be max or second_max")]
    [InlineData("seed: 20260101", "seed: -1", "unsigned 64-bit seed")]
    public void DesignValuesOutOfRangeAreRejected(string original, string replacement, string rule) =>
        AssertRejected(t => t.Replace(original, replacement, StringComparison.Ordinal), replacement, rule);

    [Fact]
    public void AMissingRequiredSectionIsReported()
    {
        var result = CalibrationFileLoader.LoadText("name: x\nscenarios: []\ntargets: []\n", Path.Combine(Path.GetTempPath(), "x.yaml"));
        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.KeyPath == "parameters" && i.Rule.StartsWith("is required", StringComparison.Ordinal) && i.Line == 1);
    }
}

/// <summary>Mutation fuzzing of the calibration loader over the shipped file (same mutator as the scenario fuzz).</summary>
public class CalibrationFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerCaseLimit = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="cases"/> mutated loads; returns how many were valid and invalid.</summary>
    private static (int Valid, int Invalid) Fuzz(int cases, int seed)
    {
        string file = CalibrationFileTests.ShippedFile();
        string text = File.ReadAllText(file);
        int valid = 0, invalid = 0;
        for (int i = 0; i < cases; i++)
        {
            int caseSeed = seed + i;
            byte[] bytes = ScenarioMutator.Mutate(text, new Random(caseSeed));
            // Loaded as if it were the shipped file, so its scenarios and the CSV are found.
            var task = Task.Run(() => CalibrationFileLoader.LoadBytes(bytes, file));
            bool finished;
            try
            {
                finished = task.Wait(PerCaseLimit);
            }
            catch (AggregateException e)
            {
                Assert.Fail($"seed {caseSeed}: the loader threw {e.InnerException}");
                throw;
            }
            Assert.True(finished, $"seed {caseSeed}: the loader took longer than {PerCaseLimit.TotalSeconds} s");
            CalibrationLoadResult result = task.Result;
            if (result.IsValid)
            {
                Assert.Empty(result.Issues);
                valid++;
                continue;
            }
            invalid++;
            Assert.Null(result.Spec);
            Assert.False(result.Issues.IsEmpty, $"seed {caseSeed}: invalid without an issue");
            foreach (ScenarioIssue issue in result.Issues)
            {
                Assert.False(string.IsNullOrWhiteSpace(issue.Rule), $"seed {caseSeed}: issue without a rule: {issue}");
                Assert.True(issue.Line > 0 && issue.Column > 0, $"seed {caseSeed}: issue without a position: {issue}");
            }
        }
        return (valid, invalid);
    }

    [Fact]
    public void MutationsOfTheShippedFileLoadOrGiveLocatedIssues()
    {
        var watch = Stopwatch.StartNew();
        var (valid, invalid) = Fuzz(400, 7);
        output.WriteLine($"400 cases: {valid} valid, {invalid} with issues, {watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        // A mutator that broke every file (or none) would not test both paths of the loader.
        Assert.True(valid > 0 && invalid > 0, $"valid {valid}, invalid {invalid}");
    }

    [Fact]
    [Trait("Category", "LongRunning")]
    public void ManyMoreMutationsOnDemand()
    {
        // Full count with CHANNELSIM_FUZZ_CASES (as the scenario fuzz); otherwise a different-seed batch.
        string? configured = Environment.GetEnvironmentVariable("CHANNELSIM_FUZZ_CASES");
        int cases = configured is null ? 300 : int.Parse(configured, CultureInfo.InvariantCulture);
        var (valid, invalid) = Fuzz(cases, 1_000_000);
        output.WriteLine($"{cases} cases: {valid} valid, {invalid} with issues");
        Assert.Equal(cases, valid + invalid);
    }

    [Fact]
    public void NonUtf8AndEmptyFilesGiveLocatedIssues()
    {
        string file = CalibrationFileTests.ShippedFile();
        foreach (byte[] bytes in new[] { new byte[] { 0xFF, 0xFE, 0x41 }, Encoding.UTF8.GetBytes(""), Encoding.UTF8.GetBytes("targets: 5\n"), new byte[] { 0x61, 0x00 } })
        {
            var result = CalibrationFileLoader.LoadBytes(bytes, file);
            Assert.False(result.IsValid);
            Assert.All(result.Issues, i => Assert.True(i.Line > 0, i.ToString()));
        }
    }
}
