using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Simulation.Cli.Commands;

/// <summary>
/// The scenario files as written, each preceded by the files it extends, so the manifest keeps the
/// analysts' '# source:' comments (the resolved scenario has values only). The files were already
/// validated by the loader; a file that cannot be read here is simply left out.
/// </summary>
internal static partial class ScenarioSourceTexts
{
    private const int MaxChain = 16;

    [GeneratedRegex(@"^extends:\s*[""']?(?<path>[^""'#\r\n]+?)[""']?\s*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex ExtendsLine();

    /// <summary>Texts of <paramref name="paths"/> and their extends chains, extended files first, each file once.</summary>
    public static ImmutableArray<string> Read(IEnumerable<string> paths)
    {
        var texts = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            var chain = new List<string>();
            string? current = path;
            while (current is not null && chain.Count < MaxChain)
            {
                string full = Path.GetFullPath(current);
                if (!seen.Add(full) || !File.Exists(full)) break;
                string text;
                try { text = File.ReadAllText(full); }
                catch (IOException) { break; }
                catch (UnauthorizedAccessException) { break; }
                chain.Add(text);
                Match extends = ExtendsLine().Match(text);
                current = extends.Success ? Path.Combine(Path.GetDirectoryName(full) ?? ".", extends.Groups["path"].Value.Trim()) : null;
            }
            chain.Reverse();
            texts.AddRange(chain);
        }
        return texts.ToImmutable();
    }
}
