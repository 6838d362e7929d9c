using System.Globalization;

namespace Simulation.Core.Reporting;

/// <summary>
/// The one place numbers and text cells are formatted for output: culture-invariant, shortest
/// round-trip form for doubles ("R"), so the same value always gives the same bytes and parses back exactly.
/// </summary>
public static class InvariantFormat
{
    /// <summary>A double in round-trip form; NaN and infinities become the empty string (a CSV null).</summary>
    public static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>An integer.</summary>
    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An unsigned integer (seeds).</summary>
    public static string Unsigned(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ISO-8601 date.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A UTC time stamp in ISO-8601 with seconds.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A CSV cell: quoted (with doubled quotes) only when it holds a comma, quote or line break.</summary>
    public static string CsvCell(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Parses a double written by <see cref="Number"/> (empty = NaN).</summary>
    public static double ParseNumber(ReadOnlySpan<char> text) =>
        text.IsEmpty ? double.NaN : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
