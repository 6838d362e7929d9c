namespace Simulation.Cli.Plotting;

/// <summary>
/// Registers the bundled DejaVu Sans faces with ScottPlot so that text renders the same on every machine, including one
/// without system fonts (where ScottPlot would silently draw no text at all).
/// </summary>
public static class ChartFonts
{
    /// <summary>Font family used by every chart.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>Registers the regular and bold faces once per process; both are needed because titles and axis labels are bold.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }
            string assets = Path.Combine(AppContext.BaseDirectory, "Assets");
            string regular = Path.Combine(assets, "DejaVuSans.ttf");
            string bold = Path.Combine(assets, "DejaVuSans-Bold.ttf");
            if (File.Exists(regular) && File.Exists(bold))
            {
                ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
                ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
            }
            // Set even without the bundled files: auto-detection would otherwise pick a serif face.
            ScottPlot.Fonts.Default = Family;
            _registered = true;
        }
    }
}
