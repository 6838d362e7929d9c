using Simulation.Cli.Reporting;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Cli;

/// <summary>scenarios/combined-policies.yaml through the real command: the interaction of each combined policy, per replication.</summary>
public class CombinedPoliciesTests
{
    private static string Scenario => Path.Combine(RepositoryPaths.Root(), "scenarios", "combined-policies.yaml");

    [Fact]
    public void TheInteractionIsTheCombinationsEffectMinusThePartsEffectsReplicationByReplication()
    {
        using var temp = new TempDirectory();
        var (code, stdout, err) = CliRun.Invoke("run", Scenario, "-r", "6", "--threads", "2", "--out", temp.Sub("out"), "--no-plots");
        Assert.True(code == 0, err);
        Assert.Contains("patrols_and_windspire: interaction of more_beach_patrols + windspire_rule (vs baseline)", stdout, StringComparison.Ordinal);

        var summary = ResultsReader.ReadSummary(temp.Sub("out/summary.json"));
        var combo = Assert.Single(summary.Interactions, i => i.Variant == "patrols_and_windspire");
        Assert.Equal(["more_beach_patrols", "windspire_rule"], combo.Parts);
        Assert.Equal("baseline", combo.Baseline);

        // Recompute (combo - base) - (a - base) - (b - base) per replication from replications.csv.
        var table = ResultsReader.ReadReplications(temp.Sub("out/replications.csv"));
        foreach (string metric in new[] { "arrivals_uk", "deaths", "launch_attempts" })
        {
            var b = table.Values("baseline", metric);
            var a = table.Values("more_beach_patrols", metric);
            var w = table.Values("windspire_rule", metric);
            var c = table.Values("patrols_and_windspire", metric);
            double[] interaction = Enumerable.Range(0, b.Count).Select(r => c[r] - b[r] - (a[r] - b[r]) - (w[r] - b[r])).ToArray();
            var estimate = combo.Find(metric)!;
            Assert.Equal(interaction.Average(), estimate.Interaction, 6);
            Assert.Equal(estimate.CombinedEffect - estimate.SumOfPartEffects, estimate.Interaction, 6);
            Assert.True(estimate.Ci95Low <= estimate.Interaction && estimate.Interaction <= estimate.Ci95High, metric);
            Assert.Equal(6, estimate.N);
        }
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void MergedShardsReportTheSameInteractionsAsOneRun()
    {
        using var temp = new TempDirectory();
        CliRun.Succeed("run", Scenario, "-r", "4", "--threads", "1", "--out", temp.Sub("whole"), "--no-plots");
        CliRun.Succeed("run", Scenario, "-r", "4", "--threads", "1", "--shard", "1/2", "--out", temp.Sub("s1"));
        CliRun.Succeed("run", Scenario, "-r", "4", "--threads", "1", "--shard", "2/2", "--out", temp.Sub("s2"));
        CliRun.Succeed("merge", temp.Sub("s1"), temp.Sub("s2"), "--out", temp.Sub("merged"));
        string whole = File.ReadAllText(temp.Sub("whole/summary.json"));
        Assert.Contains("\"interactions\"", whole, StringComparison.Ordinal);
        Assert.Equal(whole, File.ReadAllText(temp.Sub("merged/summary.json")));
    }
}
