using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MathNet.Numerics.Statistics;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Reporting;

namespace Simulation.Core.Calibration;

/// <summary>Plausible range of one parameter (over the plausible sets).</summary>
public sealed record PlausibleRange(double Min, double Max, double P05, double P95);

/// <summary>
/// The result files of a calibration that depend only on the file, the settings and the points:
/// waves.csv, plausible.csv and calibration.json. They never record the thread count, the time or the
/// command line (manifest.json does), so a resumed, sharded-then-merged or differently threaded run
/// writes the same bytes.
/// </summary>
public static class CalibrationOutputs
{
    /// <summary>The plausible sets.</summary>
    public const string PlausibleFile = "plausible.csv";
    /// <summary>The summary.</summary>
    public const string SummaryFile = "calibration.json";
    /// <summary>Files written by <see cref="Write"/>.</summary>
    public static readonly ImmutableArray<string> FileNames = [CalibrationTable.WavesFile, PlausibleFile, SummaryFile];

    /// <summary>Text name of a rule as written in the calibration file.</summary>
    public static string RuleName(ImplausibilityRule rule) => rule == ImplausibilityRule.Maximum ? "max" : "second_max";

    /// <summary>Text name of a design method as written in the calibration file.</summary>
    public static string MethodName(CalibrationDesignMethod method) => method == CalibrationDesignMethod.Sobol ? "sobol" : "latin_hypercube";

