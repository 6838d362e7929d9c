using ScottPlot;

namespace Simulation.Cli.Plotting;

/// <summary>Shared size, fonts and colours of every chart, so the report looks like one document.</summary>
public static partial class ChartStyle
{
    /// <summary>Width of every chart in pixels.</summary>
    public const int WidthPixels = 1200;
    /// <summary>Height of every chart in pixels.</summary>
    public const int HeightPixels = 700;

    private static readonly Color[] Palette =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"), Color.FromHex("#9467bd"),
        Color.FromHex("#ff7f0e"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#17becf"),
    ];

    /// <summary>Colour of the i-th variant (0 is the baseline).</summary>
    public static Color VariantColor(int index) => Palette[index % Palette.Length];

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
    public static RenderedChart Save(Plot plt, string directory, string id, string title, string caption)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, id + ".png");
        string svg = Path.Combine(directory, id + ".svg");
        plt.SavePng(png, WidthPixels, HeightPixels);
        plt.SaveSvg(svg, WidthPixels, HeightPixels);
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
