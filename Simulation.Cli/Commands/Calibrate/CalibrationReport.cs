using System.Globalization;
using Simulation.Cli.Plotting;
using Simulation.Cli.Reporting;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Reporting;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>report.html of a calibration: method, counts per wave, share ruled out, parameters, targets and charts.</summary>
internal static class CalibrationReport
{
    /// <summary>The page (charts embedded).</summary>
    public static string Html(string directory, CalibrationSpec spec, CalibrationSettings settings, CalibrationWaves.Outcome outcome, IReadOnlyList<RenderedChart> charts)
    {
        static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        string G(double v) => CalibrationResults.G(v);
        var points = outcome.Points;
        int plausible = points.Count(p => p.Confirmed);
        string rule = spec.Design.Rule == ImplausibilityRule.Maximum ? "the largest" : "the second-largest";
        var blocks = new List<ReportBlock>
        {
            new HeadingBlock(1, $"Calibration: {spec.Name}"),
            new BoxBlock("headline", "Result", [
                $"{I(plausible)} plausible parameter set(s) from {I(points.Count)} point(s) in {I(outcome.Waves.Count)} wave(s); stopped: {outcome.StoppingReason}.",
                $"Share of the prior box ruled out (implausible share of wave 1, which is uniform over the box): {CalibrationResults.Percent(CalibrationOutputs.ShareRuledOut(outcome.Waves))}.",
            ]),
            new ParagraphBlock(spec.Description),
            new HeadingBlock(2, "Method"),
            new ParagraphBlock(
                $"History matching in waves (docs/CALIBRATION.md). Every point runs the baseline of each year scenario with {I(settings.Replications)} replications, " +
                "with the same random numbers at every point (common random numbers). For each target, I = |observed − simulated mean| / √(observation sd² + discrepancy sd² + s²/n). " +
                $"A point is non-implausible when {rule} I is at most {G(spec.Design.Cutoff)}. Wave 1 is a {(spec.Design.Method == CalibrationDesignMethod.Sobol ? "Sobol" : "Latin hypercube")} design of " +
                $"{I(spec.Design.Wave1Points)} points over the prior box; each later wave draws {I(spec.Design.PointsPerWave)} points with a Gaussian kernel around the non-implausible points found so far " +
                $"(sd {G(CalibrationSampler.KernelShareOfPoolSd)} × their sd per parameter), inside the prior box. A non-implausible point enters the plausible set only when it passes again " +
                $"with {I(settings.ConfirmationReplications)} fresh replications, where the distance to the observed value is widened by {G(Implausibility.RobustStandardErrors)} standard errors of the simulated mean."),
            new ParagraphBlock($"Seed {InvariantFormat.Unsigned(settings.Seed)}; calibration file {spec.SourcePath.Replace('\\', '/')} (SHA-256 {spec.Sha256}); ChannelSim {ChannelSimVersion.Current}.", Emphasis: true),
            new HeadingBlock(2, "Waves"),
            new TableBlock(["wave", "points", "non-implausible", "ruled out", "confirmed", "sampled from"],
                outcome.Waves.Select(w => (IReadOnlyList<string>)[I(w.Wave), I(w.Points), I(w.NonImplausible), CalibrationResults.Percent(w.ShareRuledOut), I(w.Confirmed), w.SampledFrom]).ToList(),
                Numeric: true) { TextColumns = new HashSet<int> { 5 } },
            new HeadingBlock(2, "Parameters: prior against plausible range"),
        };
        var ranges = CalibrationOutputs.Ranges(spec, points);
        blocks.Add(new TableBlock(["parameter", "prior", "plausible min-max", "plausible 5-95%", "share of prior range"],
            spec.Parameters.Select((p, d) => (IReadOnlyList<string>)[p.Key, $"{G(p.Low)} to {G(p.High)}", $"{G(ranges[d].Min)} to {G(ranges[d].Max)}",
                $"{G(ranges[d].P05)} to {G(ranges[d].P95)}", CalibrationResults.Percent((ranges[d].Max - ranges[d].Min) / (p.High - p.Low))]).ToList(),
            FirstColumnCode: true, Numeric: true));
        blocks.Add(new HeadingBlock(2, "Targets"));
        blocks.Add(new TableBlock(["target", "scenario", "metric", "observed", "obs sd", "discrepancy sd", "plausible sets' simulated means", "source"],
            spec.Targets.Select((t, i) =>
            {
                (double min, double max) = CalibrationOutputs.SimulatedRange(points, i);
                return (IReadOnlyList<string>)[t.Name, t.Scenario, MetricNames.Of(t.Metric), G(t.Observed), G(t.ObservationSd), G(t.DiscrepancySd), $"{G(min)} to {G(max)}", t.Source];
            }).ToList(),
            FirstColumnCode: true, Numeric: true) { TextColumns = new HashSet<int> { 1, 2, 7 } });
        if (charts.Count > 0) blocks.Add(new HeadingBlock(2, "Charts"));
        foreach (RenderedChart chart in charts)
        {
            blocks.Add(new HeadingBlock(3, chart.Title));
            blocks.Add(new ImageBlock(chart.Title, Path.GetRelativePath(directory, chart.PngPath).Replace('\\', '/'), chart.PngPath, chart.Caption));
        }
        blocks.Add(new ParagraphBlock("Files: plausible.csv (the plausible sets, read by run --ensemble), waves.csv (every point run), calibration.json (this summary), manifest.json (provenance).", Emphasis: true));
        return HtmlRenderer.Render($"Calibration: {spec.Name}", blocks);
    }
}
