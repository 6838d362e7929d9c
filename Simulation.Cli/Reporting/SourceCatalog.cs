using System.Reflection;
using System.Text.RegularExpressions;

namespace Simulation.Cli.Reporting;

/// <summary>
/// The sources of docs/SOURCES.md (embedded in the program, so an installed tool has them too): short key to full
/// reference. Scenario comments cite the keys in square brackets; the report prints the full reference of each.
/// </summary>
public static partial class SourceCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Full reference by key.</summary>
    public static IReadOnlyDictionary<string, string> All => Entries.Value;

    /// <summary>The keys cited in <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> KeysIn(string text) =>
        Citation().Matches(text).Select(m => m.Groups["key"].Value).Distinct(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Load()
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SOURCES.md");
        if (stream is null) return new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new StreamReader(stream);
        return Row().Matches(reader.ReadToEnd()).ToDictionary(m => m.Groups["key"].Value, m => Unmark(m.Groups["reference"].Value.Trim()), StringComparer.Ordinal);
    }

    /// <summary>The reference without Markdown emphasis, for plain table cells.</summary>
    private static string Unmark(string text) => text.Replace("*", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^\| `(?<key>[a-z0-9-]+)` \| (?<reference>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();

    [GeneratedRegex(@"\[(?<key>[a-z0-9-]+)\]")]
    private static partial Regex Citation();
}
