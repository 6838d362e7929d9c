using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Simulation.Tests.Calibration;

/// <summary>The shipped calibration file and its data: it loads, and what it says agrees with the sources and the catalog.</summary>
public partial class CalibrationFileTests
{
    internal static string ShippedFile() => Path.Combine(RepositoryPaths.Root(), "scenarios", "calibration", "history-2022-2024.yaml");

    private static string TargetsCsv() => Path.Combine(RepositoryPaths.Root(), "scenarios", "calibration", "calibration-targets.csv");

    [Fact]
    public void TheShippedFileLoadsWithNoIssuesAndResolvesItsScenariosAndHash()
    {
        CalibrationLoadResult result = CalibrationFileLoader.Load(ShippedFile());
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        CalibrationSpec spec = result.Spec!;
        Assert.Equal("history-2022-2024", spec.Name);
        Assert.Equal(["../year-2022.yaml", "../year-2023.yaml", "../baseline-2024.yaml"], spec.Scenarios.ToArray());
        Assert.All(spec.ScenarioFiles, f => Assert.True(File.Exists(f), f));
        Assert.InRange(spec.Targets.Length, 12, 18);
        Assert.True(spec.Parameters.Length >= 12, $"{spec.Parameters.Length} parameters");
        Assert.Matches("^[0-9a-f]{64}$", spec.Sha256);
        // The hash covers the year scenarios: the same bytes with another scenario text would differ.
        Assert.NotEqual(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(ShippedFile()))), spec.Sha256);
    }

    [Fact]
    public void EveryTargetsObservedValueIsItsRowOrTheSumOfItsRowsInTheCsv()
    {
        // Read independently of the loader: YamlDotNet's own model and a regex CSV split.
        var rows = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(TargetsCsv()).Skip(1))
        {
            var cells = CsvField().Matches(line + ",").Select(m => m.Groups[1].Value.Trim('"')).ToArray();
            if (cells.Length < 3 || cells[0].Length == 0) continue;
            rows[cells[0] + " " + cells[1]] = double.Parse(cells[2], CultureInfo.InvariantCulture);
        }
        Assert.True(rows.Count > 50, $"{rows.Count} rows read");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(ShippedFile())) yaml.Load(reader);
        var targets = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode)["targets"];
        Assert.NotEmpty(targets.Children);
        foreach (YamlMappingNode target in targets.Children.Cast<YamlMappingNode>())
        {
            string source = ((YamlScalarNode)target["source"]).Value!;
            double observed = double.Parse(((YamlScalarNode)target["observed"]).Value!, CultureInfo.InvariantCulture);
            double sum = source.Split(" + ").Sum(part => rows[part.Trim()]);
            Assert.True(sum == observed, $"{target["name"]}: observed {observed}, source rows sum to {sum}");
            int year = int.Parse(((YamlScalarNode)target["year"]).Value!, CultureInfo.InvariantCulture);
            Assert.All(source.Split(" + "), part => Assert.StartsWith(year.ToString(CultureInfo.InvariantCulture) + " ", part, StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("(\"[^\"]*\"|[^,]*),")]
    private static partial Regex CsvField();

    [Fact]
    public void TheCsvInTheRepositoryIsThePublishedDataUnchangedAndCitedInSourcesMd()
    {
        string csv = File.ReadAllText(TargetsCsv());
        Assert.StartsWith("year,metric,value,unit,source\r\n", csv, StringComparison.Ordinal);   // as published, CRLF line ends
        Assert.Contains("2022,small_boat_arrivals,45774,people,", csv, StringComparison.Ordinal);
        string sources = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "SOURCES.md"));
        Assert.Contains("| `channelsim-calibration-targets` |", sources, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRangeHoldsTheSharedValueOfEveryYearAndNoParameterIsAYearInput()
    {
        CalibrationSpec spec = CalibrationFileLoader.Load(ShippedFile()).Spec!;
        foreach (string scenarioFile in spec.ScenarioFiles)
        {
            Scenario scenario = ScenarioLoader.Load(scenarioFile).Scenario!;
            foreach (CalibrationParameter p in spec.Parameters)
            {
                double value = scenario.Variants[0].Parameters.Number(p.Key);
                Assert.True(value >= p.Low && value <= p.High, $"{p.Key}: {scenarioFile} uses {value}, outside [{p.Low}, {p.High}]");
                Assert.True(ParameterCatalog.TryFind(p.Key, out ParameterSpec catalogSpec));
                Assert.InRange(catalogSpec.Default.Number, p.Low, p.High);
                Assert.False(YearFileInputsTests.IsAllowed(p.Key), p.Key + " is a year input");
            }
        }
    }

    [Fact]
    public void TheLoadersYearInputsAreTheYearFileRulesInputs()
    {
        // The year-file rule (a test) and the loader (Core) must refuse the same keys.
        string[] scenarioLevel = ["schema_version", "name", "extends", "description", "experiment."];
        Assert.Equal(YearFileInputsTests.AllowedInputs.Except(scenarioLevel).Order(StringComparer.Ordinal),
            YearInputKeys.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDefaultMechanismsAreNotImplausibleOnTheCsvTargets()
    {
        // The file's comments claim the default set passes (max I <= 3) with its replications; check it
        // at 8 replications (a fixed seed per scenario: the year files' own).
        CalibrationSpec spec = CalibrationFileLoader.Load(ShippedFile()).Spec!;
        var worst = (Name: "", I: 0.0);
        for (int s = 0; s < spec.Scenarios.Length; s++)
        {
            Scenario scenario = ScenarioLoader.Load(spec.ScenarioFiles[s]).Scenario!;
            var results = Simulation.Tests.Domain.ModelRunner.Run(scenario.Variants[0].Parameters, 8, scenario.DefaultSeed);
            foreach (CalibrationTarget t in spec.Targets.Where(t => t.Scenario == spec.Scenarios[s]))
            {
                double[] values = [.. results.Select(r => r[t.Metric])];
                double mean = values.Average();
                double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
                double implausibility = Math.Abs(t.Observed - mean) / Math.Sqrt(t.ObservationSd * t.ObservationSd + t.DiscrepancySd * t.DiscrepancySd + variance / values.Length);
                if (implausibility > worst.I) worst = (t.Name, implausibility);
            }
        }
        Assert.True(worst.I <= 3, $"{worst.Name}: implausibility {worst.I:F2} at the default mechanisms");
    }
}
