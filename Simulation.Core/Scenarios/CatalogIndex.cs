using System.Text.RegularExpressions;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// The parameter catalog seen as a tree of dotted key paths: leaves are parameters, inner nodes are
/// groups (<c>uk</c>, <c>uk.windspire</c>). Groups keep the order in which the catalog first names
/// them, so every writer (resolved YAML, JSON Schema) nests keys the same way.
/// </summary>
internal sealed partial class CatalogIndex
{
    /// <summary>Keys the scenario format itself uses at the top level of a file.</summary>
    public static readonly string[] ScenarioKeys = ["schema_version", "name", "description", "extends", "experiment", "timeline", "variants"];

    private readonly Dictionary<string, ParameterSpec> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogGroup> _groups = new(StringComparer.Ordinal);

    public CatalogIndex(IReadOnlyList<ParameterSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        Specs = specs;
        Root = new CatalogGroup("");
        _groups.Add("", Root);
        foreach (var spec in specs)
        {
            // A malformed catalog is a programming error, so it throws instead of becoming an issue.
            if (!PathPattern().IsMatch(spec.Path))
                throw new ArgumentException($"Catalog path '{spec.Path}' must be dotted snake_case segments.", nameof(specs));
            if (_byPath.ContainsKey(spec.Path) || _groups.ContainsKey(spec.Path))
                throw new ArgumentException($"Catalog path '{spec.Path}' is declared twice or is also a group.", nameof(specs));
            if (spec.Kind == ParameterKind.Choice && spec.Choices.IsDefaultOrEmpty)
                throw new ArgumentException($"Catalog choice '{spec.Path}' has no choices.", nameof(specs));
            var segments = spec.Path.Split('.');
            if (Array.IndexOf(ScenarioKeys, segments[0]) >= 0)
                throw new ArgumentException($"Catalog path '{spec.Path}' starts with the scenario key '{segments[0]}'.", nameof(specs));
            var group = Root;
            for (var i = 0; i < segments.Length - 1; i++)
            {
                var groupPath = string.Join('.', segments, 0, i + 1);
                if (_byPath.ContainsKey(groupPath))
                    throw new ArgumentException($"Catalog path '{groupPath}' is both a parameter and a group.", nameof(specs));
                if (!_groups.TryGetValue(groupPath, out var child))
                {
                    child = new CatalogGroup(groupPath);
                    _groups.Add(groupPath, child);
                    group.Children.Add(new CatalogEntry(segments[i], null, child));
                }
                group = child;
            }
            group.Children.Add(new CatalogEntry(segments[^1], spec, null));
            _byPath.Add(spec.Path, spec);
        }
    }

    /// <summary>Specs in catalog order.</summary>
    public IReadOnlyList<ParameterSpec> Specs { get; }

    /// <summary>The top of the key tree.</summary>
    public CatalogGroup Root { get; }

    public bool TryGetSpec(string path, out ParameterSpec spec) => _byPath.TryGetValue(path, out spec!);

    public bool TryGetGroup(string path, out CatalogGroup group) => _groups.TryGetValue(path, out group!);

    /// <summary>Every leaf path and every group path (the names a key can resolve to).</summary>
    public IEnumerable<string> AllPaths()
    {
        foreach (var spec in Specs) yield return spec.Path;
        foreach (var path in _groups.Keys)
            if (path.Length > 0) yield return path;
    }

    /// <summary>The closest known name to an unknown key path, or null when nothing is close.</summary>
    public string? Suggest(string unknownPath, IEnumerable<string> otherKeysHere)
    {
        var candidates = AllPaths().Concat(otherKeysHere);
        var best = EditDistance.Closest(unknownPath, candidates);
        if (best is not null) return best;
        // A key written under the wrong group ("weather.start_date") is far from its real path by
        // edit distance, but its last segment may name exactly one parameter.
        var last = unknownPath[(unknownPath.LastIndexOf('.') + 1)..];
        string? only = null;
        foreach (var spec in Specs)
        {
            if (spec.Path == last || spec.Path.EndsWith("." + last, StringComparison.Ordinal))
            {
                if (only is not null) return null;
                only = spec.Path;
            }
        }
        return only;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$")]
    private static partial Regex PathPattern();
}

/// <summary>A group of keys sharing a dotted prefix.</summary>
internal sealed class CatalogGroup(string path)
{
    public string Path { get; } = path;
    public List<CatalogEntry> Children { get; } = [];

    /// <summary>Up to <paramref name="count"/> leaf paths below this group, for messages.</summary>
    public IEnumerable<string> SomeLeafPaths(int count)
    {
        var found = 0;
        foreach (var leaf in Leaves())
        {
            if (found++ == count) yield break;
            yield return leaf.Path;
        }
    }

    public IEnumerable<ParameterSpec> Leaves()
    {
        foreach (var child in Children)
        {
            if (child.Spec is not null) yield return child.Spec;
            else foreach (var leaf in child.Group!.Leaves()) yield return leaf;
        }
    }
}

/// <summary>One child of a group: a parameter (<see cref="Spec"/>) or a sub-group (<see cref="Group"/>).</summary>
internal readonly record struct CatalogEntry(string Name, ParameterSpec? Spec, CatalogGroup? Group);
