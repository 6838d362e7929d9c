using System.Text.RegularExpressions;
using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Parameters;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Docs;

/// <summary>
/// docs/MODEL.md is kept in step with the code:
/// <list type="bullet">
/// <item>The boat's state diagram (the one Mermaid <c>stateDiagram-v2</c> block) draws exactly the
/// transitions <see cref="BoatTransitions.IsLegal"/> allows, compared over every pair of
/// <see cref="BoatState"/> values. <c>[*] --> Staging</c> marks the state a new boat starts in (the
/// default value of the enum) and must be the only start line; <c>X --> [*]</c> marks an end state,
/// allowed only for a state the code lets go nowhere, and every such state must have one.</item>
/// <item>Every parameter key of <see cref="ParameterCatalog.All"/> is named, as an inline code span
/// holding exactly the key (<c>`french.beach.officers_per_night`</c>), in exactly one submodel
/// section. The submodel sections are the <c>### </c> headings under the <c>## </c> heading whose
/// text contains "Submodels", up to the next <c>## </c> heading. Keys named elsewhere (overview
/// tables, design concepts, fenced code blocks) do not count, and a section that uses a key
/// documented in another section refers to it without backticks.</item>
/// <item>No inline code span anywhere in the document looks like a parameter key (it starts with a
/// catalog group such as <c>uk.</c> or <c>harm.</c>) without being a key or a group of keys.</item>
/// </list>
/// Messages say what is missing and where, so a new parameter or transition is one edit away.
/// </summary>
public partial class ModelDocumentationTests
{
    private const string DocPath = "docs/MODEL.md";

    private static string[] ReadDoc() => File.ReadAllLines(Path.Combine(RepositoryPaths.Root(), "docs", "MODEL.md"));

