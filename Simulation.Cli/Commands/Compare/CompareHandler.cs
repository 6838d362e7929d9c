using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Domain;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Compare;

/// <summary>Behaviour of channelsim compare.</summary>
public static class CompareHandler
{
    /// <summary>Loads every file (reporting all issues of all files) and runs them as one experiment.</summary>
    public static int Execute(IReadOnlyList<string> paths, ExperimentArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory,
        TextWriter output, TextWriter error)
    {
        string? problem = ExperimentConsole.CheckArguments(args, out _, out _);
        if (problem is not null)
        {
            error.WriteLine("channelsim compare: " + problem);
            return ExitCodes.InvalidInput;
        }
        var scenarios = new List<Scenario>();
        bool valid = true;
        foreach (string path in paths)
        {
            Scenario? scenario = ScenarioFiles.TryLoad(path, error, args.Set);
            if (scenario is null) valid = false;
            else scenarios.Add(scenario);
        }
        if (!valid) return ExitCodes.InvalidInput;
        return Execute(scenarios, args, modelFactory, output, error);
    }

    /// <summary>
    /// Runs validated scenarios: variant i is file i's baseline renamed to its scenario name. The
    /// combined hash is the SHA-256 of the lines "name sha256\n" of the files in order, so it changes
    /// when any file or the order changes.
    /// </summary>
    public static int Execute(IReadOnlyList<Scenario> scenarios, ExperimentArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory,
        TextWriter output, TextWriter error)
    {
        var duplicates = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            error.WriteLine($"channelsim compare: scenario names must differ, as they name the variants (repeated: {string.Join(", ", duplicates)})");
            return ExitCodes.InvalidInput;
        }
        ImmutableArray<ScenarioVariant> variants = scenarios.Select(s => s.Variants[0] with { Name = s.Name, Description = s.Description }).ToImmutableArray();
        string identity = string.Concat(scenarios.Select(s => s.Name + " " + s.Sha256 + "\n"));
        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        string resolved = string.Join("---\n", scenarios.Select(s => s.ResolvedYaml.EndsWith('\n') || s.ResolvedYaml.Length == 0 ? s.ResolvedYaml : s.ResolvedYaml + "\n"));
        string name = scenarios[0].Name + "-compare";
        return ExperimentConsole.Run("compare", args, variants, name, scenarios.Select(s => s.SourcePath).ToImmutableArray(), sha, resolved,
            scenarios[0].DefaultReplications, scenarios[0].DefaultSeed, modelFactory, output, error,
            "Compares the scenario files " + string.Join(", ", scenarios.Select(s => s.Name)) + " against the first, on common random numbers.",
            scenarios.SelectMany(s => s.SourceTexts).Distinct(StringComparer.Ordinal).ToImmutableArray(), scenarios[0].Overrides);
    }
}
