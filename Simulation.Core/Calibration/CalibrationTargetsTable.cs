using System.Globalization;
using System.Text;

namespace Simulation.Core.Calibration;

/// <summary>
/// The public figures a calibration file cites (<c>calibration-targets.csv</c>: year, metric, value,
/// unit, source), looked up by "&lt;year&gt; &lt;metric&gt;". A target's observed value must be the
/// figure of its row (or the sum of its rows), so the file cannot drift from its sources.
/// </summary>
public sealed class CalibrationTargetsTable
{
    /// <summary>The file name looked for next to a calibration file.</summary>
    public const string FileName = "calibration-targets.csv";

    private static readonly string[] Header = ["year", "metric", "value", "unit", "source"];

    private readonly Dictionary<string, double> _values;

    private CalibrationTargetsTable(Dictionary<string, double> values) => _values = values;

    /// <summary>The value of the row "&lt;year&gt; &lt;metric&gt;", or null when there is none.</summary>
    public double? Find(string yearAndMetric) => _values.TryGetValue(yearAndMetric, out double v) ? v : null;

    /// <summary>Rows with a year, as "&lt;year&gt; &lt;metric&gt;" (for suggestions).</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>Reads the table; problems (bad header, unreadable value) are returned as text with a line number.</summary>
    public static (CalibrationTargetsTable? Table, string? Problem) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || !SplitRow(lines[0]).SequenceEqual(Header))
            return (null, "line 1: the header must be 'year,metric,value,unit,source'");
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            List<string> cells = SplitRow(lines[i]);
            if (cells.Count != Header.Length) return (null, $"line {i + 1}: has {cells.Count} fields, not {Header.Length}");
            // Rows without a year (definitions, thresholds) cannot be a year's target.
            if (cells[0].Length == 0) continue;
            if (!double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                return (null, $"line {i + 1}: value '{cells[2]}' is not a number");
            values[cells[0] + " " + cells[1]] = value;
        }
        return (new CalibrationTargetsTable(values), null);
    }

    /// <summary>One CSV row: commas separate fields; a field in double quotes may hold commas and "" for a quote.</summary>
    internal static List<string> SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
