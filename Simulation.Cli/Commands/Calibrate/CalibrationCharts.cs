using ScottPlot;
using Simulation.Cli.Plotting;
using Simulation.Core.Calibration;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>
/// The three calibration charts: implausibility per target, the plausible region in pairs of
/// parameters, and observed against simulated per target. Okabe–Ito colours: plausible sets blue,
/// non-implausible but not confirmed orange, implausible grey.
/// </summary>
internal static class CalibrationCharts
{
    /// <summary>Chart folder inside the output directory.</summary>
    public const string Folder = "plots";
    /// <summary>Most parameters in the pairs chart.</summary>
    public const int MaxPairParameters = 6;

    private static readonly Color Plausible = Color.FromHex("#0072B2");
    private static readonly Color NotConfirmed = Color.FromHex("#E69F00");
    private static readonly Color Implausible = Color.FromHex("#999999");

    /// <summary>Draws every chart that has data.</summary>
    public static IReadOnlyList<RenderedChart> RenderAll(string directory, CalibrationSpec spec, CalibrationWaves.Outcome outcome)
    {
        string folder = Path.Combine(directory, Folder);
        var charts = new List<RenderedChart>();
        if (outcome.Points.Count == 0) return charts;
        charts.Add(ImplausibilityChart(folder, spec, outcome.Points));
        if (spec.Parameters.Length >= 2) charts.Add(PairsChart(folder, spec, outcome.Points));
        charts.Add(TargetsChart(folder, spec, outcome.Points));
        return charts;
    }

    /// <summary>A fixed jitter in [−0.5, 0.5) from the point's place (golden-ratio sequence), so the chart is the same every time.</summary>
    private static double Jitter(int i) => (i * 0.6180339887498949) % 1.0 - 0.5;

    private static Color ColourOf(CalibrationPoint p) => p.Confirmed ? Plausible : p.NonImplausible ? NotConfirmed : Implausible;

    private static void Group(Plot plt, List<double> xs, List<double> ys, Color colour, float size, string legend)
    {
        if (xs.Count == 0) return;
        var s = plt.Add.Scatter(xs.ToArray(), ys.ToArray(), colour);
        s.LineWidth = 0;
        s.MarkerSize = size;
        s.LegendText = legend;
    }

    private static RenderedChart ImplausibilityChart(string folder, CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points)
    {
        double cutoff = spec.Design.Cutoff;
        double top = 4 * cutoff;
        const string title = "Implausibility of every point run, per target";
        var plt = ChartStyle.NewPlot(title, "Target", $"Implausibility I (values above {CalibrationResults.G(top)} drawn at the top)");
        var groups = new (List<double> X, List<double> Y)[3];
        for (int g = 0; g < 3; g++) groups[g] = ([], []);
        for (int t = 0; t < spec.Targets.Length; t++)
        {
            for (int i = 0; i < points.Count; i++)
            {
                CalibrationPoint p = points[i];
                int g = p.Confirmed ? 0 : p.NonImplausible ? 1 : 2;
                double v = p.Implausibilities[t];
                groups[g].X.Add(t + 0.7 * Jitter(i));
                groups[g].Y.Add(double.IsFinite(v) ? Math.Min(v, top) : top);
            }
        }
        Group(plt, groups[2].X, groups[2].Y, Implausible.WithAlpha(0.5), 3, "implausible");
        Group(plt, groups[1].X, groups[1].Y, NotConfirmed, 4, "non-implausible, not confirmed");
        Group(plt, groups[0].X, groups[0].Y, Plausible, 4, "plausible (confirmed)");
        plt.Add.HorizontalLine(cutoff, 2, Colors.Black, LinePattern.Dashed);
        TargetTicks(plt, spec);
        plt.Axes.SetLimits(-0.6, spec.Targets.Length - 0.4, 0, top * 1.03);
        ChartStyle.LegendBelow(plt);
        string caption = $"Each dot is one point of one wave: its implausibility for the target at the wave's replications. The dashed line is the cut-off {CalibrationResults.G(cutoff)}; " +
            $"a point is non-implausible when its {(spec.Design.Rule == ImplausibilityRule.Maximum ? "largest" : "second-largest")} implausibility is at most the cut-off. Source: waves.csv.";
        return ChartStyle.Save(plt, folder, "calibration_implausibility", title, caption, height: 800);
    }

    /// <summary>Target names under the x axis, slanted so that eighteen of them stay legible.</summary>
    private static void TargetTicks(Plot plt, CalibrationSpec spec)
    {
        plt.Axes.Bottom.TickGenerator = ChartStyle.CategoryTicks(spec.Targets.Select(t => t.Name).ToList(), i => i);
        plt.Axes.Bottom.TickLabelStyle.Rotation = -40;
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plt.Axes.Bottom.TickLabelStyle.FontSize = 12;
        plt.Axes.Bottom.MinimumSize = 150;
    }

