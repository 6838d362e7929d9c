using System.Globalization;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Cli.Reporting;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

public class SweepCommandTests
{
    private static readonly string Baseline = Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");

    [Theory]
    [InlineData("french.beach.prevention_probability=0.3:0.6:7", "did you mean french.beach.max_prevention_probability?")]
    [InlineData("french.beach.max_prevention_probability=0.3:1.6:7", "1.6 is outside the allowed range [0, 1]")]
    [InlineData("french.maritime.doctrine=none,full", "a choice parameter cannot be swept; only number, integer and probability parameters can")]
    [InlineData("calendar.start_date=1:2:3", "a date parameter cannot be swept")]
    public void ABadVaryExitsWithTwoNamesThePathAndTheRuleAndWritesNothing(string vary, string message)
    {
        using var temp = new TempDirectory();
        string outDirectory = temp.Sub("out");
        var (code, stdout, err) = Invoke("sweep", Baseline, "--vary", vary, "--out", outDirectory, "-r", "2");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Contains(vary[..vary.IndexOf('=', StringComparison.Ordinal)], err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Theory]
    [InlineData("--design", "lhs", "--samples", "1")]
    [InlineData("--replications", "1")]
    [InlineData("--metric", "arrivals")]
    [InlineData("--variant", "no-such-variant")]
    [InlineData("--design", "cube")]
    public void BadOptionsExitWithTwoAndWriteNothing(params string[] options)
    {
        using var temp = new TempDirectory();
        string outDirectory = temp.Sub("out");
        string vary = options.Contains("lhs") ? "demand.give_up_probability=0:0.2" : "demand.give_up_probability=0:0.2:3";
        var (code, _, err) = Invoke(["sweep", Baseline, "--vary", vary, "--out", outDirectory, .. options]);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.NotEqual("", err);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public void SweepWithoutVaryIsAUsageError()
    {
        var (code, _, err) = Invoke("sweep", Baseline);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--vary", err, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void ATwoParameterLatinHypercubeOfTwentyPointsRunsWritesEveryFileAndCharts()
    {
        using var temp = new TempDirectory();
        string outDirectory = temp.Sub("sweep");
        var (code, stdout, err) = Invoke("sweep", Baseline,
            "--vary", "french.beach.max_prevention_probability=0.6:0.95", "--vary", "demand.new_arrivals_rate_per_day=80:130",
            "--design", "lhs", "--samples", "20", "-r", "5", "--threads", "2", "--out", outDirectory);
        Assert.True(code == ExitCodes.Ok, err);

        string[] points = File.ReadAllLines(Path.Combine(outDirectory, "sweep_points.csv"));
        Assert.StartsWith("point,french.beach.max_prevention_probability,demand.new_arrivals_rate_per_day,arrivals_uk_mean,arrivals_uk_ci95_low,arrivals_uk_ci95_high,", points[0], StringComparison.Ordinal);
        Assert.Equal(1 + 20, points.Length);
        Assert.All(points.Skip(1), line => Assert.EndsWith(",5", line, StringComparison.Ordinal));

        // sweep.csv must be exactly what the report's reader and the tornado chart expect.
        IReadOnlyList<SweepRow> rows = ResultsReader.ReadSweep(Path.Combine(outDirectory, "sweep.csv"));
        Assert.Equal(4, rows.Count);
        SweepRow demand = rows.Single(r => r.Metric == "arrivals_uk" && r.Parameter == "demand.new_arrivals_rate_per_day");
        Assert.Equal(("80", "130"), (demand.LowValue, demand.HighValue));
        Assert.True(demand.HighMean > demand.BaselineMean && demand.BaselineMean > demand.LowMean, "more new arrivals a day means more UK arrivals");

        string[] ranking = File.ReadAllLines(Path.Combine(outDirectory, "sensitivity.csv"));
        Assert.StartsWith("arrivals_uk,1,demand.new_arrivals_rate_per_day,", ranking[1], StringComparison.Ordinal);
        Assert.Contains("demand.new_arrivals_rate_per_day", stdout, StringComparison.Ordinal);

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDirectory, "manifest.json")));
        JsonElement design = manifest.RootElement.GetProperty("design");
        Assert.Equal("lhs", design.GetProperty("kind").GetString());
        Assert.Equal(20, design.GetProperty("points").GetArrayLength());
        Assert.Equal("sweep", manifest.RootElement.GetProperty("command").GetString());
        foreach (string output in manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!))
        {
            Assert.True(new FileInfo(Path.Combine(outDirectory, output)).Length > 0, output);
        }
        foreach (string chart in new[] { "tornado_arrivals_uk", "tornado_deaths", "sweep_arrivals_uk", "sweep_deaths" })
        {
            Assert.True(new FileInfo(Path.Combine(outDirectory, "plots", chart + ".png")).Length > 10_000, chart);
        }
        // The tornado's bars carry the paired interval of their difference from the base.
        Assert.True(demand.HighDiffCi.Low > 0 && demand.HighDiffCi.Low <= demand.HighMean - demand.BaselineMean && demand.HighMean - demand.BaselineMean <= demand.HighDiffCi.High);

