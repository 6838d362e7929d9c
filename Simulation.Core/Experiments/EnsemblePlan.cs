using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// The plausible parameter sets a run is repeated under (<c>run --ensemble</c>). Variant v under set s
/// takes v's parameters with the set's values applied, except the keys v changes relative to the
/// baseline variant: a policy lever set by the scenario wins over the set, so the policy is still the
/// policy under every set.
/// </summary>
public sealed record EnsemblePlan
{
    /// <summary>The rule in words, for the manifest, the report and the docs.</summary>
    public const string LeverRule =
        "variant v under set s = v's parameters with the set's values applied, except the keys v changes relative to the baseline variant (a policy lever set by the scenario keeps the variant's value)";

    /// <summary>The file as given on the command line.</summary>
    public required string FilePath { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The sets, in file order.</summary>
    public required ImmutableArray<PlausibleSet> Sets { get; init; }

    /// <summary>The parameter keys the file sets (the header, in order).</summary>
    public ImmutableArray<string> Keys => Sets.IsDefaultOrEmpty ? [] : Sets[0].Values.Select(p => p.Key).ToImmutableArray();

    /// <summary>Name of variant <paramref name="variant"/> under set <paramref name="set"/> (replications are not named by it in any output).</summary>
    public static string RunName(string setId, string variant) => setId + "/" + variant;

    /// <summary>
    /// The ensemble keys variant <paramref name="v"/> keeps at its own value because it changes them
    /// relative to the baseline (index 0): a different value, or different dated changes of the key.
    /// </summary>
    public ImmutableArray<string> KeptLevers(IReadOnlyList<ScenarioVariant> variants, int v)
    {
        if (v == 0) return [];
        ParameterSet baseline = variants[0].Parameters, policy = variants[v].Parameters;
        var kept = ImmutableArray.CreateBuilder<string>();
        foreach (string key in Keys)
        {
            bool differs = !baseline.Values[key].Equals(policy.Values[key]) ||
                           !baseline.Timeline.Where(t => t.Path == key).SequenceEqual(policy.Timeline.Where(t => t.Path == key));
            if (differs) kept.Add(key);
        }
        return kept.ToImmutable();
    }

    /// <summary>Every (set, variant) run, set-major: index s × variants + v.</summary>
    public ImmutableArray<ScenarioVariant> Variants(IReadOnlyList<ScenarioVariant> variants)
    {
        var kept = new ImmutableArray<string>[variants.Count];
        for (int v = 0; v < variants.Count; v++) kept[v] = KeptLevers(variants, v);
        var runs = ImmutableArray.CreateBuilder<ScenarioVariant>(Sets.Length * variants.Count);
        foreach (PlausibleSet set in Sets)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                ImmutableDictionary<string, ParameterValue>.Builder values = variants[v].Parameters.Values.ToBuilder();
                foreach (var (key, value) in set.Values)
                {
                    if (!kept[v].Contains(key)) values[key] = value;
                }
                runs.Add(variants[v] with
                {
                    Name = RunName(set.SetId, variants[v].Name),
                    Parameters = variants[v].Parameters with { Values = values.ToImmutable() },
                });
            }
        }
        return runs.MoveToImmutable();
    }
}
