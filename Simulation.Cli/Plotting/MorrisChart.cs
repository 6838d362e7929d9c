using ScottPlot;
using Simulation.Core.Sensitivity;

namespace Simulation.Cli.Plotting;

/// <summary>Morris screening of one metric: each parameter as a labelled point at (μ*, σ).</summary>
public static class MorrisChart
{
    // Okabe–Ito vermillion for the parameters, black for the reference line.
    private static readonly Color PointColor = Color.FromHex("#D55E00");

    /// <summary>Draws the chart.</summary>
    public static RenderedChart Render(string metric, IReadOnlyList<string> parameters, IReadOnlyList<MorrisEffect> effects, int trajectories, long replications, string? compare, string directory)
    {
        double scale = MetricLabels.DisplayScale(metric);
        string subject = compare is null ? MetricLabels.Name(metric) : $"{MetricLabels.Name(metric)}, {compare} − baseline";
        string unit = MetricLabels.Unit(metric);
        string title = $"{subject}: Morris elementary effects";
        var plt = ChartStyle.NewPlot(title, $"μ*, mean absolute effect ({unit} per whole range)", $"σ, spread of the effects ({unit})");
        double maxX = 0, maxY = 0;
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i < parameters.Count; i++)
        {
            double x = effects[i].MuStar * scale, y = effects[i].Sigma * scale;
            if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
            xs.Add(x);
            ys.Add(y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }
        double span = Math.Max(Math.Max(maxX, maxY), 1e-9);
        // σ = μ*: above the line a parameter's effect depends strongly on where the others are (interactions or curvature).
        var reference = plt.Add.Line(0, 0, span * 1.15, span * 1.15);
        reference.Color = Colors.Black;
        reference.LinePattern = LinePattern.Dashed;
        reference.LineWidth = 1;
        reference.LegendText = "σ = μ*";
        var points = plt.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), PointColor);
        points.MarkerSize = 12;
        points.LegendText = "parameter";
        for (int i = 0; i < parameters.Count; i++)
        {
            double x = effects[i].MuStar * scale, y = effects[i].Sigma * scale;
            if (!double.IsFinite(x) || !double.IsFinite(y)) continue;
            var label = plt.Add.Text(parameters[i], x + span * 0.015, y);
            label.LabelStyle.FontSize = 13;
            label.LabelStyle.Alignment = Alignment.MiddleLeft;
        }
        // Room on the right for the longest label.
        plt.Axes.SetLimitsX(-Math.Max(maxX, 1e-9) * 0.03, Math.Max(maxX, 1e-9) * 1.6);
        plt.Axes.SetLimitsY(-Math.Max(maxY, 1e-9) * 0.05, Math.Max(maxY, 1e-9) * 1.2);
        ChartStyle.LegendBelow(plt);
        string caption = $"Each parameter at its mean absolute elementary effect μ* (importance) and the standard deviation σ of its effects (interactions or non-linearity), " +
            $"both in {unit} per move across the whole --vary range; {trajectories} trajectories, each point the mean of {replications} replications. Source: sensitivity.csv.";
        return ChartStyle.Save(plt, directory, $"sensitivity_{metric}", title, caption);
    }
}
