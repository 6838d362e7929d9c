using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Cli;
using Simulation.Core.Domain.Metrics;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// The shipped policy comparison at 6 replications, once plainly and once with --ensemble of the
/// hand-made 8-set test file (harm and UK waiting-hazard keys within ±30% of their defaults; a test
/// file, not a calibration result), through the real command.
/// </summary>
public sealed class EnsembleRunFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public EnsembleRunFixture()
    {
        Scenario = Path.Combine(RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");
        SetsFile = Path.Combine(RepositoryPaths.Root(), "Simulation.Tests", "TestData", "ensemble", "plausible-hand-made.csv");
        Succeed("run", Scenario, "-r", "6", "-t", "2", "--out", Plain, "--no-plots");
        var (code, output, error) = Invoke("run", Scenario, "-r", "6", "-t", "2", "--out", Ensemble, "--no-plots", "--ensemble", SetsFile);
        Assert.True(code == 0, error);
        Stdout = output;
        Summary = JsonNode.Parse(File.ReadAllText(Path.Combine(Ensemble, "summary.json")))!.AsObject();
    }

    public string Scenario { get; }
    public string SetsFile { get; }
    public string Plain => _temp.Sub("plain");
    public string Ensemble => _temp.Sub("ensemble");
    public string Stdout { get; }
    public JsonObject Summary { get; }

    public void Dispose() => _temp.Dispose();
}

public class EnsembleRunTests(EnsembleRunFixture run) : IClassFixture<EnsembleRunFixture>
{
    /// <summary>Quantile definition R7 written out here, independently of the code under test.</summary>
    private static double R7(List<double> values, double p)
    {
        var x = values.OrderBy(v => v).ToList();
        double h = (x.Count - 1) * p;
        int low = (int)Math.Floor(h);
        return low + 1 < x.Count ? x[low] + (h - low) * (x[low + 1] - x[low]) : x[low];
    }