    [Fact]
    public void TheStateDiagramDrawsExactlyTheLegalBoatTransitions()
    {
        List<string> problems = CheckStateDiagram(ReadDoc());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCatalogParameterIsNamedInExactlyOneSubmodelSection()
    {
        List<string> problems = CheckParameterSections(ReadDoc(), ParameterCatalog.All);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryKeyLikeNameInTheDocumentIsACatalogKeyOrGroup()
    {
        List<string> problems = CheckKeyLikeNames(ReadDoc(), ParameterCatalog.All);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Guards the checks themselves: a parser that finds nothing would pass vacuously.
    [Fact]
    public void TheChecksFindMissingAndExtraArrowsAndKeys()
    {
        string[] doc =
        [
            "## 4. Submodels",
            "### Beach",
            "`french.beach.officers_per_night` and `french.beach.officers_per_night` again; `harm.no_such_key`",
            "### Harm",
            "`french.beach.officers_per_night`",
            "```mermaid",
            "stateDiagram-v2",
            "    [*] --> Staging",
            "    Staging --> LandedUk",
            "    Lost --> [*]",
            "```",
        ];
        List<string> diagram = CheckStateDiagram(doc);
        Assert.Contains(diagram, p => p.Contains("Staging --> LandedUk", StringComparison.Ordinal) && p.Contains("not legal", StringComparison.Ordinal));
        Assert.Contains(diagram, p => p.Contains("InUkWaters --> HeadingForBeach", StringComparison.Ordinal) && p.Contains("add the line", StringComparison.Ordinal));
        ParameterSpec[] specs = ParameterCatalog.All.Where(s => s.Path.StartsWith("french.beach.", StringComparison.Ordinal)).ToArray();
        List<string> sections = CheckParameterSections(doc, specs);
        Assert.Contains(sections, p => p.Contains("`french.beach.officers_per_night` is named in 2 submodel sections", StringComparison.Ordinal));
        Assert.Contains(sections, p => p.Contains("`french.beach.coverage_share` is named in no submodel section", StringComparison.Ordinal)
                                       && p.Contains("'### Beach'", StringComparison.Ordinal));
        Assert.Contains(CheckKeyLikeNames(doc, ParameterCatalog.All), p => p.Contains("`harm.no_such_key`", StringComparison.Ordinal));
    }

    internal static List<string> CheckStateDiagram(string[] lines)
    {
        var problems = new List<string>();
        List<(int Start, int End)> blocks = MermaidStateBlocks(lines);
        if (blocks.Count != 1)
        {
            problems.Add($"{DocPath}: expected exactly one ```mermaid block starting with stateDiagram-v2 (the boat's states), found {blocks.Count}.");
            return problems;
        }
        (int start, int end) = blocks[0];
        var names = Enum.GetValues<BoatState>().ToDictionary(s => s.ToString(), s => s, StringComparer.Ordinal);
        var drawn = new Dictionary<(BoatState, BoatState), int>();
        var starts = new List<(BoatState State, int Line)>();
        var ends = new Dictionary<BoatState, int>();
        for (int i = start; i < end; i++)
        {
            string line = lines[i];
            if (!line.Contains("-->", StringComparison.Ordinal)) continue;
            Match m = Arrow().Match(line);
            int lineNo = i + 1;
            if (!m.Success)
            {
                problems.Add($"{DocPath}:{lineNo}: cannot read '{line.Trim()}'; write arrows as 'From --> To' or 'From --> To : label'.");
                continue;
            }
            string from = m.Groups["from"].Value, to = m.Groups["to"].Value;
            bool ok = true;
            foreach (string name in new[] { from, to })
            {
                if (name == "[*]" || names.ContainsKey(name)) continue;
                problems.Add($"{DocPath}:{lineNo}: '{name}' is not a BoatState (states: {string.Join(", ", names.Keys)}).");
                ok = false;
            }
            if (!ok) continue;
            if (from == "[*]" && to == "[*]") problems.Add($"{DocPath}:{lineNo}: '[*] --> [*]' means nothing; remove it.");
            else if (from == "[*]") starts.Add((names[to], lineNo));
            else if (to == "[*]") ends[names[from]] = lineNo;
            else drawn.TryAdd((names[from], names[to]), lineNo);
        }

        BoatState initial = default;
        if (starts.Count == 0)
            problems.Add($"{DocPath}:{start + 1}: the diagram has no start line; add '    [*] --> {initial}' (a new boat in the pool starts as {initial}).");
        foreach ((BoatState state, int lineNo) in starts.Where(s => s.State != initial))
            problems.Add($"{DocPath}:{lineNo}: '[*] --> {state}': a new boat starts as {initial}, not {state}; the only start line is '[*] --> {initial}'.");

        BoatState[] all = Enum.GetValues<BoatState>();
        foreach (BoatState from in all)
        {
            foreach (BoatState to in all)
            {
                bool legal = BoatTransitions.IsLegal(from, to);
                bool inDoc = drawn.TryGetValue((from, to), out int lineNo);
                if (legal && !inDoc)
                    problems.Add($"{DocPath}: BoatTransitions.IsLegal({from}, {to}) is true but the state diagram (lines {start + 1}-{end}) has no such arrow; add the line '    {from} --> {to}' to the stateDiagram-v2 block (and describe the move in the boat's life).");
                if (!legal && inDoc)
                    problems.Add($"{DocPath}:{lineNo}: the state diagram draws '{from} --> {to}', which BoatTransitions.IsLegal says is not legal; remove the line, or allow the move in Simulation.Core/Domain/Crossing/BoatTransitions.cs.");
            }
            BoatState[] next = all.Where(to => BoatTransitions.IsLegal(from, to)).ToArray();
            bool endDrawn = ends.TryGetValue(from, out int endLine);
            if (endDrawn && next.Length > 0)
                problems.Add($"{DocPath}:{endLine}: '{from} --> [*]' marks {from} as an end state, but the code lets it move on to {string.Join(", ", next)}; remove the line.");
            if (!endDrawn && next.Length == 0 && from != initial)
                problems.Add($"{DocPath}: {from} is an end state in the code (no legal move out of it) but the diagram does not end it; add the line '    {from} --> [*]' to the stateDiagram-v2 block.");
        }
        return problems;
    }

    internal static List<string> CheckParameterSections(string[] lines, IReadOnlyList<ParameterSpec> catalog)
    {
        var problems = new List<string>();
        List<Section> sections = SubmodelSections(lines);
        if (sections.Count == 0)
        {
            problems.Add($"{DocPath}: no submodel sections found; the rule is: '### ' headings under the '## ' heading whose text contains 'Submodels'.");
            return problems;
        }
        var catalogPaths = catalog.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        // Key -> the sections naming it (each section once, with the first line it names the key on).
        var namedIn = new Dictionary<string, List<(Section Section, int Line)>>(StringComparer.Ordinal);
        foreach (Section section in sections)
        {
            foreach ((string token, int line) in section.CodeSpans)
            {
                if (!catalogPaths.Contains(token)) continue;
                if (!namedIn.TryGetValue(token, out var list)) namedIn[token] = list = [];
                if (!list.Exists(e => ReferenceEquals(e.Section, section))) list.Add((section, line));
            }
        }
        foreach (ParameterSpec spec in catalog)
        {
            if (!namedIn.TryGetValue(spec.Path, out var list))
            {
                string where = SuggestSection(spec, catalog, namedIn);
                problems.Add($"{DocPath}: `{spec.Path}` is named in no submodel section; {where} (write the key in backticks, with what it does in the section's equations).");
            }
            else if (list.Count > 1)
            {
                string places = string.Join(", ", list.Select(e => $"'{e.Section.Heading}' (line {e.Line})"));
                problems.Add($"{DocPath}: `{spec.Path}` is named in {list.Count} submodel sections: {places}; keep it in backticks only in the section of the mechanism that reads it, and refer to it without backticks elsewhere.");
            }
        }
        return problems;
    }

    internal static List<string> CheckKeyLikeNames(string[] lines, IReadOnlyList<ParameterSpec> catalog)
    {
        var problems = new List<string>();
        var paths = catalog.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var groups = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
            for (int dot = path.IndexOf('.', StringComparison.Ordinal); dot > 0; dot = path.IndexOf('.', dot + 1))
                groups.Add(path[..dot]);
        var roots = paths.Select(p => p[..p.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        foreach ((string token, int line) in CodeSpans(lines, 0, lines.Length))
        {
            if (!KeyLike().IsMatch(token)) continue;
            if (!roots.Contains(token[..token.IndexOf('.', StringComparison.Ordinal)])) continue;
            if (paths.Contains(token) || groups.Contains(token)) continue;
            problems.Add($"{DocPath}:{line}: `{token}` looks like a parameter key but is not in ParameterCatalog (renamed or removed?); use the catalog's key or drop the backticks.");
        }
        return problems;
    }

    private static string SuggestSection(ParameterSpec spec, IReadOnlyList<ParameterSpec> catalog,
        Dictionary<string, List<(Section Section, int Line)>> namedIn)
    {
        var siblings = catalog.Where(s => s.Mechanism == spec.Mechanism && s.Path != spec.Path && namedIn.ContainsKey(s.Path))
            .SelectMany(s => namedIn[s.Path]).Select(e => e.Section.Heading).Distinct().ToArray();
        return siblings.Length == 0
            ? $"add it to the submodel section of the mechanism that reads it (no section names another `{spec.Mechanism}.*` key yet; add a '### ' section if the mechanism is new)"
            : $"add it to {string.Join(" or ", siblings.Select(h => $"'{h}'"))}, which names the other `{spec.Mechanism}.*` keys, if that mechanism reads it";
    }

    private sealed record Section(string Heading, List<(string Token, int Line)> CodeSpans);

    private static List<Section> SubmodelSections(string[] lines)
    {
        var sections = new List<Section>();
        int part = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains("Submodels", StringComparison.OrdinalIgnoreCase));
        if (part < 0) return sections;
        int partEnd = Array.FindIndex(lines, part + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        if (partEnd < 0) partEnd = lines.Length;
        for (int i = part + 1; i < partEnd; i++)
        {
            if (!lines[i].StartsWith("### ", StringComparison.Ordinal)) continue;
            int next = Array.FindIndex(lines, i + 1, partEnd - i - 1, l => l.StartsWith("### ", StringComparison.Ordinal));
            if (next < 0) next = partEnd;
            sections.Add(new Section(lines[i].Trim(), CodeSpans(lines, i, next)));
        }
        return sections;
    }

    // Inline code spans of lines [from, to), skipping fenced code blocks; line numbers are 1-based.
    private static List<(string Token, int Line)> CodeSpans(string[] lines, int from, int to)
    {
        var spans = new List<(string, int)>();
        bool fenced = false;
        for (int i = from; i < to; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            foreach (Match m in InlineCode().Matches(lines[i])) spans.Add((m.Groups[1].Value, i + 1));
        }
        return spans;
    }

    private static List<(int Start, int End)> MermaidStateBlocks(string[] lines)
    {
        var blocks = new List<(int, int)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```mermaid") continue;
            int close = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            if (close < 0) close = lines.Length;
            int first = Array.FindIndex(lines, i + 1, close - i - 1, l => l.Trim().Length > 0);
            if (first >= 0 && lines[first].Trim() == "stateDiagram-v2") blocks.Add((first + 1, close));
            i = close;
        }
        return blocks;
    }

    [GeneratedRegex(@"^\s*(?<from>\[\*\]|\w+)\s*-->\s*(?<to>\[\*\]|\w+)\s*(:.*)?$")]
    private static partial Regex Arrow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")]
    private static partial Regex KeyLike();
}
