using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;
using Simulation.Tests.Cli;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Experiments;

/// <summary>
/// run --ensemble in the core: the plausible-set file, the lever rule, common random numbers between
/// a set's runs and a plain run with the set's values given by --set, and the sign flag.
/// </summary>
public class EnsembleTests
{
    private static string PolicyComparison => Path.Combine(RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");

    private static string HandMadeSets => Path.Combine(RepositoryPaths.Root(), "Simulation.Tests", "TestData", "ensemble", "plausible-hand-made.csv");

    private static Scenario Load(string path, IReadOnlyList<string>? set = null)
    {
        ScenarioLoadResult loaded = ScenarioLoader.Load(path, set ?? []);
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Issues));
        return loaded.Scenario!;
    }

    private static EnsemblePlan Plan(string text, string file = "sets.csv")
    {
        var (sets, issues) = PlausibleSetsFile.Parse(text, file);
        Assert.True(issues.IsEmpty, string.Join("\n", issues));
        return new EnsemblePlan { FilePath = file, Sha256 = new string('0', 64), Sets = sets };
    }

    [Fact]
    public void TheHandMadeFileLoadsEightSetsInFileOrderWithTheirValues()
    {
        var (sets, issues) = PlausibleSetsFile.Load(HandMadeSets);
        Assert.Empty(issues);
        Assert.Equal(8, sets.Length);
        Assert.Equal("s01", sets[0].SetId);
        Assert.Equal(2, sets[0].Line);
        Assert.Equal("harm.drowning_probability_in_water", sets[1].Values[1].Key);
        Assert.Equal(0.065, sets[1].Values[1].Value.Number);
    }

    [Fact]
    public void APolicyLeverThatIsAlsoAnEnsembleKeyKeepsTheVariantsValueAndEveryOtherKeyTakesTheSets()
    {
        // more_uk_vessels sets 8 vessels and more_beach_patrols 1,600 officers; both keys are also columns here.
        Scenario scenario = Load(PolicyComparison);
        EnsemblePlan plan = Plan(
            "set_id,uk.border_force.vessels,french.beach.officers_per_night,harm.drowning_probability_in_water\n" +
            "a,3,500,0.04\n" +
            "b,5,900,0.06\n");
        ImmutableArray<ScenarioVariant> runs = plan.Variants(scenario.Variants);
        int variants = scenario.Variants.Length;
        Assert.Equal(2 * variants, runs.Length);
        int vessels = scenario.Variants.IndexOf(scenario.Variants.Single(v => v.Name == "more_uk_vessels"));
        int patrols = scenario.Variants.IndexOf(scenario.Variants.Single(v => v.Name == "more_beach_patrols"));
        double[] setVessels = [3, 5], setOfficers = [500, 900], setDrowning = [0.04, 0.06];
        for (int s = 0; s < 2; s++)
        {
            ScenarioVariant baseline = runs[s * variants];
            Assert.Equal(setVessels[s], baseline.Parameters.Number("uk.border_force.vessels"));
            Assert.Equal(setOfficers[s], baseline.Parameters.Number("french.beach.officers_per_night"));
            ScenarioVariant moreVessels = runs[s * variants + vessels];
            Assert.Equal(EnsemblePlan.RunName(plan.Sets[s].SetId, "more_uk_vessels"), moreVessels.Name);
            Assert.Equal(8, moreVessels.Parameters.Number("uk.border_force.vessels"));
            Assert.Equal(setOfficers[s], moreVessels.Parameters.Number("french.beach.officers_per_night"));
            Assert.Equal(setDrowning[s], moreVessels.Parameters.Number("harm.drowning_probability_in_water"));
            ScenarioVariant morePatrols = runs[s * variants + patrols];
            Assert.Equal(1600, morePatrols.Parameters.Number("french.beach.officers_per_night"));
            Assert.Equal(setVessels[s], morePatrols.Parameters.Number("uk.border_force.vessels"));
        }
        Assert.Equal(["uk.border_force.vessels"], plan.KeptLevers(scenario.Variants, vessels).ToArray());
        Assert.Equal(["french.beach.officers_per_night"], plan.KeptLevers(scenario.Variants, patrols).ToArray());
        Assert.Empty(plan.KeptLevers(scenario.Variants, 0));
    }

    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void ReplicationROfEverySetIsByteEqualToAPlainRunWithTheSetsValuesGivenBySet()
    {
        // 9 sets × 8 variants × 4 replications of the shipped policy comparison: the 8 hand-made sets and
        // s02 (every key at +30%) again as a ninth, which falls in the runner's second block of sets
        // (blocks of 64 runs); s02 in both places against a plain run with four --set values.
        Scenario scenario = Load(PolicyComparison);
        var (sets, _) = PlausibleSetsFile.Load(HandMadeSets);
        var plan = new EnsemblePlan { FilePath = HandMadeSets, Sha256 = PlausibleSetsFile.Sha256(HandMadeSets), Sets = sets.Add(sets[1] with { SetId = "s02-again" }) };
        Assert.True(plan.Sets.Length * scenario.Variants.Length > EnsembleRunner.MaxRunsPerPlan);
        Func<ScenarioVariant, IReplicationModel> factory = v => new ChannelModel(v.Parameters);
        const long replications = 4;
        EnsembleResults ensemble = EnsembleRunner.Run(plan, scenario.Variants, 777, replications, threads: 2, factory, null, CancellationToken.None)!;

        PlausibleSet set = sets[1];
        Scenario withSet = Load(PolicyComparison, set.Values.Select(p => p.Key + "=" + InvariantFormat.Number(p.Value.Number)).ToArray());
        ImmutableArray<ScenarioVariant> plainVariants = withSet.Variants;
        var store = new ReplicationStore(plainVariants.Select(v => factory(v).Days).ToArray(), 0, replications);
        new MonteCarloRunner(factory).Run(new ExperimentPlan { Variants = plainVariants, MasterSeed = 777, Replications = replications, Threads = 1 },
            store, null, null, CancellationToken.None);

        int variants = scenario.Variants.Length;
        foreach (int s in new[] { 1, 8 })
        {
            for (int v = 0; v < variants; v++)
            {
                for (long r = 0; r < replications; r++)
                {
                    string plainRow = Row(store.TotalsSpan(v, r));
                    string ensembleRow = Row(ensemble.Store.TotalsSpan(s * variants + v, r));
                    Assert.True(plainRow == ensembleRow, $"set {s}, {scenario.Variants[v].Name} replication {r}:\n{plainRow}\n{ensembleRow}");
                }
            }
        }
        // The set means are the plain run's means, and another set's are not (the sets do change the model).
        int deaths = (int)Metric.Deaths;
        Assert.Equal(ExperimentStatistics.MeanVariance(PrecisionEvaluation.Column(store, 0, replications, deaths)).Mean, ensemble.SetMean(1, 0, deaths));
        Assert.NotEqual(ensemble.SetMean(0, 0, deaths), ensemble.SetMean(1, 0, deaths));
    }

    private static string Row(ReadOnlySpan<double> values)
    {
        var cells = new string[values.Length];
        for (int i = 0; i < values.Length; i++) cells[i] = InvariantFormat.Number(values[i]);
        return string.Join(',', cells);
    }

    [Theory]
    [InlineData(new[] { -2.0, -1, 1, 2, 3, 4, 5, 6, 7, 8 }, true)]
    [InlineData(new[] { 1.0, 2, 3, 4, 5 }, false)]
    [InlineData(new[] { -5.0, -4, -3, -1 }, false)]
    [InlineData(new[] { 0.0, 0, 1, 2 }, false)] // p05 = 0: not below zero
    [InlineData(new[] { -3.0, 0, 0, 0 }, false)] // p95 = 0: not above zero
    [InlineData(new[] { -3.0, -2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3 }, true)] // median 0, yet p05 = -1.9 and p95 = 1.9
    public void TheSignFlagIsSetExactlyWhenP05IsBelowZeroAndP95AboveZero(double[] differences, bool flagged)
    {
        EnsembleEffect effect = EnsembleResults.Effect(differences);
        Assert.Equal(effect.P05 < 0 && effect.P95 > 0, effect.SignDependsOnParameters);
        Assert.Equal(flagged, effect.SignDependsOnParameters);
        Assert.Equal(differences.Count(d => d < 0) / (double)differences.Length, effect.ShareBelowZero);
        Assert.Equal(differences.Count(d => d > 0) / (double)differences.Length, effect.ShareAboveZero);
    }

    [Theory]
    [InlineData("", "sets.csv:1:1: (document): is empty")]
    [InlineData("set_id,harm.drowning_probability_in_water\n", "sets.csv:1:1: (document): holds a header but no parameter set")]
    [InlineData("set_id,harm.drowning_probabilty_in_water\na,0.05\n", "sets.csv:1:8: harm.drowning_probabilty_in_water = harm.drowning_probabilty_in_water: is not a parameter key; did you mean 'harm.drowning_probability_in_water'?")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05\nb,abc\n", "sets.csv:3:3: harm.drowning_probability_in_water = abc: must be a probability between 0 and 1")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,1.5\n", "sets.csv:2:3: harm.drowning_probability_in_water = 1.5: must be a probability between 0 and 1")]
    [InlineData("set_id,harm.crowding_level_people\na,45.5\n", "sets.csv:2:3: harm.crowding_level_people = 45.5: must be a whole number between 1 and 300 people")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05\na,0.06\n", "sets.csv:3:1: set_id = a: is a duplicate set id (first on line 2)")]
    [InlineData("set_id,harm.drowning_probability_in_water\na,0.05,1\n", "sets.csv:2:1: (document) = a,0.05,1: has 3 cells; the header has 2")]
    [InlineData("set_id,calendar.horizon_days\na,30\n", "sets.csv:1:8: calendar.horizon_days = calendar.horizon_days: is a calendar setting")]
    [InlineData("set_id,french.maritime.doctrine\na,full\n", "sets.csv:1:8: french.maritime.doctrine = french.maritime.doctrine: is a choice parameter")]
    public void ABadFileIsRefusedWithFileLineColumnKeyValueAndRule(string text, string message)
    {
        var (sets, issues) = PlausibleSetsFile.Parse(text, "sets.csv");
        Assert.True(sets.IsEmpty);
        Assert.Contains(issues, i => i.ToString().StartsWith(message, StringComparison.Ordinal));
    }
}
