using System.Text.RegularExpressions;

namespace Simulation.Tests.Scenarios;

/// <summary>Every source a scenario comment cites resolves to an entry of docs/SOURCES.md, and every entry is cited.</summary>
public partial class SourcesTests
{
    /// <summary>Comments that need no key: they say there is no published source, or point at the line above.</summary>
    private static readonly string[] KeylessStarts =
    [
        "free parameter", "free year input", "as above", "calibrated as above", "not applicable", "2024 is a leap year",
        "generator", "the baseline's own", "modelling assumption",
    ];

    [GeneratedRegex(@"^\| `(?<key>[a-z0-9-]+)` \| (?<reference>[^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex SourceRow();

    [GeneratedRegex(@"#\s*source:\s*(?<text>.*)$")]
    private static partial Regex SourceComment();

    [GeneratedRegex(@"\[(?<key>[a-z0-9-]+)\]")]
    private static partial Regex Citation();

    private static Dictionary<string, string> Sources() =>
        SourceRow().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "SOURCES.md")))
            .ToDictionary(m => m.Groups["key"].Value, m => m.Groups["reference"].Value.Trim(), StringComparer.Ordinal);

    private static IEnumerable<(string File, int Line, string Text)> Comments()
    {
        // Calibration files (scenarios/calibration/) cite their sources the same way.
        string folder = Path.Combine(RepositoryPaths.Root(), "scenarios");
        foreach (string path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string[] lines = File.ReadAllLines(path);
            for (int i = 0; i < lines.Length; i++)
            {
                var m = SourceComment().Match(lines[i]);
                if (m.Success) yield return (Path.GetRelativePath(folder, path).Replace('\\', '/'), i + 1, m.Groups["text"].Value.Trim());
            }
        }
    }

    [Fact]
    public void EveryCitationInAScenarioCommentResolvesToAnEntryOfSourcesMd()
    {
        var sources = Sources();
        Assert.True(sources.Count >= 30, $"docs/SOURCES.md lists only {sources.Count} sources");
        var problems = new List<string>();
        foreach (var (file, line, text) in Comments())
        {
            var keys = Citation().Matches(text).Select(m => m.Groups["key"].Value).ToList();
            foreach (string key in keys.Where(k => !sources.ContainsKey(k))) problems.Add($"{file}:{line}: [{key}] is not in docs/SOURCES.md");
            if (text.Contains("DATA.md", StringComparison.Ordinal) || text.Contains("MODEL.md", StringComparison.Ordinal))
                problems.Add($"{file}:{line}: cites a file that is not in this repository; cite a docs/SOURCES.md key instead");
            if (keys.Count == 0 && !KeylessStarts.Any(s => text.StartsWith(s, StringComparison.Ordinal)))
                problems.Add($"{file}:{line}: '{text}' names no source key; add [key] from docs/SOURCES.md (or say 'free parameter')");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EverySourceListedIsCitedByAScenario()
    {
        var cited = Comments().SelectMany(c => Citation().Matches(c.Text).Select(m => m.Groups["key"].Value)).ToHashSet(StringComparer.Ordinal);
        var unused = Sources().Keys.Where(k => !cited.Contains(k)).ToList();
        Assert.True(unused.Count == 0, "docs/SOURCES.md lists sources no scenario cites: " + string.Join(", ", unused));
    }
}