    private static void Near(double expected, JsonNode? actual, string what)
    {
        double value = actual!.GetValue<double>();
        // Both sides are the same doubles up to summation order; 1e-9 relative guards against nothing else.
        Assert.True(Math.Abs(expected - value) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, summary.json has {value}");
    }

    [Fact]
    public void EveryVariantAndComparisonHasEnsembleFieldsThatEnsembleCsvReproduces()
    {
        int fileRows = File.ReadAllLines(run.SetsFile).Skip(1).Count(l => l.Trim().Length > 0);
        Assert.Equal(8, fileRows);
        Assert.Equal(fileRows, run.Summary["ensemble"]!["n_sets"]!.GetValue<int>());
        CsvFile csv = CsvFile.Read(Path.Combine(run.Ensemble, "ensemble.csv"));
        var means = new Dictionary<(string Variant, string Metric), List<double>>();
        var differences = new Dictionary<(string Variant, string Metric), List<double>>();
        foreach (var row in csv.Rows)
        {
            var key = (csv.Cell(row, "variant"), csv.Cell(row, "metric"));
            if (!means.TryGetValue(key, out var list)) means[key] = list = [];
            list.Add(csv.Number(row, "mean"));
            if (csv.Cell(row, "difference").Length == 0) continue;
            if (!differences.TryGetValue(key, out var diffs)) differences[key] = diffs = [];
            diffs.Add(csv.Number(row, "difference"));
        }
        JsonObject variants = run.Summary["variants"]!.AsObject();
        Assert.Equal(8, variants.Count);
        foreach (var (variant, node) in variants)
        {
            foreach (string metric in MetricNames.All)
            {
                JsonNode ensemble = node!["metrics"]![metric]!["ensemble"]!;
                List<double> values = means[(variant, metric)];
                Assert.Equal(fileRows, values.Count);
                Assert.Equal(fileRows, ensemble["n_sets"]!.GetValue<int>());
                Near(R7(values, 0.5), ensemble["median"], $"{variant} {metric} median");
                Near(R7(values, 0.05), ensemble["p05"], $"{variant} {metric} p05");
                Near(R7(values, 0.95), ensemble["p95"], $"{variant} {metric} p95");
            }
        }
        JsonObject comparisons = run.Summary["comparisons"]!.AsObject();
        Assert.Equal(7, comparisons.Count);
        int flagged = 0;
        foreach (var (variant, node) in comparisons)
        {
            foreach (string metric in MetricNames.All)
            {
                JsonNode ensemble = node![metric]!["ensemble"]!;
                List<double> values = differences[(variant, metric)];
                Assert.Equal(fileRows, values.Count);
                double p05 = R7(values, 0.05), p95 = R7(values, 0.95);
                Near(R7(values, 0.5), ensemble["median"], $"{variant} {metric} median difference");
                Near(p05, ensemble["p05"], $"{variant} {metric} p05 difference");
                Near(p95, ensemble["p95"], $"{variant} {metric} p95 difference");
                Near(values.Count(d => d < 0) / (double)values.Count, ensemble["share_below_zero"], $"{variant} {metric} share below zero");
                Near(values.Count(d => d > 0) / (double)values.Count, ensemble["share_above_zero"], $"{variant} {metric} share above zero");
                bool sign = p05 < 0 && p95 > 0;
                Assert.Equal(sign, ensemble["sign_depends_on_parameters"]!.GetValue<bool>());
                if (sign) flagged++;
                // The main metrics are always in the table, so the stdout flag must match them exactly.
                if (MetricNames.TryParse(metric, out Metric parsed) && MetricRegistry.Main.Contains(parsed))
                {
                    Assert.Equal(sign, run.Stdout.Contains($"{variant}, {metric}: sign depends on parameters", StringComparison.Ordinal));
                }
            }
        }
        // The hand-made sets and 6 replications give both outcomes, so the check above is not vacuous.
        Assert.InRange(flagged, 1, 7 * MetricNames.Count - 1);
    }

    [Fact]
    public void ThePlainRunsFilesAreByteIdenticalWithAndWithoutEnsembleAndOnlyEnsembleEntriesAreAdded()
    {
        foreach (string name in new[] { "replications.csv", "daily.csv", "summary.csv", "comparison.csv" })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(run.Plain, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(run.Ensemble, name))), name + " differs");
        }
        JsonNode stripped = Strip(JsonNode.Parse(File.ReadAllText(Path.Combine(run.Ensemble, "summary.json")))!);
        JsonNode plain = JsonNode.Parse(File.ReadAllText(Path.Combine(run.Plain, "summary.json")))!;
        Assert.Equal(plain.ToJsonString(), stripped.ToJsonString());
        Assert.False(File.Exists(Path.Combine(run.Plain, "ensemble.csv")));
    }

    private static JsonNode Strip(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o.Remove("ensemble");
            foreach (var (_, child) in o.ToList()) if (child is not null) Strip(child);
        }
        return node;
    }

    [Fact]
    public void TheManifestRecordsTheFileItsHashTheSetCountAndTheRule()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(run.Ensemble, "manifest.json")));
        JsonElement ensemble = manifest.RootElement.GetProperty("ensemble");
        Assert.Equal(run.SetsFile, ensemble.GetProperty("path").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(run.SetsFile))), ensemble.GetProperty("sha256").GetString());
        Assert.Equal(8, ensemble.GetProperty("n_sets").GetInt32());
        Assert.Contains("keeps the variant's value", ensemble.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Equal(ensemble.GetProperty("sha256").GetString(), manifest.RootElement.GetProperty("experiment_identity").GetProperty("ensemble_sha256").GetString());
        Assert.Contains("ensemble.csv", manifest.RootElement.GetProperty("outputs").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("95% CI — simulation noise", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("90% range across plausible parameter sets (8 sets)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void TheReportExplainsBothIntervalsAndFlagsTheEffectsWhoseSignDependsOnTheParameters()
    {
        using var temp = new TempDirectory();
        Simulation.Cli.Reporting.ReportWriter.Write(run.Ensemble, temp.Path);
        string md = File.ReadAllText(temp.Sub("report.md"));
        Assert.Contains("\"95% CI — simulation noise\"", md, StringComparison.Ordinal);
        Assert.Contains("\"90% range across plausible parameter sets (8 sets)\"", md, StringComparison.Ordinal);
        Assert.Contains("Median [90% range across plausible parameter sets (8 sets)]", md, StringComparison.Ordinal);
        JsonObject comparisons = run.Summary["comparisons"]!.AsObject();
        foreach (var (variant, node) in comparisons)
        {
            // Deaths is a main metric, always in the effects table: flagged there exactly when its range straddles zero.
            bool sign = node!["deaths"]!["ensemble"]!["sign_depends_on_parameters"]!.GetValue<bool>();
            Assert.Equal(sign, md.Contains($"{variant} on deaths (below zero in", StringComparison.Ordinal));
        }
        Assert.Contains("sets ", File.ReadAllText(temp.Sub("plots/forest_deaths.svg")), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void WhenSetsVaryTheDrowningShareTheRangeOfTheWindspireEffectOnDeathsIsWiderThanTheMonteCarloInterval()
    {
        // Sizes: baseline and windspire_rule, 20 replications, 8 sets with the drowning share from 0.025 to 0.1
        // (half to twice the default 0.05). Seeded by the scenario (20240101), so the figures are fixed:
        // 95% CI width about 17.6 deaths, 90% range across the sets about 26 deaths.
        using var temp = new TempDirectory();
        string sets = temp.Sub("drowning.csv");
        File.WriteAllText(sets, "set_id,harm.drowning_probability_in_water\nd1,0.025\nd2,0.035\nd3,0.045\nd4,0.055\nd5,0.065\nd6,0.075\nd7,0.085\nd8,0.1\n");
        Succeed("run", run.Scenario, "--variant", "baseline", "--variant", "windspire_rule", "-r", "20", "-t", "2", "--out", temp.Sub("out"), "--no-plots", "--ensemble", sets);
        JsonNode deaths = JsonNode.Parse(File.ReadAllText(temp.Sub("out/summary.json")))!["comparisons"]!["windspire_rule"]!["deaths"]!;
        double ciWidth = deaths["ci95_high"]!.GetValue<double>() - deaths["ci95_low"]!.GetValue<double>();
        double rangeWidth = deaths["ensemble"]!["p95"]!.GetValue<double>() - deaths["ensemble"]!["p05"]!.GetValue<double>();
        Assert.True(rangeWidth > ciWidth, $"90% range across sets {rangeWidth}, 95% CI {ciWidth}");
    }

    [Theory]
    [InlineData("set_id,harm.drowning_probabilty_in_water\na,0.05\n", ":1:8: harm.drowning_probabilty_in_water = harm.drowning_probabilty_in_water: is not a parameter key; did you mean 'harm.drowning_probability_in_water'?")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05\nb,x\n", ":3:3: harm.drowning_probability_in_water = x: must be a probability between 0 and 1")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05\nb,2\n", ":3:3: harm.drowning_probability_in_water = 2: must be a probability between 0 and 1")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05\na,0.04\n", ":3:1: set_id = a: is a duplicate set id (first on line 2)")]
    [InlineData("", ":1:1: (document): is empty")]
    public void ABadEnsembleFileExitsWithTwoNamingFileAndLineAndWritesNothing(string text, string message)
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        string sets = temp.Sub("bad.csv");
        File.WriteAllText(sets, text);
        var (code, _, error) = Invoke("run", scenario, "--ensemble", sets, "--out", temp.Sub("out"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(sets + message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void ShardAndPrecisionAreRefusedAndAResumeChecksTheEnsembleFilesHash()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        string sets = temp.Sub("sets.csv");
        File.WriteAllText(sets, "set_id,harm.drowning_probability_in_water\na,0.04\nb,0.06\n");
        var (code, _, error) = Invoke("run", scenario, "--ensemble", sets, "--shard", "1/2", "--out", temp.Sub("shard"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--ensemble cannot be combined with --shard", error, StringComparison.Ordinal);
        (code, _, error) = Invoke("run", scenario, "--ensemble", sets, "--precision", "0.1", "--out", temp.Sub("precision"));
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--ensemble cannot be combined with --precision", error, StringComparison.Ordinal);

        Succeed("run", scenario, "-r", "3", "--ensemble", sets, "--out", temp.Sub("out"));
        (code, _, error) = Invoke("run", scenario, "-r", "3", "--ensemble", sets, "--out", temp.Sub("out"), "--resume");
        Assert.True(code == ExitCodes.Ok, error);
        Assert.Contains("nothing to resume", error, StringComparison.Ordinal);
        File.AppendAllText(sets, "c,0.05\n");
        (code, _, error) = Invoke("run", scenario, "-r", "3", "--ensemble", sets, "--out", temp.Sub("out"), "--resume");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("the --ensemble files differ", error, StringComparison.Ordinal);
        (code, _, error) = Invoke("run", scenario, "-r", "3", "--out", temp.Sub("out"), "--resume");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("one was run with --ensemble and the other without", error, StringComparison.Ordinal);
    }
}
