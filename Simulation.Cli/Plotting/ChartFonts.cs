namespace Simulation.Cli.Plotting;

/// <summary>
/// Registers the bundled DejaVu Sans faces with ScottPlot so that text renders the same on every machine, including one
/// without system fonts (where ScottPlot would silently draw no text at all).
/// </summary>
public static class ChartFonts
{
    /// <summary>Font family used by every chart.</summary>
    public const string Family = "DejaVu Sans";

    // ScottPlot's font registry is process-wide; Lazy makes the one registration thread-safe
    // without a mutable flag of our own.
    private static readonly Lazy<bool> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the regular and bold faces once per process; both are needed because titles and axis labels are bold.</summary>
    public static void EnsureRegistered() => _ = Registration.Value;

    private static bool Register()
    {
        string assets = Path.Combine(AppContext.BaseDirectory, "Assets");
        string regular = Path.Combine(assets, "DejaVuSans.ttf");
        string bold = Path.Combine(assets, "DejaVuSans-Bold.ttf");
        bool bundled = File.Exists(regular) && File.Exists(bold);
        if (bundled)
        {
            ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        }
        // Set even without the bundled files: auto-detection would otherwise pick a serif face.
        ScottPlot.Fonts.Default = Family;
        return bundled;
    }
}
