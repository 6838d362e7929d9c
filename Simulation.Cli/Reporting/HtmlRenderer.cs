using System.Net;
using System.Text;

namespace Simulation.Cli.Reporting;

/// <summary>
/// Renders report blocks as one self-contained HTML page: inline CSS, charts embedded as base64 PNG data URIs, no external
/// resource. A small inline script records on load how many images decoded, so a headless browser can check the page.
/// </summary>
internal static class HtmlRenderer
{
    private const string Css = """
        body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; max-width: 940px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #1f77b4; padding-bottom: .3em; }
        h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 1em 0; font-size: .92em; }
        th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: right; vertical-align: top; }
        th { background: #f0f4f8; }
        table.text th, table.text td { text-align: left; white-space: normal; }
        td { white-space: nowrap; }
        .table-wrap { overflow-x: auto; }
        td:first-child, th:first-child { text-align: left; }
        figure { margin: 1.5em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #ddd; }
        figcaption { font-size: .92em; color: #444; margin-top: .4em; }
        pre { background: #f6f6f6; padding: 1em; overflow-x: auto; font-size: .85em; }
        code { font-size: .92em; }
        .note { color: #555; font-style: italic; }
        td.text, th.text { text-align: left; white-space: normal; }
        th { white-space: normal; }
        td:first-child { white-space: normal; }
        span.ci { font-size: .88em; color: #444; }
        #effects-table, #effects-other-table, #interactions-table, #metrics-table { width: 100%; }
        aside.box { border: 2px solid #0072B2; background: #f2f8fc; padding: .4em 1em; margin: 1em 0; }
        aside.box h3 { margin: .4em 0; }
        aside#headline { border-color: #222; background: #fafafa; font-size: 1.05em; }
        """;

    private const string ImageCheckScript = """
        window.addEventListener('load', function () {
          var imgs = document.images, loaded = 0, broken = 0;
          for (var i = 0; i < imgs.length; i++) { if (imgs[i].complete && imgs[i].naturalWidth > 0) { loaded++; } else { broken++; } }
          var d = document.createElement('div');
          d.id = 'image-check'; d.hidden = true;
          d.setAttribute('data-loaded', String(loaded)); d.setAttribute('data-broken', String(broken));
          d.setAttribute('data-page-width', String(document.documentElement.clientWidth));
          var widest = 0, tables = document.querySelectorAll('table');
          for (var t = 0; t < tables.length; t++) { widest = Math.max(widest, tables[t].getBoundingClientRect().right); }
          d.setAttribute('data-widest-table-right', String(Math.ceil(widest)));
          var effects = document.getElementById('effects-table');
          d.setAttribute('data-effects-right', effects ? String(Math.ceil(effects.getBoundingClientRect().right)) : '');
          document.body.appendChild(d);
        });
        """;

    public static string Render(string title, IReadOnlyList<ReportBlock> blocks)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("\n</style>\n<script>\n").Append(ImageCheckScript).Append("\n</script>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock h:
                    sb.Append("<h").Append(h.Level).Append('>').Append(E(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case ParagraphBlock p:
                    sb.Append(p.Emphasis ? "<p class=\"note\">" : "<p>").Append(E(p.Text)).Append("</p>\n");
                    break;
                case ListBlock l:
                    sb.Append("<ul>\n");
                    foreach (var (strong, text) in l.Items)
                    {
                        sb.Append("<li>");
                        if (strong.Length > 0) { sb.Append("<strong>").Append(E(strong)).Append("</strong>").Append(text.Length > 0 ? ": " : ""); }
                        sb.Append(E(text)).Append("</li>\n");
                    }
                    sb.Append("</ul>\n");
                    break;
                case TableBlock t:
                    sb.Append("<div class=\"table-wrap\">\n<table").Append(t.Id is null ? "" : $" id=\"{E(t.Id)}\"").Append(t.Numeric ? "" : " class=\"text\"").Append(">\n<thead><tr>");
                    for (int i = 0; i < t.Header.Count; i++) { sb.Append(Cell("th", t, i)).Append(E(t.Header[i])).Append("</th>"); }
                    sb.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("<tr>");
                        for (int i = 0; i < row.Count; i++)
                        {
                            sb.Append(Cell("td", t, i)).Append(i == 0 && t.FirstColumnCode ? "<code>" + E(row[i]) + "</code>" : Content(t, i, row[i])).Append("</td>");
                        }
                        sb.Append("</tr>\n");
                    }
                    sb.Append("</tbody>\n</table>\n</div>\n");
                    break;
                case BoxBlock box:
                    sb.Append("<aside class=\"box\" id=\"").Append(E(box.Id)).Append("\">\n<h3>").Append(E(box.Title)).Append("</h3>\n");
                    foreach (string paragraph in box.Paragraphs) sb.Append("<p>").Append(E(paragraph)).Append("</p>\n");
                    sb.Append("</aside>\n");
                    break;
                case ImageBlock img:
                    sb.Append("<figure>\n<img alt=\"").Append(E(img.Alt)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(File.ReadAllBytes(img.FullPath))).Append("\">\n<figcaption>")
                        .Append(E(img.Caption)).Append("</figcaption>\n</figure>\n");
                    break;
                case CodeBlock c:
                    sb.Append("<pre>").Append(E(c.Text)).Append("</pre>\n");
                    break;
            }
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Cell(string tag, TableBlock t, int column) =>
        t.Numeric && t.TextColumns?.Contains(column) == true ? $"<{tag} class=\"text\">" : $"<{tag}>";

    /// <summary>
    /// A cell's HTML: snake_case names may break after an underscore, and "value [low, high]" puts the interval on
    /// its own line, so that long names and intervals do not widen the table past the page.
    /// </summary>
    private static string Content(TableBlock t, int column, string text)
    {
        if (t.IntervalColumns?.Contains(column) == true)
        {
            int bracket = text.IndexOf(" [", StringComparison.Ordinal);
            if (bracket > 0) return E(text[..bracket]) + "<br><span class=\"ci\">" + E(text[(bracket + 1)..]) + "</span>";
        }
        if (t.TextColumns?.Contains(column) == true) return E(text).Replace("_", "_<wbr>", StringComparison.Ordinal);
        return E(text);
    }
}
