using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulation.Core.Scenarios;

/// <summary>Turns YAML text into a <see cref="YamlNode"/> tree, reporting syntax problems as issues.</summary>
internal static class YamlTreeReader
{
    /// <summary>Deeper nesting than this is rejected: scenario files need about six levels.</summary>
    public const int MaxDepth = 40;

    /// <summary>The document's root node, or null when the text holds no usable document.</summary>
    public static YamlNode? Read(string text, string file, List<ScenarioIssue> issues)
    {
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var documents = 0;
        var lastLine = 1;
        var lastColumn = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var line = (int)e.Start.Line;
                var column = (int)e.Start.Column;
                (lastLine, lastColumn) = (Math.Max(1, (int)e.End.Line), Math.Max(1, (int)e.End.Column));
                switch (e)
                {
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            issues.Add(new ScenarioIssue(file, "", line, column, "---",
                                "a scenario file holds one YAML document; remove the second '---' and what follows or move it to its own file"));
                            return root;
                        }
                        break;
                    case Scalar s:
                        Complete(new YamlScalar(line, column, s.Value, s.Style == ScalarStyle.Plain), stack, ref root, file, issues);
                        break;
                    case AnchorAlias a:
                        issues.Add(new ScenarioIssue(file, "", line, column, "*" + a.Value,
                            "YAML aliases (*name) are not allowed: write each value out where it is used, so every value has one place in the file and a change to it cannot silently affect other keys"));
                        Complete(new YamlAlias(line, column, a.Value.ToString()), stack, ref root, file, issues);
                        break;
                    case MappingStart:
                    case SequenceStart:
                        if (stack.Count >= MaxDepth)
                        {
                            issues.Add(new ScenarioIssue(file, "", line, column, "",
                                $"values are nested more than {MaxDepth} levels deep; a scenario file needs far fewer"));
                            return null;
                        }
                        stack.Push(new Frame(e is MappingStart ? new YamlMapping(line, column) : new YamlSequence(line, column)));
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        Complete(stack.Pop().Node, stack, ref root, file, issues);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            // The scanner reports a tab in indentation where it noticed the problem (the end of the
            // line before, or 1:1 for a nested mapping), not where the tab is; point at the tab.
            if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && IndentingTab(text, (int)ex.Start.Line) is { } tab)
            {
                issues.Add(new ScenarioIssue(file, "", tab.Line, tab.Column, "\\t",
                    "is a tab in the indentation; YAML indents with spaces only: replace the tab with spaces"));
                return null;
            }
            issues.Add(new ScenarioIssue(file, "", (int)ex.Start.Line, (int)ex.Start.Column, "",
                "is not valid YAML (is the file cut short or wrongly indented?): " + OneLine(ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            // The YAML scanner throws these on some malformed input instead of a YamlException
            // (found by the mutation test); the last good position is the best location we have.
            issues.Add(new ScenarioIssue(file, "", lastLine, lastColumn, "",
                "is not valid YAML after this point (is the file cut short or wrongly indented?)"));
            return null;
        }
        return root;
    }

    private static void Complete(YamlNode node, Stack<Frame> stack, ref YamlNode? root, string file, List<ScenarioIssue> issues)
    {
        if (stack.Count == 0)
        {
            root = node;
            return;
        }
        var frame = stack.Peek();
        if (frame.Node is YamlSequence sequence)
        {
            sequence.Items.Add(node);
            return;
        }
        var mapping = (YamlMapping)frame.Node;
        if (!frame.HasKey)
        {
            frame.HasKey = true;
            frame.Key = node as YamlScalar;
            if (frame.Key is null && node is not YamlAlias)
                issues.Add(new ScenarioIssue(file, "", node.Line, node.Column, node.Display,
                    "keys must be plain names, not lists or mappings"));
            return;
        }
        if (frame.Key is not null) mapping.Entries.Add(new(frame.Key, node));
        frame.HasKey = false;
        frame.Key = null;
    }

    /// <summary>
    /// Line and column (1-based) of the first tab in a line's leading whitespace, preferring one at
    /// or after <paramref name="fromLine"/>; null when there is none.
    /// </summary>
    internal static (int Line, int Column)? IndentingTab(string text, int fromLine)
    {
        (int, int)? first = null;
        int line = 1;
        foreach (string row in text.Split('\n'))
        {
            for (int i = 0; i < row.Length && row[i] is ' ' or '\t'; i++)
            {
                if (row[i] != '\t') continue;
                if (line >= fromLine) return (line, i + 1);
                first ??= (line, i + 1);
                break;
            }
            line++;
        }
        return first;
    }

    private static string OneLine(string message) => message.Replace('\n', ' ').Replace('\r', ' ').Trim();

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;
        public bool HasKey { get; set; }
        public YamlScalar? Key { get; set; }
    }
}
