using System.Collections.Immutable;
using System.Globalization;
using Simulation.Cli.Plotting;
using Simulation.Core.Calibration;
using Simulation.Core.Reporting;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>Writing a finished calibration (shared by calibrate and merge, so both give the same bytes) and tidying its directory.</summary>
internal static class CalibrationResults
{
    /// <summary>Report file name.</summary>
    public const string ReportFile = "report.html";

    /// <summary>Writes the result files, the charts (unless <paramref name="plots"/> is false) and report.html; lists them.</summary>
    public static ImmutableArray<string> WriteAll(string directory, CalibrationSpec spec, CalibrationSettings settings, CalibrationWaves.Outcome outcome,
        bool plots, TextWriter error)
    {
        CalibrationOutputs.Write(directory, spec, settings, outcome);
        var outputs = ImmutableArray.CreateBuilder<string>();
        outputs.AddRange(CalibrationOutputs.FileNames);
        IReadOnlyList<RenderedChart> charts = plots ? CalibrationCharts.RenderAll(directory, spec, outcome) : [];
        foreach (RenderedChart chart in charts)
        {
            outputs.Add(Path.GetRelativePath(directory, chart.PngPath).Replace('\\', '/'));
            outputs.Add(Path.GetRelativePath(directory, chart.SvgPath).Replace('\\', '/'));
        }
        try
        {
            AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), CalibrationReport.Html(directory, spec, settings, outcome, charts));
            outputs.Add(ReportFile);
        }
#pragma warning disable CA1031 // Results are already on disk: a report failure is a warning, not a failed calibration.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"channelsim calibrate: warning: {ReportFile} could not be written ({e.GetType().Name}: {e.Message}); the results are kept.");
        }
        return outputs.ToImmutable();
    }

    /// <summary>Removes every file a calibration may have written (a fresh start or --force), so none can pass for the new run's.</summary>
    public static void Clean(string directory)
    {
        DeleteCheckpoint(directory);
        foreach (string name in CalibrationOutputs.FileNames.Append(CalibrationManifest.FileName).Append(CalibrationManifest.ShardPointsFile).Append(ReportFile))
        {
            File.Delete(Path.Combine(directory, name));
        }
        string plots = Path.Combine(directory, CalibrationCharts.Folder);
        if (Directory.Exists(plots))
        {
            foreach (string file in Directory.EnumerateFiles(plots, "calibration_*")) File.Delete(file);
        }
    }

    /// <summary>Removes the checkpoint once the results and the manifest are written.</summary>
    public static void DeleteCheckpoint(string directory)
    {
        string checkpointDirectory = Path.Combine(directory, "checkpoint");
        if (!Directory.Exists(checkpointDirectory)) return;
        File.Delete(CalibrationCheckpoint.PathIn(directory));
        if (Directory.Exists(checkpointDirectory) && !Directory.EnumerateFileSystemEntries(checkpointDirectory).Any()) Directory.Delete(checkpointDirectory);
    }

    /// <summary>The closing lines on stdout.</summary>
    public static void PrintSummary(TextWriter output, CalibrationSpec spec, CalibrationWaves.Outcome outcome, string directory, double seconds)
    {
        int plausible = outcome.Points.Count(p => p.Confirmed);
        double share = CalibrationOutputs.ShareRuledOut(outcome.Waves);
        output.WriteLine($"{plausible} plausible parameter set(s) from {outcome.Points.Count} point(s) in {outcome.Waves.Count} wave(s), " +
            $"{seconds.ToString("0.0", CultureInfo.InvariantCulture)} s; share of the prior box ruled out: {Percent(share)}; stopped: {outcome.StoppingReason}");
        ImmutableArray<PlausibleRange> ranges = CalibrationOutputs.Ranges(spec, outcome.Points);
        for (int d = 0; d < spec.Parameters.Length; d++)
        {
            CalibrationParameter p = spec.Parameters[d];
            PlausibleRange r = ranges[d];
            output.WriteLine($"  {p.Key}: prior {InvariantFormat.Number(p.Low)}-{InvariantFormat.Number(p.High)}, plausible {G(r.Min)}-{G(r.Max)} (5-95%: {G(r.P05)}-{G(r.P95)})");
        }
        output.WriteLine($"plausible sets in {Path.Combine(directory, CalibrationOutputs.PlausibleFile)}; every point in {CalibrationTable.WavesFile}; summary in {CalibrationOutputs.SummaryFile} and {ReportFile}");
    }

    /// <summary>A percentage with one decimal.</summary>
    public static string Percent(double share) => double.IsFinite(share) ? (100 * share).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";

    /// <summary>Four significant digits for tables.</summary>
    public static string G(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
