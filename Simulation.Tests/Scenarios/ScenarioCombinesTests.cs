using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ScenarioCombinesTests
{
    private const string Head = "schema_version: 1\nname: combo\nvariants:\n  patrols:\n    french.beach.officers_per_night: 1600\n  windspire:\n    uk.windspire.return_probability: 1.0\n";

    private static ScenarioLoadResult Load(string variants) => ScenarioLoader.LoadText(Head + variants, "combo.yaml");

    [Fact]
    public void ACombinedVariantThatHoldsItsPartsChangesLoadsWithItsPartsNamed()
    {
        var result = Load("  both:\n    combines: [patrols, windspire]\n    french.beach.officers_per_night: 1600\n    uk.windspire.return_probability: 1.0\n");
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        var both = result.Scenario!.Variants.Single(v => v.Name == "both");
        Assert.Equal(["patrols", "windspire"], both.Combines.ToArray());
        Assert.Empty(result.Scenario.Variants.Single(v => v.Name == "patrols").Combines);
        // The resolved text keeps the declaration and loads back to the same scenario.
        Assert.Contains("    combines: [patrols, windspire]\n", result.Scenario.ResolvedYaml, StringComparison.Ordinal);
        var again = ScenarioLoader.LoadText(result.Scenario.ResolvedYaml, "combo.resolved.yaml");
        Assert.True(again.IsValid, string.Join("\n", again.Issues));
        Assert.Equal(result.Scenario.ResolvedYaml, again.Scenario!.ResolvedYaml);
    }

    [Theory]
    [InlineData("  both:\n    combines: [patrols, windspire2]\n", "combo.yaml:9:25: variants.both.combines[1] = windspire2: names 'windspire2', which is not a variant of this file; did you mean 'windspire'?")]
    [InlineData("  both:\n    combines: [patrols]\n", "combo.yaml:9:15: variants.both.combines = [...]: must name at least two variants")]
    [InlineData("  both:\n    combines: patrols\n", "combo.yaml:9:15: variants.both.combines = patrols: must be a list of two or more variant names")]
    [InlineData("  both:\n    combines: [both, patrols]\n", "combo.yaml:9:16: variants.both.combines[0] = both: a variant cannot combine itself")]
    [InlineData("  both:\n    combines: [baseline, patrols]\n", "combo.yaml:9:16: variants.both.combines[0] = baseline: names the baseline")]
    [InlineData("  both:\n    combines: [patrols, patrols]\n", "combo.yaml:9:25: variants.both.combines[1] = patrols: names 'patrols' a second time")]
    [InlineData("  both:\n    combines: [patrols, windspire]\n    french.beach.officers_per_night: 1600\n",
        "combo.yaml:9:15: variants.both.combines = [...]: a combination must hold every change of its parts: 'windspire' sets uk.windspire.return_probability: 1 but this variant has 0.004")]
    public void ABadCombinationIsReportedAtItsLine(string variants, string expected)
    {
        var result = Load(variants);
        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void PartsThatSetOneParameterDifferentlyCannotBeCombined()
    {
        var result = ScenarioLoader.LoadText(
            "schema_version: 1\nvariants:\n  a:\n    uk.border_force.vessels: 3\n  b:\n    uk.border_force.vessels: 8\n  both:\n    combines: [a, b]\n    uk.border_force.vessels: 8\n",
            "clash.yaml");
        Assert.Contains(result.Issues, i => i.Rule.Contains("'a' and 'b' set uk.border_force.vessels differently (3 and 8)", StringComparison.Ordinal));
    }

    [Fact]
    public void ACombinationOfACombinationIsRefused()
    {
        var result = Load("  both:\n    combines: [patrols, windspire]\n    french.beach.officers_per_night: 1600\n    uk.windspire.return_probability: 1.0\n" +
                          "  more:\n    combines: [both, patrols]\n    french.beach.officers_per_night: 1600\n    uk.windspire.return_probability: 1.0\n");
        Assert.Contains(result.Issues, i => i.Rule.Contains("names 'both', which is itself a combination", StringComparison.Ordinal));
    }

    [Fact]
    public void TheCommandLineRefusesAnUnknownPartWithExitCodeTwo()
    {
        using var dir = new Experiments.TempDirectory();
        File.WriteAllText(dir.Sub("combo.yaml"), Head + "  both:\n    combines: [patrols, nope]\n");
        var (code, output, error) = Tests.Cli.CliRun.Invoke("validate", dir.Sub("combo.yaml"));
        Assert.Equal(2, code);
        Assert.Contains("combo.yaml:9:", output + error, StringComparison.Ordinal);
        Assert.Contains("names 'nope', which is not a variant of this file", output + error, StringComparison.Ordinal);
    }
}