        // The sweep writes its report, and 'channelsim report' redraws it from the sweep directory.
        string md = File.ReadAllText(Path.Combine(outDirectory, "report.md"));
        Assert.Contains("# ChannelSim sweep report:", md, StringComparison.Ordinal);
        Assert.Contains("Arrivals in the UK: most sensitive to demand.new_arrivals_rate_per_day.", md, StringComparison.Ordinal);
        Assert.Contains("> **What the intervals cover**", md, StringComparison.Ordinal);
        Assert.Contains("| 1 | demand.new_arrivals_rate_per_day | 80 | 130 |", md, StringComparison.Ordinal);
        string reportDirectory = temp.Sub("again");
        var (reportCode, reportOut, reportErr) = Invoke("report", outDirectory, "--out", reportDirectory);
        Assert.True(reportCode == ExitCodes.Ok, reportErr);
        Assert.Contains("Wrote 4 charts", reportOut, StringComparison.Ordinal);
        Assert.Contains("# ChannelSim sweep report:", File.ReadAllText(Path.Combine(reportDirectory, "report.md")), StringComparison.Ordinal);

        // Earlier results are kept unless --force says otherwise.
        var (again, _, againErr) = Invoke("sweep", Baseline, "--vary", "demand.give_up_probability=0:0.2:2", "-r", "2", "--out", outDirectory);
        Assert.Equal(ExitCodes.InvalidInput, again);
        Assert.Contains("--force", againErr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void TheSameSweepGivesTheSameBytesForAnyThreadCountAndCulture()
    {
        using var temp = new TempDirectory();
        string scenario = temp.Sub("short.yaml");
        File.WriteAllText(scenario, "schema_version: 1\nname: short\ndescription: Twenty days.\nexperiment:\n  replications: 4\n  seed: 11\ncalendar:\n  horizon_days: 20\n");
        string Run(string name, string threads)
        {
            string outDirectory = temp.Sub(name);
            var (code, _, err) = Invoke("sweep", scenario, "--vary", "demand.new_arrivals_rate_per_day=60:150:3", "--vary", "smuggling.boat_stock_initial=20,90",
                "--threads", threads, "--out", outDirectory);
            Assert.True(code == ExitCodes.Ok, err);
            Assert.True(File.Exists(Path.Combine(outDirectory, "plots", "sweep_arrivals_uk.png")), "two parameters give the design chart");
            return string.Concat(new[] { "sweep_points.csv", "sweep.csv", "sensitivity.csv" }.Select(f => File.ReadAllText(Path.Combine(outDirectory, f))));
        }
        string single = Run("one", "1");
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma culture must not leak into any file.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(single, Run("two", "2"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
        Assert.Contains("demand.new_arrivals_rate_per_day,60,150,arrivals_uk,", single, StringComparison.Ordinal);
    }
}