    private static RenderedChart PairsChart(string folder, CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points)
    {
        var ranges = CalibrationOutputs.Ranges(spec, points);
        int[] chosen = Enumerable.Range(0, spec.Parameters.Length)
            .OrderBy(d => double.IsFinite(ranges[d].P95) ? (ranges[d].P95 - ranges[d].P05) / (spec.Parameters[d].High - spec.Parameters[d].Low) : double.PositiveInfinity)
            .ThenBy(d => d)
            .Take(MaxPairParameters)
            .ToArray();
        int k = chosen.Length;
        const double Gap = 0.12;
        const string title = "Where the plausible sets lie: pairs of parameters";
        var plt = ChartStyle.NewPlot(title, "", "");
        var groups = new (List<double> X, List<double> Y)[3];
        for (int g = 0; g < 3; g++) groups[g] = ([], []);
        double Norm(int d, double v) => (v - spec.Parameters[d].Low) / (spec.Parameters[d].High - spec.Parameters[d].Low);
        for (int row = 0; row < k; row++)
        {
            for (int col = 0; col < k; col++)
            {
                double left = col * (1 + Gap), bottom = (k - 1 - row) * (1 + Gap);
                var frame = plt.Add.Rectangle(left, left + 1, bottom, bottom + 1);
                frame.FillColor = Colors.Transparent;
                frame.LineColor = Colors.Gray;
                frame.LineWidth = 1;
                if (row == col)
                {
                    CalibrationParameter p = spec.Parameters[chosen[row]];
                    string name = p.Key.Replace(".", ".\n", StringComparison.Ordinal);
                    var label = plt.Add.Text($"{name}\n{CalibrationResults.G(p.Low)} to {CalibrationResults.G(p.High)}", left + 0.5, bottom + 0.5);
                    label.LabelFontSize = k > 4 ? 10 : 13;
                    label.LabelAlignment = Alignment.MiddleCenter;
                    continue;
                }
                foreach (CalibrationPoint point in points.OrderBy(p => p.Confirmed ? 2 : p.NonImplausible ? 1 : 0))
                {
                    int g = point.Confirmed ? 0 : point.NonImplausible ? 1 : 2;
                    groups[g].X.Add(left + Norm(chosen[col], point.Values[chosen[col]]));
                    groups[g].Y.Add(bottom + Norm(chosen[row], point.Values[chosen[row]]));
                }
            }
        }
        Group(plt, groups[2].X, groups[2].Y, Implausible.WithAlpha(0.35), 2, "implausible");
        Group(plt, groups[1].X, groups[1].Y, NotConfirmed, 3, "non-implausible, not confirmed");
        Group(plt, groups[0].X, groups[0].Y, Plausible, 3, "plausible (confirmed)");
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plt.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual();
        plt.HideGrid();
        double extent = k * (1 + Gap) - Gap;
        plt.Axes.SetLimits(-0.03, extent + 0.03, -0.03, extent + 0.03);
        ChartStyle.LegendBelow(plt);
        string caption = $"The {k} parameter(s) whose plausible 5-95% range shrank most, each scaled to its prior range (name and prior range on the diagonal). " +
            "Cell (row, column) plots the column's parameter across and the row's up. Source: waves.csv.";
        return ChartStyle.Save(plt, folder, "calibration_pairs", title, caption, height: ChartStyle.WidthPixels);
    }

    private static RenderedChart TargetsChart(string folder, CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points)
    {
        double cutoff = spec.Design.Cutoff;
        const string title = "Observed against simulated, per target";
        var plt = ChartStyle.NewPlot(title, "Target", "(simulated mean - observed) / sqrt(obs sd^2 + discrepancy sd^2)");
        var xs = new List<double>();
        var ys = new List<double>();
        double extreme = cutoff;
        for (int t = 0; t < spec.Targets.Length; t++)
        {
            CalibrationTarget target = spec.Targets[t];
            double scale = Math.Sqrt(target.ObservationSd * target.ObservationSd + target.DiscrepancySd * target.DiscrepancySd);
            var band = plt.Add.Rectangle(t - 0.38, t + 0.38, -cutoff, cutoff);
            band.FillColor = Color.FromHex("#009E73").WithAlpha(0.15);
            band.LineWidth = 0;
            (double min, double max) = CalibrationOutputs.SimulatedRange(points, t);
            if (!double.IsFinite(min)) continue;
            double lo = (min - target.Observed) / scale, hi = (max - target.Observed) / scale;
            var range = plt.Add.Line(t, lo, t, hi);
            range.LineColor = Plausible;
            range.LineWidth = 4;
            int i = 0;
            foreach (CalibrationPoint p in points)
            {
                if (!p.Confirmed) continue;
                double z = (p.ConfirmationMeans[t] - target.Observed) / scale;
                xs.Add(t + 0.5 * Jitter(i++));
                ys.Add(z);
                extreme = Math.Max(extreme, Math.Abs(z));
            }
        }
        Group(plt, xs, ys, Plausible.WithAlpha(0.5), 4, "plausible sets (confirmation means)");
        plt.Add.HorizontalLine(0, 1.5f, Colors.Black, LinePattern.Solid);
        TargetTicks(plt, spec);
        plt.Axes.SetLimits(-0.6, spec.Targets.Length - 0.4, -extreme * 1.1, extreme * 1.1);
        ChartStyle.LegendBelow(plt);
        string caption = $"Green: the observed value ± {CalibrationResults.G(cutoff)} standard deviations of observation error and model discrepancy combined (0 is the observed value). " +
            "Blue line: the range of the plausible sets' simulated means (confirmation replications); dots: each set. Source: waves.csv and calibration.json.";
        return ChartStyle.Save(plt, folder, "calibration_targets", title, caption, height: 800);
    }
}
