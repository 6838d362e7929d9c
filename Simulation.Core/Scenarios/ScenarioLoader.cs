using System.Text;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Loads, validates and resolves YAML scenario files (format: scenarios/README.md). Every problem in a
/// file, and in the files it extends, is reported at once with its location; nothing a user writes
/// makes the loader throw.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Larger files are rejected before reading: real scenarios are a few kilobytes.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Longest allowed chain of <c>extends</c>.</summary>
    public const int MaxExtendsDepth = 16;

    /// <summary>
    /// Most variants a scenario may have. Every variant is a full parameter set and is written out in
    /// the resolved YAML, so this bounds the memory a small file can make the loader use.
    /// </summary>
    public const int MaxVariants = 1000;

    /// <summary>Most dated changes summed over all resolved variants, for the same reason.</summary>
    public const int MaxResolvedTimelineChanges = 1_000_000;

    /// <summary>Loads a scenario file against the model's <see cref="ParameterCatalog"/>, reporting all problems at once.</summary>
    public static ScenarioLoadResult Load(string path) => Load(path, ParameterCatalog.All);

    /// <summary>
    /// Loads a scenario file and applies command-line overrides (<c>--set key.path=value</c>, see
    /// <see cref="OverrideOrigin"/>) to every variant, after the files and the variants' own values.
    /// An override is checked exactly like a key in a file; its problems name "--set" instead of a
    /// file and line. Overrides are part of the scenario hash.
    /// </summary>
    public static ScenarioLoadResult Load(string path, IReadOnlyList<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(overrides);
        return new ScenarioResolver(new CatalogIndex(ParameterCatalog.All), overrides).Load(path, null);
    }

    /// <summary>Loads a scenario file against the given parameter catalog.</summary>
    public static ScenarioLoadResult Load(string path, IReadOnlyList<ParameterSpec> catalog)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ScenarioResolver(new CatalogIndex(catalog)).Load(path, null);
    }

    /// <summary>The "file" named by problems in a command-line override.</summary>
    public const string OverrideOrigin = "--set";

    /// <summary>
    /// Loads scenario text as if read from <paramref name="fileName"/> (used in messages and to find
    /// files named by <c>extends</c>), against <paramref name="catalog"/> or the model's catalog.
    /// </summary>
    public static ScenarioLoadResult LoadText(string text, string fileName, IReadOnlyList<ParameterSpec>? catalog = null, IReadOnlyList<string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var index = new CatalogIndex(catalog ?? ParameterCatalog.All);
        return new ScenarioResolver(index, overrides).Load(fileName, new UTF8Encoding(false).GetBytes(text));
    }
}