    /// <summary>
    /// What determines the points' rows: the file and year scenarios (hash), the seed, both replication
    /// counts and the code version. Checkpoints, shards and --from directories must match it.
    /// </summary>
    public static string Identity(CalibrationSpec spec, CalibrationSettings settings)
    {
        string text = "calibration\n" + spec.Sha256 + "\nseed=" + InvariantFormat.Unsigned(settings.Seed) +
            "\nreplications=" + InvariantFormat.Integer(settings.Replications) +
            "\nconfirmation_replications=" + InvariantFormat.Integer(settings.ConfirmationReplications) +
            "\nversion=" + ChannelSimVersion.Current + "\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Plausible range of every parameter (NaN when the plausible set is empty); quantiles by MathNet (R type 8).</summary>
    public static ImmutableArray<PlausibleRange> Ranges(CalibrationSpec spec, IReadOnlyList<CalibrationPoint> points)
    {
        var ranges = ImmutableArray.CreateBuilder<PlausibleRange>();
        for (int d = 0; d < spec.Parameters.Length; d++)
        {
            double[] values = points.Where(p => p.Confirmed).Select(p => p.Values[d]).ToArray();
            if (values.Length == 0)
            {
                ranges.Add(new PlausibleRange(double.NaN, double.NaN, double.NaN, double.NaN));
                continue;
            }
            Array.Sort(values);
            ranges.Add(new PlausibleRange(values[0], values[^1], SortedArrayStatistics.Quantile(values, 0.05), SortedArrayStatistics.Quantile(values, 0.95)));
        }
        return ranges.ToImmutable();
    }

    /// <summary>Smallest and largest confirmation mean of a target over the plausible sets (NaN when empty).</summary>
    public static (double Min, double Max) SimulatedRange(IReadOnlyList<CalibrationPoint> points, int target)
    {
        double min = double.NaN, max = double.NaN;
        foreach (CalibrationPoint p in points)
        {
            if (!p.Confirmed) continue;
            double v = p.ConfirmationMeans[target];
            if (double.IsNaN(min) || v < min) min = v;
            if (double.IsNaN(max) || v > max) max = v;
        }
        return (min, max);
    }

    /// <summary>Share of the prior box ruled out: the implausible share of wave 1, which is uniform over the box.</summary>
    public static double ShareRuledOut(IReadOnlyList<CalibrationWaveSummary> waves) => waves.Count == 0 ? double.NaN : waves[0].ShareRuledOut;

    /// <summary>Writes waves.csv, plausible.csv and calibration.json atomically.</summary>
    public static void Write(string directory, CalibrationSpec spec, CalibrationSettings settings, CalibrationWaves.Outcome outcome)
    {
        Directory.CreateDirectory(directory);
        CalibrationTable.Write(Path.Combine(directory, CalibrationTable.WavesFile), spec, outcome.Points);
        CalibrationTable.WritePlausible(Path.Combine(directory, PlausibleFile), spec, outcome.Points);
        AtomicFile.Write(Path.Combine(directory, SummaryFile), stream => WriteSummary(stream, spec, settings, outcome));
    }

    private static void WriteSummary(Stream stream, CalibrationSpec spec, CalibrationSettings settings, CalibrationWaves.Outcome outcome)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        List<CalibrationPoint> points = outcome.Points;
        json.WriteStartObject();
        json.WriteString("name", spec.Name);
        json.WriteString("calibration_file", spec.SourcePath.Replace('\\', '/'));
        json.WriteString("calibration_sha256", spec.Sha256);
        json.WriteString("version", ChannelSimVersion.Current);
        json.WriteString("seed", InvariantFormat.Unsigned(settings.Seed));
        json.WriteString("method", MethodName(spec.Design.Method));
        json.WriteNumber("wave1_points", spec.Design.Wave1Points);
        json.WriteNumber("points_per_wave", spec.Design.PointsPerWave);
        json.WriteNumber("max_waves", settings.MaxWaves);
        json.WriteNumber("target_plausible", spec.Design.TargetPlausible);
        json.WriteNumber("replications", settings.Replications);
        json.WriteNumber("confirmation_replications", settings.ConfirmationReplications);
        json.WriteString("rule", RuleName(spec.Design.Rule));
        Number(json, "cutoff", spec.Design.Cutoff);
        Number(json, "robust_standard_errors", Implausibility.RobustStandardErrors);
        json.WriteNumber("plausible_sets", points.Count(p => p.Confirmed));
        json.WriteNumber("points_run", points.Count);
        Number(json, "share_of_space_ruled_out", ShareRuledOut(outcome.Waves));
        json.WriteString("stopping_reason", outcome.StoppingReason ?? "interrupted");

        json.WriteStartArray("targets");
        for (int t = 0; t < spec.Targets.Length; t++)
        {
            CalibrationTarget target = spec.Targets[t];
            (double min, double max) = SimulatedRange(points, t);
            json.WriteStartObject();
            json.WriteString("name", target.Name);
            json.WriteString("scenario", target.Scenario);
            json.WriteString("metric", MetricNames.Of(target.Metric));
            json.WriteNumber("year", target.Year);
            Number(json, "observed", target.Observed);
            Number(json, "observation_sd", target.ObservationSd);
            Number(json, "discrepancy_sd", target.DiscrepancySd);
            json.WriteString("source", target.Source);
            Number(json, "plausible_simulated_min", min);
            Number(json, "plausible_simulated_max", max);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        ImmutableArray<PlausibleRange> ranges = Ranges(spec, points);
        json.WriteStartArray("parameters");
        for (int d = 0; d < spec.Parameters.Length; d++)
        {
            CalibrationParameter p = spec.Parameters[d];
            PlausibleRange r = ranges[d];
            json.WriteStartObject();
            json.WriteString("key", p.Key);
            Number(json, "low", p.Low);
            Number(json, "high", p.High);
            json.WriteBoolean("integer", p.IsInteger);
            Number(json, "plausible_min", r.Min);
            Number(json, "plausible_max", r.Max);
            Number(json, "plausible_p05", r.P05);
            Number(json, "plausible_p95", r.P95);
            Number(json, "plausible_share_of_prior_range", (r.Max - r.Min) / (p.High - p.Low));
            json.WriteString("reason", p.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("waves");
        foreach (CalibrationWaveSummary w in outcome.Waves)
        {
            json.WriteStartObject();
            json.WriteNumber("wave", w.Wave);
            json.WriteNumber("points", w.Points);
            json.WriteNumber("non_implausible", w.NonImplausible);
            json.WriteNumber("confirmed", w.Confirmed);
            Number(json, "share_ruled_out", w.ShareRuledOut);
            json.WriteString("sampled_from", w.SampledFrom);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>A number in round-trip form, or null when it is not finite (JSON has no NaN).</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
