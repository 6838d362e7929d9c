using ScottPlot;

namespace Simulation.Cli.Plotting;

/// <summary>Shared size, fonts and colours of every chart, so the report looks like one document.</summary>
public static partial class ChartStyle
{
    /// <summary>Width of every chart in pixels.</summary>
    public const int WidthPixels = 1200;
    /// <summary>Height of every chart in pixels.</summary>
    public const int HeightPixels = 700;

    /// <summary>
    /// Okabe–Ito, safe for the common colour-vision deficiencies; black for the reference. Yellow comes last: on white
    /// it is the weakest. A variant keeps its colour in every chart because the index is its place in summary.json.
    /// </summary>
    private static readonly Color[] Palette =
    [
        Color.FromHex("#000000"), Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#009E73"),
        Color.FromHex("#D55E00"), Color.FromHex("#0072B2"), Color.FromHex("#CC79A7"), Color.FromHex("#F0E442"),
    ];

    /// <summary>Colour of the i-th variant (0 is the reference).</summary>
    public static Color VariantColor(int index) => Palette[index % Palette.Length];

    /// <summary>Line pattern of the i-th variant: solid for the first eight, then dashed, so a ninth variant is not the reference's twin.</summary>
    public static LinePattern VariantPattern(int index) => index < Palette.Length ? LinePattern.Solid : LinePattern.Dashed;

    /// <summary>A new plot with the house fonts, title and axis labels.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        ChartFonts.EnsureRegistered();
        var plt = new Plot();
        plt.Title(title, 20);
        plt.XLabel(xLabel, 16);
        plt.YLabel(yLabel, 16);
        plt.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plt.Axes.Left.TickLabelStyle.FontSize = 14;
        plt.Axes.Right.TickLabelStyle.FontSize = 14;
        return plt;
    }

    /// <summary>Shows the legend below the data area so it never hides data.</summary>
    public static void LegendBelow(Plot plt)
    {
        plt.ShowLegend(Edge.Bottom);
        plt.Legend.FontSize = 14;
    }

    /// <summary>Saves the plot as PNG and SVG in <paramref name="directory"/> and describes it.</summary>
    public static RenderedChart Save(Plot plt, string directory, string id, string title, string caption, int height = HeightPixels)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, id + ".png");
        string svg = Path.Combine(directory, id + ".svg");
        plt.SavePng(png, WidthPixels, height);
        plt.SaveSvg(svg, WidthPixels, height);
        NumberClipPathsFromOne(svg);
        return new RenderedChart(id, title, caption, png, svg);
    }

    /// <summary>
    /// The SVG backend numbers clip paths (in hex) with a process-wide counter, so the same chart drawn later in a process gets
    /// other ids. Renumbering them in order of appearance makes the file depend on the chart alone.
    /// </summary>
    private static void NumberClipPathsFromOne(string svgPath)
    {
        string text = File.ReadAllText(svgPath);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string renumbered = ClipPathId().Replace(text, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                id = "cl_" + (ids.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids.Add(m.Value, id);
            }
            return id;
        });
        File.WriteAllText(svgPath, renumbered, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-fA-F]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipPathId();

    /// <summary>Date ticks on the bottom axis with an invariant "1 Jul 2024" style, whatever the machine's culture.</summary>
    /// <remarks>Short labels ("1 Jul") keep the last tick inside the image; the year goes in the axis label when the
    /// horizon stays within one year.</remarks>
    public static void DateAxis(Plot plt, IEnumerable<DateOnly> dates)
    {
        var all = dates.ToList();
        bool oneYear = all.Count > 0 && all.Min().Year == all.Max().Year;
        var axis = plt.Axes.DateTimeTicksBottom();
        if (axis.TickGenerator is ScottPlot.TickGenerators.DateTimeAutomatic auto)
        {
            string format = oneYear ? "d MMM" : "d MMM yy";
            auto.LabelFormatter = d => d.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        }
        axis.TickLabelStyle.FontSize = 14;
        plt.XLabel(oneYear ? $"Date ({all[0].Year.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "Date", 16);
    }

    /// <summary>X coordinate of a daily row: an OLE date when dates are known, else the day index.</summary>
    public static double X(Reporting.DailyQuantiles row, bool dates) => dates ? row.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : row.Day;

    /// <summary>X coordinate of a date.</summary>
    public static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>
    /// Labels placed at the right end of their lines instead of a legend, nudged apart vertically so none overlap;
    /// <paramref name="ends"/> holds each label's y, text and colour.
    /// </summary>
    public static void DirectLabels(Plot plt, double x, IReadOnlyList<(double Y, string Text, Color Color)> ends, double minimumGap)
    {
        var ordered = ends.Select((e, i) => (e.Y, e.Text, e.Color, i)).OrderBy(e => e.Y).ToList();
        var placed = new double[ordered.Count];
        for (int k = 0; k < ordered.Count; k++)
        {
            placed[k] = k == 0 ? ordered[k].Y : Math.Max(ordered[k].Y, placed[k - 1] + minimumGap);
        }
        for (int k = 0; k < ordered.Count; k++)
        {
            var t = plt.Add.Text(ordered[k].Text, x, placed[k]);
            t.LabelFontColor = Readable(ordered[k].Color);
            t.LabelFontSize = 13;
            t.LabelBold = true;
            t.LabelAlignment = Alignment.MiddleLeft;
            t.OffsetX = 6;
        }
    }

    /// <summary>A colour dark enough for text on white: light palette colours (yellow, sky blue) are darkened, others kept.</summary>
    public static Color Readable(Color c)
    {
        double luminance = (0.299 * c.R + 0.587 * c.G + 0.114 * c.B) / 255;
        if (luminance < 0.55) return c;
        double k = 0.55 / luminance;
        return new Color((byte)(c.R * k), (byte)(c.G * k), (byte)(c.B * k));
    }

    /// <summary>
    /// Month ticks ("1 Jul") from <paramref name="first"/> to <paramref name="last"/> on a numeric bottom axis holding OLE dates,
    /// so that room added right of the data for labels shows no dates beyond the horizon.
    /// </summary>
    public static void MonthTicks(Plot plt, DateOnly first, DateOnly last)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        bool oneYear = first.Year == last.Year;
        int months = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        int step = months > 24 ? 3 : 1;
        for (var d = new DateOnly(first.Year, first.Month, 1); d <= last; d = d.AddMonths(step))
        {
            if (d < first) continue;
            ticks.AddMajor(X(d), d.ToString(oneYear ? "d MMM" : "MMM yy", System.Globalization.CultureInfo.InvariantCulture));
        }
        plt.Axes.Bottom.TickGenerator = ticks;
        plt.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plt.XLabel(oneYear ? $"Date ({first.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : "Date", 16);
    }

    /// <summary>Category ticks: one labelled tick per position.</summary>
    public static ScottPlot.TickGenerators.NumericManual CategoryTicks(IReadOnlyList<string> labels, Func<int, double> position)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(position(i), labels[i]);
        }
        return ticks;
    }
}
