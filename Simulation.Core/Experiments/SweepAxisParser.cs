using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Experiments;

/// <summary>
/// Parses one <c>--vary</c> argument against the parameter catalog: <c>path=low:high:count</c> (grid),
/// <c>path=v1,v2,...</c> (grid, explicit values) or <c>path=low:high</c> (Latin hypercube). Every
/// problem comes back as one message naming the argument, the path, the value and the rule.
/// </summary>
public static class SweepAxisParser
{
    /// <summary>Most points one grid axis may have.</summary>
    public const int MaxCount = 1000;

    /// <summary>Parses <paramref name="text"/>; on failure returns false with the message in <paramref name="error"/>.</summary>
    public static bool TryParse(string text, SweepDesignKind design, out SweepAxis? axis, out string error)
    {
        axis = null;
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string form = design == SweepDesignKind.Grid ? "key.path=low:high:count or key.path=v1,v2,..." : "key.path=low:high";
        if (equals <= 0 || equals == text.Length - 1)
        {
            error = $"--vary '{text}': expected {form}";
            return false;
        }
        string path = text[..equals].Trim();
        string values = text[(equals + 1)..].Trim();
        if (!ParameterCatalog.TryFind(path, out ParameterSpec spec))
        {
            string? suggestion = new CatalogIndex(ParameterCatalog.All).Suggest(path, []);
            error = $"--vary {path}: unknown parameter" + (suggestion is null ? " (not in the parameter catalog)" : $"; did you mean {suggestion}?");
            return false;
        }
        if (spec.Kind is not (ParameterKind.Number or ParameterKind.Integer or ParameterKind.Probability))
        {
            error = $"--vary {path}: a {spec.Kind.ToString().ToLowerInvariant()} parameter cannot be swept; only number, integer and probability parameters can";
            return false;
        }
        if (values.Contains(',', StringComparison.Ordinal))
        {
            if (design != SweepDesignKind.Grid)
            {
                error = $"--vary {path}={values}: a Latin hypercube needs a range, {form}; explicit lists are for --design grid";
                return false;
            }
            var list = ImmutableArray.CreateBuilder<double>();
            foreach (string item in values.Split(','))
            {
                if (!TryNumber(path, values, item, spec, out double v, out error)) return false;
                list.Add(v);
            }
            if (list.Count > MaxCount)
            {
                error = $"--vary {path}: {list.Count} values; at most {MaxCount} per parameter";
                return false;
            }
            axis = new SweepAxis { Path = path, Spec = spec, Low = 0, High = 0, ExplicitValues = list.ToImmutable() };
            var settled = axis.GridValues();
            axis = axis with { Low = settled.Min(), High = settled.Max() };
            if (axis.Low == axis.High)
            {
                error = $"--vary {path}={values}: the values must not all be equal (nothing would vary)";
                axis = null;
                return false;
            }
            error = "";
            return true;
        }
        string[] parts = values.Split(':');
        int expected = design == SweepDesignKind.Grid ? 3 : 2;
        if (parts.Length != expected)
        {
            error = design == SweepDesignKind.Grid
                ? $"--vary {path}={values}: a grid range is low:high:count (e.g. {path}=0.3:0.6:7), or list the values as v1,v2,..."
                : $"--vary {path}={values}: a Latin hypercube range is low:high (the number of points is --samples)";
            return false;
        }
        if (!TryNumber(path, values, parts[0], spec, out double low, out error)) return false;
        if (!TryNumber(path, values, parts[1], spec, out double high, out error)) return false;
        if (spec.Kind == ParameterKind.Integer)
        {
            // The tornado's low and high runs use the ends as given, so they are rounded like every other value of the axis.
            low = Math.Round(low, MidpointRounding.AwayFromZero);
            high = Math.Round(high, MidpointRounding.AwayFromZero);
        }
        if (!(low < high))
        {
            error = $"--vary {path}={values}: low ({Text(low)}) must be less than high ({Text(high)})" + (spec.Kind == ParameterKind.Integer ? " after rounding to whole numbers" : "");
            return false;
        }
        int count = 0;
        if (design == SweepDesignKind.Grid)
        {
            if (!int.TryParse(parts[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 2 || count > MaxCount)
            {
                error = $"--vary {path}={values}: count '{parts[2].Trim()}' must be a whole number from 2 to {MaxCount} (points across the range, ends included)";
                return false;
            }
        }
        axis = new SweepAxis { Path = path, Spec = spec, Low = low, High = high, Count = count };
        error = "";
        return true;
    }

    private static bool TryNumber(string path, string values, string item, ParameterSpec spec, out double value, out string error)
    {
        string s = item.Trim();
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            error = $"--vary {path}={values}: '{s}' is not a number (use '.' as the decimal point)";
            return false;
        }
        if (value < spec.Min || value > spec.Max)
        {
            error = $"--vary {path}={values}: {Text(value)} is outside the allowed range [{Text(spec.Min)}, {Text(spec.Max)}] of {path} ({spec.Unit})";
            return false;
        }
        error = "";
        return true;
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
