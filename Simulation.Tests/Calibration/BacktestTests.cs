using System.Globalization;
using Simulation.Cli;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Domain;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Calibration;

/// <summary><c>channelsim backtest</c>: its file, its test against an independent recomputation, and the generated VALIDATION.md.</summary>
public class BacktestTests
{
    private static string Scenario(string name) => Path.Combine(RepositoryPaths.Root(), "scenarios", name);

    private static List<string[]> ReadCsv(string path) => [.. File.ReadAllLines(path).Select(l => l.Split(','))];

    [Fact]
    public void BacktestCsvHasExactlyTheColumnsAndOneRowPerCoveredTargetAndLeavesOutTheOthers()
    {
        using var temp = new TempDirectory();
        var (code, stdout, stderr) = CliRun.Invoke("backtest", Scenario("year-2023.yaml"), "--calibration", CalibrationFileTests.ShippedFile(),
            "-r", "5", "--out", temp.Path);
        Assert.True(code == ExitCodes.Ok, stderr);
        var rows = ReadCsv(Path.Combine(temp.Path, "backtest.csv"));
        Assert.Equal("year,target,observed,observed_low,observed_high,simulated_mean,simulated_p05,simulated_p95,within", string.Join(',', rows[0]));
        CalibrationSpec spec = CalibrationFileLoader.Load(CalibrationFileTests.ShippedFile()).Spec!;
        string[] expected = [.. spec.Targets.Where(t => t.Scenario == "../year-2023.yaml").Select(t => t.Name)];
        Assert.True(expected.Length >= 5);
        Assert.Equal(expected, rows.Skip(1).Select(r => r[1]).ToArray());
        Assert.All(rows.Skip(1), r => Assert.Equal("2023", r[0]));
        // Targets of scenarios not given are neither written nor printed.
        Assert.DoesNotContain("arrivals_2022", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("arrivals_2024", stdout, StringComparison.Ordinal);
        Assert.Contains("arrivals_2023", stdout, StringComparison.Ordinal);
        string manifest = File.ReadAllText(Path.Combine(temp.Path, "manifest.json"));
        Assert.Contains(spec.Sha256, manifest, StringComparison.Ordinal);
        Assert.Contains("\"seed\": \"20230101\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"channelsim_version\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void WithinAndTheRangesAgreeWithAnIndependentRecomputation()
    {
        using var temp = new TempDirectory();
        const int n = 6;
        var (code, _, stderr) = CliRun.Invoke("backtest", Scenario("year-2022.yaml"), "--calibration", CalibrationFileTests.ShippedFile(),
            "-r", n.ToString(CultureInfo.InvariantCulture), "--seed", "99", "--out", temp.Path);
        Assert.True(code == ExitCodes.Ok, stderr);
        var rows = ReadCsv(Path.Combine(temp.Path, "backtest.csv")).Skip(1).ToList();
        CalibrationSpec spec = CalibrationFileLoader.Load(CalibrationFileTests.ShippedFile()).Spec!;
        var parameters = ScenarioLoader.Load(Scenario("year-2022.yaml")).Scenario!.Variants[0].Parameters;
        var results = ModelRunner.Run(parameters, n, 99);
        Assert.NotEmpty(rows);
        foreach (string[] row in rows)
        {
            CalibrationTarget t = spec.Targets.Single(x => x.Name == row[1]);
            double[] values = [.. results.Select(r => r[t.Metric])];
            double mean = values.Average();
            double variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
            double total = Math.Sqrt(t.ObservationSd * t.ObservationSd + t.DiscrepancySd * t.DiscrepancySd);
            double implausibility = Math.Abs(t.Observed - mean) / Math.Sqrt(total * total + variance / n);
            double Cell(int i) => double.Parse(row[i], CultureInfo.InvariantCulture);
            // Tolerances: the same doubles summed in another order differ in the last bits only.
            Assert.Equal(t.Observed, Cell(2));
            Assert.Equal(t.Observed - 1.645 * total, Cell(3), 1e-9);
            Assert.Equal(t.Observed + 1.645 * total, Cell(4), 1e-9);
            Assert.Equal(mean, Cell(5), 1e-9 * Math.Max(1, Math.Abs(mean)));
            Assert.Equal(QuantileR7(values, 0.05), Cell(6), 1e-9 * Math.Max(1, Math.Abs(mean)));
            Assert.Equal(QuantileR7(values, 0.95), Cell(7), 1e-9 * Math.Max(1, Math.Abs(mean)));
            Assert.Equal(implausibility <= 3 ? "true" : "false", row[8]);
        }
    }

    /// <summary>R-7: h = (n − 1)p, linear between the order statistics around h.</summary>
    private static double QuantileR7(double[] values, double p)
    {
        double[] sorted = [.. values.Order()];
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    [Fact]
    public void TheReportHasOneRowPerTargetMarksEveryMissAndIsLeftOutWithNoPlots()
    {
        using var temp = new TempDirectory();
        var (code, _, stderr) = CliRun.Invoke("backtest", Scenario("year-2023.yaml"), "--calibration", CalibrationFileTests.ShippedFile(),
            "-r", "4", "--out", temp.Path);
        Assert.True(code == ExitCodes.Ok, stderr);
        var rows = ReadCsv(Path.Combine(temp.Path, "backtest.csv")).Skip(1).ToList();
        string html = File.ReadAllText(Path.Combine(temp.Path, "report.html"));
        foreach (string[] row in rows) Assert.Contains(">" + row[1] + " <small>", html, StringComparison.Ordinal);
        Assert.Equal(rows.Count, System.Text.RegularExpressions.Regex.Matches(html, "<svg ").Count);
        Assert.Equal(rows.Count(r => r[8] == "false"), System.Text.RegularExpressions.Regex.Matches(html, ">NO<").Count);
        // A miss must be visible: a far-off row is rendered NO.
        var far = new BacktestRow(2023, "far_target", "deaths", 100, 90, 110, 10, 5, 15, 9.5, false);
        Assert.Contains(" no\">NO<", Simulation.Cli.Reporting.BacktestReport.Render("x", "spread", [far]), StringComparison.Ordinal);

        using var quiet = new TempDirectory();
        (code, _, stderr) = CliRun.Invoke("backtest", Scenario("year-2023.yaml"), "--calibration", CalibrationFileTests.ShippedFile(),
            "-r", "4", "--no-plots", "--out", quiet.Path);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.False(File.Exists(Path.Combine(quiet.Path, "report.html")));
        Assert.True(File.Exists(Path.Combine(quiet.Path, "backtest.csv")));
    }

    [Fact]
    public void ATargetFarFromTheModelIsNotWithin()
    {
        var target = new CalibrationTarget
        {
            Name = "x", Scenario = "s", Metric = Metric.Deaths, Year = 2024, Observed = 100, ObservationSd = 5, DiscrepancySd = 5, Source = "s",
        };
        BacktestRow far = Backtest.Row(target, [40, 42, 44, 46]);
        Assert.False(far.Within);
        Assert.Equal(57 / Math.Sqrt(50 + (20.0 / 3) / 4), far.Implausibility, 1e-12);
        BacktestRow near = Backtest.Row(target, [95, 97, 99, 101]);
        Assert.True(near.Within);
    }

    [Fact]
    public void AScenarioTheCalibrationFileDoesNotNameIsRefusedWithNothingWritten()
    {
        using var temp = new TempDirectory();
        string outDir = temp.Sub("out");
        var (code, _, stderr) = CliRun.Invoke("backtest", Scenario("more-uk-vessels.yaml"), "--calibration", CalibrationFileTests.ShippedFile(), "-r", "3", "--out", outDir);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("is not one of the scenarios of", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    // A committed document checked byte for byte against the model's output: like the golden files, any model
    // change fails it, so it says nothing about which behaviour broke and is left out of mutation runs.
    [Fact]
    [Trait("Category", "Golden")]
    public void ValidationMdIsExactlyWhatTheBacktestCommandWrites()
    {
        // The same command as the document's header, in-process, with absolute paths (the document names no path).
        using var temp = new TempDirectory();
        string markdown = temp.Sub("VALIDATION.md");
        var (code, _, stderr) = CliRun.Invoke("backtest", Scenario("year-2022.yaml"), Scenario("year-2023.yaml"), Scenario("baseline-2024.yaml"),
            "--calibration", CalibrationFileTests.ShippedFile(), "--out", temp.Sub("out"), "--markdown", markdown);
        Assert.True(code == ExitCodes.Ok, stderr);
        string committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "VALIDATION.md"));
        string generated = File.ReadAllText(markdown);
        Assert.True(committed == generated,
            "docs/VALIDATION.md differs from what 'channelsim backtest ... --markdown docs/VALIDATION.md' writes; run the command in its header instead of editing the file.");
    }
}
