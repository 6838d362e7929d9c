using System.Globalization;
using System.Net;
using System.Text;
using Simulation.Cli.Commands.Backtest;
using Simulation.Core.Calibration;

namespace Simulation.Cli.Reporting;

/// <summary>
/// backtest's report.html: one row per target with the observed 90% range and the simulated
/// 5–95% range drawn on the target's own scale (targets differ by orders of magnitude, so a shared
/// axis would hide every small one). Self-contained: inline SVG, no scripts, no external files.
/// </summary>
public static class BacktestReport
{
    private const int BarWidthPx = 360;

    /// <summary>The whole page.</summary>
    public static string Render(string calibrationName, string spreadNote, IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int within = 0;
        foreach (BacktestRow row in rows) if (row.Within) within++;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Backtest: ")
            .Append(E(calibrationName)).Append("</title>\n<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
            .Append("table{border-collapse:collapse;width:100%}td,th{padding:4px 6px;border-bottom:1px solid #ddd;text-align:right;font-size:13px}")
            .Append("td.l,th.l{text-align:left}.no{color:#D55E00;font-weight:bold}.box{background:#f4f4f4;padding:.6em 1em;border-left:4px solid #0072B2}</style></head><body>\n");
        html.Append("<h1>Backtest: ").Append(E(calibrationName)).Append("</h1>\n<p><strong>")
            .Append(within.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(rows.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" targets within</strong> (implausibility I = |observed − simulated mean| / √(observation sd² + discrepancy sd² + variance/n) ≤ 3, the calibration's test).</p>\n");
        html.Append("<div class=\"box\"><p><span style=\"color:#0072B2\">■</span> observed value and its 90% range: observed ∓ 1.645·√(observation sd² + discrepancy sd²), "
            + "what the published figure is worth with the allowance for what the model cannot reproduce.</p><p><span style=\"color:#E69F00\">●</span> simulated mean, "
            + "with its 5%–95% range: ").Append(E(spreadNote)).Append(". Each row has its own scale.</p></div>\n");
        html.Append("<table><tr><th class=\"l\">year</th><th class=\"l\">target</th><th>observed</th><th>simulated mean</th><th>I</th><th class=\"l\">within</th><th class=\"l\">observed (blue) vs simulated (orange)</th></tr>\n");
        foreach (BacktestRow r in rows)
        {
            html.Append("<tr><td class=\"l\">").Append(r.Year.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"l\" title=\"")
                .Append(E(r.Source)).Append("\">").Append(E(r.Target)).Append(" <small>(").Append(E(r.Metric)).Append(")</small></td><td>")
                .Append(ValidationMarkdown.Figure(r.Observed)).Append("</td><td>").Append(ValidationMarkdown.Figure(r.SimulatedMean)).Append("</td><td>")
                .Append(r.Implausibility.ToString("F2", CultureInfo.InvariantCulture)).Append("</td><td class=\"l").Append(r.Within ? "\">yes" : " no\">NO")
                .Append("</td><td class=\"l\">").Append(Bar(r)).Append("</td></tr>\n");
        }
        html.Append("</table>\n<p>Columns as in backtest.csv; seeds, hashes and version in manifest.json.</p></body></html>\n");
        return html.ToString();
    }

    private static string Bar(BacktestRow r)
    {
        double lo = Math.Min(r.ObservedLow, r.SimulatedP05), hi = Math.Max(r.ObservedHigh, r.SimulatedP95);
        double span = hi - lo;
        if (!(span > 0)) span = 1;
        string X(double v) => (10 + (v - lo) / span * (BarWidthPx - 20)).ToString("F1", CultureInfo.InvariantCulture);
        return $"<svg width=\"{BarWidthPx}\" height=\"22\" role=\"img\" aria-label=\"observed {E(ValidationMarkdown.Figure(r.Observed))}, simulated {E(ValidationMarkdown.Figure(r.SimulatedMean))}\">"
            + $"<line x1=\"{X(r.ObservedLow)}\" x2=\"{X(r.ObservedHigh)}\" y1=\"7\" y2=\"7\" stroke=\"#0072B2\" stroke-width=\"6\" opacity=\"0.45\"/>"
            + $"<rect x=\"{X(r.Observed)}\" y=\"2\" width=\"3\" height=\"10\" fill=\"#0072B2\"/>"
            + $"<line x1=\"{X(r.SimulatedP05)}\" x2=\"{X(r.SimulatedP95)}\" y1=\"17\" y2=\"17\" stroke=\"#E69F00\" stroke-width=\"2\"/>"
            + $"<circle cx=\"{X(r.SimulatedMean)}\" cy=\"17\" r=\"4\" fill=\"#E69F00\"/></svg>";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
