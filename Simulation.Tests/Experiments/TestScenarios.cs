using System.Collections.Immutable;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Experiments;

/// <summary>Scenarios and requests built in code for experiment tests (no loader needed).</summary>
internal static class TestScenarios
{
    public static ScenarioVariant Variant(string name, double preventedShare, int days = 12)
    {
        ParameterSet parameters = ParameterCatalog.Defaults().With("calendar.horizon_days", ParameterValue.Of(days));
        parameters = parameters with { Values = parameters.Values.SetItem(FakeReplicationModel.ReductionPath, ParameterValue.Of(preventedShare)) };
        return new ScenarioVariant(name, name, parameters);
    }

    public static Scenario Scenario(string name = "fake", params (string Name, double Share)[] variants)
    {
        if (variants.Length == 0) variants = [("baseline", 0.0), ("patrols", 0.2)];
        return new Scenario
        {
            Name = name,
            Description = "test scenario",
            SourcePath = name + ".yaml",
            Sha256 = new string('a', 64),
            Variants = variants.Select(v => Variant(v.Name, v.Share)).ToImmutableArray(),
            DefaultReplications = 30,
            DefaultSeed = 42,
            ResolvedYaml = "name: " + name + "\n",
        };
    }

    public static ExperimentRequest Request(string outDirectory, long replications = 40, int threads = 1, ShardSpec? shard = null,
        PrecisionTarget? precision = null, bool resume = false, bool force = false, Scenario? scenario = null, int dailyCap = 1000,
        bool keepCheckpoint = false)
    {
        scenario ??= Scenario();
        return new ExperimentRequest
        {
            Command = "run",
            CommandLine = "channelsim run test",
            ScenarioPaths = [scenario.SourcePath],
            ScenarioSha256 = scenario.Sha256,
            ResolvedScenario = scenario.ResolvedYaml,
            OutputDirectory = outDirectory,
            Resume = resume,
            Force = force,
            KeepCheckpoint = keepCheckpoint,
            DailyReplicationCap = dailyCap,
            Plan = new ExperimentPlan
            {
                Variants = scenario.Variants,
                MasterSeed = 42,
                Replications = replications,
                Threads = threads,
                Shard = shard ?? ShardSpec.Whole,
                Precision = precision,
            },
        };
    }

    public static SessionOutcome Run(ExperimentRequest request, CancellationToken cancellation = default, Action<long>? afterReplication = null) =>
        ExperimentSession.Run(request, v => new FakeReplicationModel(v.Parameters, afterReplication), null, cancellation);
}
