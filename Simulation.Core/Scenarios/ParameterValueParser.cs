using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Reads one parameter value from a YAML node according to its spec, in the invariant culture. The
/// kind decides the reading, so a quoted "0.5" is a number where a number is expected.
/// </summary>
internal static class ParameterValueParser
{
    /// <summary>The parsed value, or null after adding the reason to <paramref name="issues"/>.</summary>
    public static ParameterValue? Parse(ParameterSpec spec, YamlNode node, string file, string keyPath, List<ScenarioIssue> issues)
    {
        if (node is YamlAlias) return null;
        if (spec.Kind == ParameterKind.NumberList) return ParseList(spec, node, file, keyPath, issues);
        if (node is not YamlScalar scalar)
        {
            issues.Add(Issue(file, keyPath, node, $"must be a single value ({Describe(spec)}), not a {(node is YamlMapping ? "mapping" : "list")}"));
            return null;
        }
        if (scalar.IsNull)
        {
            issues.Add(Issue(file, keyPath, node, $"needs a value ({Describe(spec)})"));
            return null;
        }
        var text = scalar.Value.Trim();
        switch (spec.Kind)
        {
            case ParameterKind.Number:
            case ParameterKind.Integer:
            case ParameterKind.Probability:
                var number = ParseNumber(spec, text, file, keyPath, node, issues);
                return number is null ? null : ParameterValue.Of(number.Value);
            case ParameterKind.Boolean:
                if (text is "true" or "True" or "TRUE") return ParameterValue.Of(true);
                if (text is "false" or "False" or "FALSE") return ParameterValue.Of(false);
                issues.Add(Issue(file, keyPath, node, "must be true or false"));
                return null;
            case ParameterKind.Choice:
                if (spec.Choices.Contains(text, StringComparer.Ordinal)) return ParameterValue.Of(text);
                var near = EditDistance.Closest(text, spec.Choices);
                issues.Add(Issue(file, keyPath, node, "must be one of: " + string.Join(", ", spec.Choices) + (near is null ? "" : $" (did you mean '{near}'?)")));
                return null;
            case ParameterKind.Date:
                var date = ParseDate(text);
                if (date is null) issues.Add(Issue(file, keyPath, node, "must be a date written yyyy-MM-dd, like 2024-01-31"));
                return date is null ? null : ParameterValue.Of(date.Value);
            default:
                return ParameterValue.Of(scalar.Value);
        }
    }

    /// <summary>An ISO date, exactly yyyy-MM-dd.</summary>
    public static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The allowed values in words, e.g. "a number between 0 and 24 hours".</summary>
    public static string Describe(ParameterSpec spec) => spec.Kind switch
    {
        ParameterKind.Probability => "a probability between " + Format(Math.Max(0, spec.Min)) + " and " + Format(Math.Min(1, spec.Max)),
        ParameterKind.Number => "a number" + RangeWords(spec),
        ParameterKind.Integer => "a whole number" + RangeWords(spec),
        ParameterKind.Boolean => "true or false",
        ParameterKind.Choice => "one of: " + string.Join(", ", spec.Choices),
        ParameterKind.Date => "a date yyyy-MM-dd",
        ParameterKind.NumberList => (spec.ListLength > 0 ? $"a list of {spec.ListLength} numbers" : "a list of numbers") + RangeWords(spec, "each "),
        _ => "text",
    };

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string RangeWords(ParameterSpec spec, string lead = "")
    {
        var unit = spec.Unit.Length == 0 ? "" : " " + spec.Unit;
        var hasMin = !double.IsNegativeInfinity(spec.Min);
        var hasMax = !double.IsPositiveInfinity(spec.Max);
        var sep = lead.Length == 0 ? " " : ", " + lead;
        if (hasMin && hasMax) return $"{sep}between {Format(spec.Min)} and {Format(spec.Max)}{unit}";
        if (hasMin) return $"{sep}at least {Format(spec.Min)}{unit}";
        if (hasMax) return $"{sep}at most {Format(spec.Max)}{unit}";
        return unit.Length == 0 ? "" : " in" + unit;
    }

    private static double? ParseNumber(ParameterSpec spec, string text, string file, string keyPath, YamlNode node, List<ScenarioIssue> issues)
    {
        var value = ParseFinite(text);
        if (value is null)
        {
            issues.Add(Issue(file, keyPath, node, IsNonFinite(text)
                ? $"must be a finite number ({Describe(spec)}); NaN and infinity are not allowed"
                : $"must be {Describe(spec)}"));
            return null;
        }
        var v = value.Value;
        if (spec.Kind == ParameterKind.Integer && (Math.Floor(v) != v || v < int.MinValue || v > int.MaxValue))
        {
            issues.Add(Issue(file, keyPath, node, $"must be {Describe(spec)}"));
            return null;
        }
        var min = spec.Kind == ParameterKind.Probability ? Math.Max(0, spec.Min) : spec.Min;
        var max = spec.Kind == ParameterKind.Probability ? Math.Min(1, spec.Max) : spec.Max;
        if (v < min || v > max)
        {
            issues.Add(Issue(file, keyPath, node, $"must be {Describe(spec)}"));
            return null;
        }
        // -0 would print as "-0" in the resolved file; it means 0.
        return v == 0 ? 0 : v;
    }

    /// <summary>A finite number in invariant notation, or null (also for NaN, infinity and hex).</summary>
    public static double? ParseFinite(string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return null;
        return double.IsFinite(v) ? v : null;
    }

    private static bool IsNonFinite(string text)
    {
        var t = text.TrimStart('+', '-').ToLowerInvariant();
        return t is ".nan" or "nan" or ".inf" or "inf" or "infinity" or "∞" ||
               double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsFinite(v);
    }

    private static ParameterValue? ParseList(ParameterSpec spec, YamlNode node, string file, string keyPath, List<ScenarioIssue> issues)
    {
        if (node is not YamlSequence sequence)
        {
            issues.Add(Issue(file, keyPath, node, $"must be {Describe(spec)}, written like [1, 2, 3]"));
            return null;
        }
        if (spec.ListLength > 0 ? sequence.Items.Count != spec.ListLength : sequence.Items.Count == 0)
        {
            issues.Add(Issue(file, keyPath, node, $"must be {Describe(spec)} (this list has {sequence.Items.Count})"));
            return null;
        }
        var values = ImmutableArray.CreateBuilder<double>(sequence.Items.Count);
        var ok = true;
        var itemSpec = spec with { Kind = ParameterKind.Number };
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var itemPath = $"{keyPath}[{i}]";
            if (item is YamlAlias) { ok = false; continue; }
            if (item is not YamlScalar scalar || scalar.IsNull)
            {
                issues.Add(Issue(file, itemPath, item, $"must be {Describe(itemSpec)}"));
                ok = false;
                continue;
            }
            var v = ParseNumber(itemSpec, scalar.Value.Trim(), file, itemPath, item, issues);
            if (v is null) ok = false;
            else values.Add(v.Value);
        }
        return ok ? new ParameterValue(0, null, values.MoveToImmutable()) : null;
    }

    private static ScenarioIssue Issue(string file, string keyPath, YamlNode node, string rule) =>
        new(file, keyPath, node.Line, node.Column, node.Display, rule);
}
