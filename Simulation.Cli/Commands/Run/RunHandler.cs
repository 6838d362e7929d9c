using System.Collections.Immutable;
using Simulation.Core.Domain;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Run;

/// <summary>Behaviour of channelsim run.</summary>
public static class RunHandler
{
    /// <summary>Loads the scenario and runs it; returns the exit code.</summary>
    public static int Execute(string scenarioPath, IReadOnlyList<string> variantNames, ExperimentArguments args,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        // Options are checked before the file so a usage error never depends on the scenario.
        string? problem = ExperimentConsole.CheckArguments(args, out _, out _);
        if (problem is not null)
        {
            error.WriteLine("channelsim run: " + problem);
            return ExitCodes.InvalidInput;
        }
        Scenario? scenario = ScenarioFiles.TryLoad(scenarioPath, error, args.Set);
        if (scenario is null) return ExitCodes.InvalidInput;
        return Execute(scenario, variantNames, args, modelFactory, output, error);
    }

    /// <summary>Runs an already validated scenario (tests use this with a fake model).</summary>
    public static int Execute(Scenario scenario, IReadOnlyList<string> variantNames, ExperimentArguments args,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        ImmutableArray<ScenarioVariant> variants = scenario.Variants;
        if (variantNames.Count > 0)
        {
            var unknown = variantNames.Where(n => !scenario.Variants.Any(v => v.Name == n)).ToList();
            if (unknown.Count > 0)
            {
                error.WriteLine($"channelsim run: unknown --variant {string.Join(", ", unknown)}; {scenario.SourcePath} has: {string.Join(", ", scenario.Variants.Select(v => v.Name))}");
                return ExitCodes.InvalidInput;
            }
            variants = scenario.Variants.Where(v => variantNames.Contains(v.Name)).ToImmutableArray();
        }
        return ExperimentConsole.Run("run", args, variants, scenario.Name, [scenario.SourcePath], scenario.Sha256, scenario.ResolvedYaml,
            scenario.DefaultReplications, scenario.DefaultSeed, modelFactory, output, error, scenario.Description, scenario.SourceTexts, overrides: scenario.Overrides);
    }
}
