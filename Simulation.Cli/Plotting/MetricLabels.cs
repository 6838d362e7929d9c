using System.Globalization;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Cli.Plotting;

/// <summary>
/// Labels, units and number formats of metrics as the charts and the report show them, read from
/// <see cref="MetricRegistry"/>. A column the registry does not know yet (results written by a newer
/// model) still gets a label from its name and a unit from its suffix.
/// </summary>
public static class MetricLabels
{
    /// <summary>The registry entry, or one made up from the name for a metric the registry does not know.</summary>
    public static MetricInfo Info(string metric) => MetricRegistry.Find(metric) ?? Guess(metric);

    /// <summary>Human label of a metric.</summary>
    public static string Name(string metric) => Info(metric).Label;

    /// <summary>Unit as shown ("%" for shares).</summary>
    public static string Unit(string metric) => Info(metric).Unit;

    /// <summary>Factor from the value in files to the value shown (100 for shares).</summary>
    public static double DisplayScale(string metric) => Info(metric).DisplayScale;

    /// <summary>"Label (unit)".</summary>
    public static string WithUnit(string metric) => Info(metric).LabelWithUnit;

    /// <summary>A value of the metric as stored in files, scaled and rounded for display, thousands separated.</summary>
    public static string Format(string metric, double value, bool signed = false)
    {
        var info = Info(metric);
        return Fixed(value * info.DisplayScale, info.Decimals, signed);
    }

    /// <summary>"mean [low, high]" of the metric, scaled and rounded for display.</summary>
    public static string FormatInterval(string metric, double value, double low, double high, bool signed = false) =>
        $"{Format(metric, value, signed)} [{Format(metric, low, signed)}, {Format(metric, high, signed)}]";

    /// <summary>A number with <paramref name="decimals"/> decimals and thousands separators; "n/a" when undefined; no "-0".</summary>
    public static string Fixed(double value, int decimals, bool signed = false)
    {
        if (!double.IsFinite(value)) return "n/a";
        string format = "#,##0" + (decimals > 0 ? "." + new string('0', decimals) : "");
        string text = value.ToString(format, CultureInfo.InvariantCulture);
        if (text.StartsWith('-') && text.Trim('-', '0', '.', ',').Length == 0) text = text[1..];
        bool zero = text.Trim('0', '.', ',').Length == 0;
        return signed && !zero && !text.StartsWith('-') ? "+" + text : text;
    }

    private static MetricInfo Guess(string metric)
    {
        string label = metric.Replace('_', ' ');
        label = label.Length == 0 ? metric : char.ToUpper(label[0], CultureInfo.InvariantCulture) + label[1..];
        (string unit, MetricKind kind, int decimals) = metric switch
        {
            _ when metric.EndsWith("_share", StringComparison.Ordinal) || metric.EndsWith("_utilisation", StringComparison.Ordinal) => ("%", MetricKind.Share, 1),
            _ when metric.EndsWith("_minutes", StringComparison.Ordinal) => ("minutes", MetricKind.Minutes, 1),
            _ when metric.EndsWith("_hours", StringComparison.Ordinal) => ("hours", MetricKind.Hours, 2),
            _ when metric.StartsWith("boats_", StringComparison.Ordinal) => ("boats", MetricKind.Boats, 1),
            _ => ("count", MetricKind.Events, 1),
        };
        return new MetricInfo(metric, label, unit, kind, "Not described in this version's metric registry.", decimals, kind != MetricKind.Share);
    }
}
