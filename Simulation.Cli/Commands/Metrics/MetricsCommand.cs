using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Cli.Commands.Metrics;

/// <summary>channelsim metrics [--format table|json|markdown]: what every output column means, from the metric registry.</summary>
public static class MetricsCommand
{
    /// <summary>Files each kind of entry appears in, so a reader can find the column.</summary>
    private static readonly string[] TotalFiles = ["replications.csv", "summary.json", "summary.csv", "comparison.csv"];
    private static readonly string[] DailyFiles = ["daily.csv"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var format = new Option<string>("--format")
        {
            Description = "table (aligned text), json (for scripts) or markdown (default: table).",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "markdown");
        var command = new Command("metrics", "List every output metric with its label, unit, kind and definition (the columns of replications.csv and the series of daily.csv).")
        {
            format,
        };
        command.SetAction(parse => Execute(parse.GetValue(format) ?? "table", parse.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Writes the registry in <paramref name="format"/>; returns the exit code.</summary>
    public static int Execute(string format, TextWriter output)
    {
        output.Write(format switch
        {
            "json" => Json(),
            "markdown" => Markdown(),
            _ => Table(),
        });
        return ExitCodes.Ok;
    }

    /// <summary>The registry as JSON: "metrics" (per-replication totals) and "daily_series", each entry with every field.</summary>
    public static string Json()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("metrics");
            foreach (MetricInfo m in MetricRegistry.Totals) Entry(json, m, TotalFiles);
            json.WriteEndArray();
            json.WriteStartArray("daily_series");
            foreach (MetricInfo m in MetricRegistry.DailySeries) Entry(json, m, DailyFiles);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Entry(Utf8JsonWriter json, MetricInfo m, string[] files)
    {
        json.WriteStartObject();
        json.WriteString("name", m.Name);
        json.WriteString("label", m.Label);
        json.WriteString("unit", m.Unit);
        json.WriteString("unit_in_files", m.UnitInFiles);
        json.WriteString("kind", Kind(m.Kind));
        json.WriteString("definition", m.Definition);
        json.WriteNumber("display_decimals", m.Decimals);
        json.WriteBoolean("percent_change_meaningful", m.PercentChangeMeaningful);
        if (m.PercentChangeMeaningful) json.WriteNumber("percent_change_minimum_baseline", m.PercentChangeMinimumBaseline);
        json.WriteStartArray("files");
        foreach (string f in files) json.WriteStringValue(f);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("| Metric | Label | Unit | Kind | Definition |\n|---|---|---|---|---|\n");
        foreach (MetricInfo m in MetricRegistry.Totals)
        {
            string unit = m.IsShare ? $"{m.Unit} (a fraction in files)" : m.Unit;
            sb.Append(CultureInfo.InvariantCulture, $"| `{m.Name}` | {m.Label} | {unit} | {Kind(m.Kind)} | {m.Definition.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        sb.Append("\nDaily series (daily.csv):\n\n| Series | Label | Unit | Definition |\n|---|---|---|---|\n");
        foreach (MetricInfo m in MetricRegistry.DailySeries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| `{m.Name}` | {m.Label} | {m.Unit} | {m.Definition} |\n");
        }
        return sb.ToString();
    }

    private static string Table()
    {
        var rows = new List<string[]> { new[] { "metric", "label", "unit", "kind" } };
        rows.AddRange(MetricRegistry.Totals.Select(m => new[] { m.Name, m.Label, m.IsShare ? m.Unit + " (fraction in files)" : m.Unit, Kind(m.Kind) }));
        int[] widths = Enumerable.Range(0, 4).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (string[] row in rows) sb.Append(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd()).Append('\n');
        sb.Append("\nDefinitions: channelsim metrics --format markdown (or json). Daily series in daily.csv: ")
          .Append(string.Join(", ", MetricRegistry.DailySeries.Select(m => m.Name))).Append(".\n");
        return sb.ToString();
    }

    /// <summary>snake_case name of a kind, as in the JSON.</summary>
    public static string Kind(MetricKind kind) => kind switch
    {
        MetricKind.People => "people",
        MetricKind.PersonAttempts => "person_attempts",
        MetricKind.Boats => "boats",
        MetricKind.Events => "events",
        MetricKind.Days => "days",
        MetricKind.Share => "share",
        MetricKind.Hours => "hours",
        MetricKind.Minutes => "minutes",
        MetricKind.Ratio => "ratio",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
