using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Domain;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Run;

/// <summary>Behaviour of channelsim run.</summary>
public static class RunHandler
{
    /// <summary>Loads the scenario and runs it; returns the exit code.</summary>
    public static int Execute(string scenarioPath, IReadOnlyList<string> variantNames, ExperimentArguments args,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error) =>
        Execute(scenarioPath, variantNames, args, ensemblePath: null, modelFactory, output, error);

    /// <summary>Loads the scenario and the plausible sets of --ensemble (when given) and runs them; returns the exit code.</summary>
    public static int Execute(string scenarioPath, IReadOnlyList<string> variantNames, ExperimentArguments args, string? ensemblePath,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        // Options are checked before the file so a usage error never depends on the scenario.
        string? problem = ExperimentConsole.CheckArguments(args, out _, out _);
        if (problem is not null)
        {
            error.WriteLine("channelsim run: " + problem);
            return ExitCodes.InvalidInput;
        }
        if (ensemblePath is not null)
        {
            if (args.Shard is not null && args.Shard != "1/1") return Refuse(error, ExperimentSession.EnsembleShardRefusal);
            if (args.Precision is not null) return Refuse(error, ExperimentSession.EnsemblePrecisionRefusal);
        }
        Scenario? scenario = ScenarioFiles.TryLoad(scenarioPath, error, args.Set);
        if (scenario is null) return ExitCodes.InvalidInput;
        EnsemblePlan? ensemble = null;
        if (ensemblePath is not null)
        {
            ensemble = LoadEnsemble(ensemblePath, scenario, error);
            if (ensemble is null) return ExitCodes.InvalidInput;
        }
        return Execute(scenario, variantNames, args, modelFactory, output, error, ensemble);
    }

    /// <summary>Loads and checks a plausible-set file against the scenario; prints every issue and returns null when it cannot be used.</summary>
    internal static EnsemblePlan? LoadEnsemble(string path, Scenario scenario, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"{path}: file not found (--ensemble)");
            return null;
        }
        (ImmutableArray<PlausibleSet> sets, ImmutableArray<ScenarioIssue> issues) = PlausibleSetsFile.Load(path);
        if (!issues.IsEmpty)
        {
            foreach (ScenarioIssue issue in issues) error.WriteLine(issue.ToString());
            return null;
        }
        // A --set of a key the sets also hold would be silently replaced under every set: ask which one is meant.
        var setKeys = scenario.Overrides.Select(o => o[..o.IndexOf('=', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        string[] both = sets[0].Values.Select(p => p.Key).Where(setKeys.Contains).ToArray();
        if (both.Length > 0)
        {
            error.WriteLine($"channelsim run: --set {string.Join(", ", both)} is also a column of the --ensemble file {path}, which would replace it under every set; drop one of the two");
            return null;
        }
        return new EnsemblePlan { FilePath = path, Sha256 = PlausibleSetsFile.Sha256(path), Sets = sets };
    }

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine("channelsim run: " + message);
        return ExitCodes.InvalidInput;
    }

    /// <summary>Runs an already validated scenario (tests use this with a fake model).</summary>
    public static int Execute(Scenario scenario, IReadOnlyList<string> variantNames, ExperimentArguments args,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error, EnsemblePlan? ensemble = null)
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
            scenario.DefaultReplications, scenario.DefaultSeed, modelFactory, output, error, scenario.Description, scenario.SourceTexts, overrides: scenario.Overrides, ensemble: ensemble);
    }
}
