using System.Text;

namespace Simulation.Cli.Reporting;

/// <summary>Renders report blocks as GitHub-flavoured Markdown with LF line endings.</summary>
internal static class MarkdownRenderer
{
    public static string Render(IReadOnlyList<ReportBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append(new string('#', h.Level)).Append(' ').Append(h.Text).Append('\n');
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Emphasis ? "_" + p.Text + "_" : p.Text).Append('\n');
                    break;
                case ListBlock l:
                    foreach (var (strong, text) in l.Items)
                    {
                        sb.Append("- ");
                        if (strong.Length > 0) { sb.Append("**").Append(strong).Append("**"); if (text.Length > 0) { sb.Append(": "); } }
                        sb.Append(text).Append('\n');
                    }
                    break;
                case TableBlock t:
                    sb.Append("| ").AppendJoin(" | ", t.Header.Select(Cell)).Append(" |\n");
                    sb.Append('|').AppendJoin("|", t.Header.Select((_, i) => i == 0 || !t.Numeric || t.TextColumns?.Contains(i) == true ? "---" : "---:")).Append("|\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("| ").AppendJoin(" | ", row.Select((c, i) => i == 0 && t.FirstColumnCode ? "`" + c + "`" : Cell(c))).Append(" |\n");
                    }
                    break;
                case BoxBlock box:
                    sb.Append("> **").Append(box.Title).Append("**\n");
                    foreach (string paragraph in box.Paragraphs) sb.Append(">\n> ").Append(paragraph).Append('\n');
                    break;
                case ImageBlock img:
                    sb.Append("![").Append(img.Alt).Append("](").Append(img.RelativePath).Append(")\n\n");
                    sb.Append(img.Caption).Append('\n');
                    break;
                case CodeBlock c:
                    sb.Append("```\n").Append(c.Text.TrimEnd('\n')).Append("\n```\n");
                    break;
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
