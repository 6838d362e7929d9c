using System.Text.RegularExpressions;

namespace Simulation.Cli.Reporting;

/// <summary>
/// Pulls key assumptions out of the resolved scenario YAML kept in manifest.json: each <c># source: ...</c> comment is
/// attached to the key on the same line or on the next key line. Reads the text line by line rather than with a YAML
/// parser because comments are exactly what a parser throws away.
/// </summary>
public static partial class ScenarioAssumptions
{
    [GeneratedRegex(@"^(?<indent>\s*)(?<key>[A-Za-z0-9_.\-]+)\s*:(?:\s+(?<value>.*))?$")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^#\s*source\s*:\s*(?<text>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceComment();

    /// <summary>Parameters that carry a source comment, in file order.</summary>
    public static IReadOnlyList<ScenarioAssumption> WithSources(string yaml) =>
        Parse(yaml).Where(a => a.Source.Length > 0).ToList();

    /// <summary>Every scalar parameter (dotted path and value), in file order; used when no source is cited.</summary>
    public static IReadOnlyList<ScenarioAssumption> AllValues(string yaml) =>
        Parse(yaml).Where(a => a.Value.Length > 0 && a.Path is not ("name" or "description")
            && !a.Path.EndsWith(".description", StringComparison.Ordinal)).ToList();

    private static List<ScenarioAssumption> Parse(string yaml)
    {
        var result = new List<ScenarioAssumption>();
        var stack = new List<(int Indent, string Key)>();
        string pendingSource = "";
        int blockIndent = -1;
        string[] lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string raw = lines[i];
            string trimmed = raw.Trim();
            int indent = raw.Length - raw.TrimStart().Length;
            if (blockIndent >= 0)
            {
                // Inside a block scalar (description: >-): its lines are text, not keys.
                if (trimmed.Length == 0 || indent > blockIndent) { continue; }
                blockIndent = -1;
            }
            if (trimmed.Length == 0 || trimmed.StartsWith("---", StringComparison.Ordinal)) { continue; }
            if (trimmed.StartsWith('#'))
            {
                var sm = SourceComment().Match(trimmed);
                if (sm.Success)
                {
                    pendingSource = pendingSource.Length == 0 ? sm.Groups["text"].Value.Trim() : pendingSource + "; " + sm.Groups["text"].Value.Trim();
                }
                continue;
            }
            var m = KeyLine().Match(raw);
            if (!m.Success)
            {
                continue;
            }
            while (stack.Count > 0 && stack[^1].Indent >= indent) { stack.RemoveAt(stack.Count - 1); }
            string key = m.Groups["key"].Value;
            string path = stack.Count == 0 ? key : string.Join(".", stack.Select(s => s.Key)) + "." + key;
            string value = m.Groups["value"].Success ? m.Groups["value"].Value : "";
            string source = pendingSource;
            int hash = value.IndexOf(" #", StringComparison.Ordinal);
            if (value.StartsWith('#')) { hash = 0; }
            if (hash >= 0)
            {
                var inline = SourceComment().Match(value[hash..].Trim());
                if (inline.Success) { source = source.Length == 0 ? inline.Groups["text"].Value.Trim() : source + "; " + inline.Groups["text"].Value.Trim(); }
                value = value[..hash];
            }
            value = value.Trim();
            pendingSource = "";
            if (value.Length == 0 || value.StartsWith('>') || value.StartsWith('|'))
            {
                if (value.Length > 0) { blockIndent = indent; value = ""; }
                else { stack.Add((indent, key)); }
            }
            result.Add(new ScenarioAssumption(path, value, source, i + 1));
        }
        return result;
    }
}
