using System.Collections.Immutable;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>A combined policy among an experiment's variants: its index, its parts' indices and the baseline they are all measured against.</summary>
public sealed record VariantCombination(int Combined, ImmutableArray<int> Parts, int Base);

/// <summary>
/// What the statistics need to know about the variants beyond their rows: which ones have exactly the
/// reference's parameters (their "effect" is not an effect: it is the reference again) and which ones
/// combine others (their interaction is reported).
/// </summary>
public sealed record VariantRelations
{
    /// <summary>Per variant: true when its resolved parameters equal those of variant 0, the reference. Index 0 is false.</summary>
    public ImmutableArray<bool> IdenticalToReference { get; init; } = ImmutableArray<bool>.Empty;
    /// <summary>Combined policies whose parts and baseline are all in the experiment.</summary>
    public ImmutableArray<VariantCombination> Combinations { get; init; } = ImmutableArray<VariantCombination>.Empty;

    /// <summary>No relation known (a merge of shards without a manifest, tests).</summary>
    public static VariantRelations None { get; } = new();

    /// <summary>True when variant <paramref name="variant"/> has the reference's parameters.</summary>
    public bool IsIdentical(int variant) => variant < IdenticalToReference.Length && IdenticalToReference[variant];

    /// <summary>
    /// Relations of <paramref name="variants"/> (reference first). <paramref name="qualify"/> maps a name written
    /// in a variant's <c>combines</c> (and "baseline") to the experiment's name for that variant, so compare can
    /// prefix names with their file; a combination whose parts or baseline did not run is left out.
    /// </summary>
    public static VariantRelations Of(IReadOnlyList<ScenarioVariant> variants, Func<ScenarioVariant, string, string>? qualify = null)
    {
        qualify ??= (_, name) => name;
        var identical = ImmutableArray.CreateBuilder<bool>(variants.Count);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int v = 0; v < variants.Count; v++)
        {
            identical.Add(v > 0 && variants[v].Parameters.SameAs(variants[0].Parameters));
            index.TryAdd(variants[v].Name, v);
        }
        var combinations = ImmutableArray.CreateBuilder<VariantCombination>();
        for (int v = 0; v < variants.Count; v++)
        {
            ScenarioVariant variant = variants[v];
            if (variant.Combines.IsEmpty) continue;
            var parts = variant.Combines.Select(p => index.TryGetValue(qualify(variant, p), out int i) ? i : -1).ToImmutableArray();
            if (!index.TryGetValue(qualify(variant, "baseline"), out int baseIndex) || parts.Contains(-1)) continue;
            combinations.Add(new VariantCombination(v, parts, baseIndex));
        }
        return new VariantRelations { IdenticalToReference = identical.MoveToImmutable(), Combinations = combinations.ToImmutable() };
    }
}
