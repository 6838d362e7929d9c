using System.Globalization;

namespace Simulation.Cli.Plotting;

/// <summary>Invariant, compact number formatting shared by the charts and the report.</summary>
public static class ValueFormat
{
    /// <summary>About three significant digits, thousands separated, "n/a" for NaN.</summary>
    public static string Number(double v)
    {
        if (double.IsNaN(v)) { return "n/a"; }
        if (double.IsInfinity(v)) { return v > 0 ? "inf" : "-inf"; }
        double a = Math.Abs(v);
        string s = a >= 100 ? v.ToString("#,0", CultureInfo.InvariantCulture)
            : a >= 10 ? v.ToString("0.0", CultureInfo.InvariantCulture)
            : a >= 1 ? v.ToString("0.00", CultureInfo.InvariantCulture)
            : a == 0 ? "0"
            : v.ToString("0.###", CultureInfo.InvariantCulture);
        return s == "-0" || s == "-0.0" || s == "-0.00" ? s[1..] : s;
    }

    /// <summary>Like <see cref="Number"/> with an explicit sign, for differences.</summary>
    public static string Signed(double v)
    {
        string s = Number(v);
        return v > 0 && s != "0" && !s.StartsWith('+') ? "+" + s : s;
    }

    /// <summary>"value [low, high]".</summary>
    public static string WithInterval(double value, double low, double high, bool signed = false) =>
        signed ? $"{Signed(value)} [{Signed(low)}, {Signed(high)}]" : $"{Number(value)} [{Number(low)}, {Number(high)}]";
}
