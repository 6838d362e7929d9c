using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Simulation.Core.Domain;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Compare;

/// <summary>Behaviour of channelsim compare.</summary>
public static class CompareHandler
{
    /// <summary>Loads every file (reporting all issues of all files) and runs them as one experiment.</summary>
    public static int Execute(IReadOnlyList<string> paths, string? reference, ExperimentArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory,
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
        return Execute(scenarios, reference, args, modelFactory, output, error);
    }

    /// <summary>
    /// Runs validated scenarios: every variant of file i becomes the configuration "name_i/variant", the
    /// reference first (default: the first file's baseline), the others in file order. The combined hash is
    /// the SHA-256 of the lines "name sha256\n" of the files in order, so it changes when any file or the order changes.
    /// </summary>
    public static int Execute(IReadOnlyList<Scenario> scenarios, string? reference, ExperimentArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory,
        TextWriter output, TextWriter error)
    {
        var duplicates = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            error.WriteLine($"channelsim compare: scenario names must differ, as they name the configurations (repeated: {string.Join(", ", duplicates)})");
            return ExitCodes.InvalidInput;
        }
        var configurations = scenarios.SelectMany(s => s.Variants.Select(v => v with
        {
            Name = Qualified(s.Name, v.Name),
            Description = v.Description.Length > 0 ? v.Description : s.Description,
            Combines = v.Combines.Select(c => Qualified(s.Name, c)).ToImmutableArray(),
        })).ToList();
        string referenceName = reference is null ? configurations[0].Name : reference.Contains('/', StringComparison.Ordinal) ? reference : Qualified(reference, "baseline");
        int referenceIndex = configurations.FindIndex(c => c.Name == referenceName);
        if (referenceIndex < 0)
        {
            error.WriteLine($"channelsim compare: --reference {reference} is not one of the configurations: {string.Join(", ", configurations.Select(c => c.Name))}");
            return ExitCodes.InvalidInput;
        }
        ImmutableArray<ScenarioVariant> variants = [configurations[referenceIndex], .. configurations.Where((_, i) => i != referenceIndex)];
        var relations = VariantRelations.Of(variants, (variant, name) => Qualified(variant.Name[..variant.Name.IndexOf('/', StringComparison.Ordinal)], name));
        WarnAboutOtherPeriods(variants, error);

        string identity = string.Concat(scenarios.Select(s => s.Name + " " + s.Sha256 + "\n"));
        string sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        string resolved = string.Join("---\n", scenarios.Select(s => s.ResolvedYaml.EndsWith('\n') || s.ResolvedYaml.Length == 0 ? s.ResolvedYaml : s.ResolvedYaml + "\n"));
        string name = scenarios[0].Name + "-compare";
        return ExperimentConsole.Run("compare", args, variants, name, scenarios.Select(s => s.SourcePath).ToImmutableArray(), sha, resolved,
            scenarios[0].DefaultReplications, scenarios[0].DefaultSeed, modelFactory, output, error,
            $"Compares every variant of {string.Join(", ", scenarios.Select(s => s.Name))} with {variants[0].Name}, on common random numbers.",
            scenarios.SelectMany(s => s.SourceTexts).Distinct(StringComparer.Ordinal).ToImmutableArray(), relations, scenarios[0].Overrides);
    }

    /// <summary>The name of a variant in a comparison: its scenario's name, a slash and its own name.</summary>
    public static string Qualified(string scenario, string variant) => scenario + "/" + variant;

    /// <summary>
    /// A configuration that simulates another period than the reference differs by its calendar as well as by
    /// its policy (other weather days, other season), so its difference is not the policy's effect alone.
    /// </summary>
    private static void WarnAboutOtherPeriods(ImmutableArray<ScenarioVariant> variants, TextWriter error)
    {
        static string Period(ScenarioVariant v) =>
            v.Parameters.Date("calendar.start_date").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " + " +
            v.Parameters.Integer("calendar.horizon_days").ToString(CultureInfo.InvariantCulture) + " days";
        string reference = Period(variants[0]);
        foreach (ScenarioVariant v in variants.Skip(1).Where(v => Period(v) != reference))
        {
            error.WriteLine($"channelsim compare: note: {v.Name} simulates {Period(v)}, the reference {variants[0].Name} {reference}; its differences include the change of period, not the policy alone");
        }
    }
}
