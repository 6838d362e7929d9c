using System.Collections.Immutable;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Core.Reporting;

/// <summary>
/// Writes the files of a sweep (sweep_points.csv, sweep.csv, sensitivity.csv, manifest.json):
/// culture-invariant, UTF-8 without BOM, "\n" line endings, atomically. Every CSV starts with its
/// header row (plain data for any CSV reader); provenance is in manifest.json.
/// </summary>
public static class SweepWriter
{
    /// <summary>Result files, in the order they are written (manifest.json comes last).</summary>
    public static readonly IReadOnlyList<string> FileNames = ["sweep_points.csv", "sweep.csv", "sensitivity.csv"];

    /// <summary>Writes the result files (not the manifest) into <paramref name="directory"/>.</summary>
    public static void WriteResults(string directory, SweepResults results, SweepProvenance provenance)
    {
        AtomicFile.WriteText(Path.Combine(directory, "sweep_points.csv"), w => WritePointsCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "sweep.csv"), w => WriteTornadoCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "sensitivity.csv"), w => WriteSensitivityCsv(w, results));
    }

    /// <summary>Writes manifest.json last, listing <paramref name="outputs"/> (paths relative to the directory).</summary>
    public static void WriteManifest(string directory, SweepResults results, SweepProvenance provenance, ImmutableArray<string> outputs) =>
        AtomicFile.Write(Path.Combine(directory, "manifest.json"), s => WriteManifest(s, results, provenance, outputs));

    /// <summary>Name of a design in files and messages.</summary>
    public static string DesignName(SweepDesignKind design) => design == SweepDesignKind.Grid ? "grid" : "lhs";

    /// <summary>
    /// One row per design point: its index, each varied parameter's value, then per metric the mean,
    /// its Student-t 95% interval, the paired difference from the base with its interval, and n.
    /// </summary>
    public static void WritePointsCsv(TextWriter writer, SweepResults results)
    {
        SweepPlan plan = results.Plan;
        var header = new List<string> { "point" };
        foreach (SweepAxis axis in plan.Axes) header.Add(InvariantFormat.CsvCell(axis.Path));
        foreach (Metric metric in plan.Metrics)
        {
            string name = MetricNames.Of(metric);
            header.AddRange([name + "_mean", name + "_ci95_low", name + "_ci95_high", name + "_diff_vs_base", name + "_diff_ci95_low", name + "_diff_ci95_high", name + "_n"]);
        }
        writer.Write(string.Join(',', header) + "\n");
        for (int p = 0; p < plan.Points.Length; p++)
        {
            var row = new List<string> { InvariantFormat.Integer(p) };
            foreach (double value in plan.Points[p]) row.Add(InvariantFormat.Number(value));
            for (int m = 0; m < plan.Metrics.Length; m++)
            {
                MetricSummary s = results.Points[p][m];
                PairedComparison d = results.PointDifferences[p][m];
                row.AddRange([InvariantFormat.Number(s.Mean), InvariantFormat.Number(s.Ci95Low), InvariantFormat.Number(s.Ci95High),
                    InvariantFormat.Number(d.MeanDiff), InvariantFormat.Number(d.Ci95Low), InvariantFormat.Number(d.Ci95High), InvariantFormat.Integer(s.N)]);
            }
            writer.Write(string.Join(',', row) + "\n");
        }
    }

    /// <summary>
    /// The one-at-a-time rows the tornado chart reads: <c>parameter,low_value,high_value,metric,low_mean,high_mean,baseline_mean</c>,
    /// then the paired 95% intervals of low − base and high − base (<c>low_diff_ci95_low,low_diff_ci95_high,high_diff_ci95_low,high_diff_ci95_high</c>).
    /// </summary>
    public static void WriteTornadoCsv(TextWriter writer, SweepResults results)
    {
        writer.Write("parameter,low_value,high_value,metric,low_mean,high_mean,baseline_mean,low_diff_ci95_low,low_diff_ci95_high,high_diff_ci95_low,high_diff_ci95_high\n");
        foreach (OneAtATimeEffect e in results.Effects)
        {
            SweepAxis axis = results.Plan.Axes[e.Axis];
            writer.Write(string.Join(',', InvariantFormat.CsvCell(axis.Path), InvariantFormat.Number(axis.Low), InvariantFormat.Number(axis.High),
                MetricNames.Of(e.Metric), InvariantFormat.Number(e.Low.Mean), InvariantFormat.Number(e.High.Mean), InvariantFormat.Number(e.Baseline.Mean),
                InvariantFormat.Number(e.LowMinusBase?.Ci95Low ?? double.NaN), InvariantFormat.Number(e.LowMinusBase?.Ci95High ?? double.NaN),
                InvariantFormat.Number(e.HighMinusBase?.Ci95Low ?? double.NaN), InvariantFormat.Number(e.HighMinusBase?.Ci95High ?? double.NaN)) + "\n");
        }
    }

    /// <summary>Parameters ranked by swing |high_mean − low_mean| per metric, with the paired difference high − low and its 95% interval.</summary>
    public static void WriteSensitivityCsv(TextWriter writer, SweepResults results)
    {
        writer.Write("metric,rank,parameter,low_value,high_value,low_mean,high_mean,baseline_mean,swing,diff_high_minus_low,diff_ci95_low,diff_ci95_high,n\n");
        foreach (Metric metric in results.Plan.Metrics)
        {
            int rank = 0;
            foreach (OneAtATimeEffect e in results.Ranking(metric))
            {
                SweepAxis axis = results.Plan.Axes[e.Axis];
                writer.Write(string.Join(',', MetricNames.Of(metric), InvariantFormat.Integer(++rank), InvariantFormat.CsvCell(axis.Path),
                    InvariantFormat.Number(axis.Low), InvariantFormat.Number(axis.High), InvariantFormat.Number(e.Low.Mean), InvariantFormat.Number(e.High.Mean),
                    InvariantFormat.Number(e.Baseline.Mean), InvariantFormat.Number(e.Swing), InvariantFormat.Number(e.HighMinusLow.MeanDiff),
                    InvariantFormat.Number(e.HighMinusLow.Ci95Low), InvariantFormat.Number(e.HighMinusLow.Ci95High), InvariantFormat.Integer(e.HighMinusLow.N)) + "\n");
            }
        }
    }

    /// <summary>manifest.json: provenance, the design (axes and every point) and the outputs, in a fixed property order.</summary>
    public static void WriteManifest(Stream stream, SweepResults results, SweepProvenance provenance, ImmutableArray<string> outputs)
    {
        SweepPlan plan = results.Plan;
        using var json = new Utf8JsonWriter(stream, ResultsWriter.JsonOptions);
        json.WriteStartObject();
        RunManifest.WriteHeader(json, ChannelSimVersion.Current, "complete", "sweep", provenance.CommandLine);
        provenance.WriteScenario(json);
        json.WriteNumber("seed", plan.MasterSeed);
        json.WriteBoolean("common_random_numbers", true);
        json.WriteString("base_variant", plan.Base.Name);
        json.WriteStartObject("design");
        json.WriteString("kind", DesignName(plan.Design));
        if (plan.Design == SweepDesignKind.LatinHypercube)
        {
            json.WriteNumber("samples", plan.Points.Length);
            json.WriteNumber("design_seed", SweepDesign.LatinHypercubeSeed(plan.MasterSeed));
        }
        json.WriteStartArray("axes");
        foreach (SweepAxis axis in plan.Axes)
        {
            json.WriteStartObject();
            json.WriteString("path", axis.Path);
            json.WriteString("kind", axis.Spec.Kind.ToString().ToLowerInvariant());
            ResultsWriter.WriteNumber(json, "low", axis.Low);
            ResultsWriter.WriteNumber(json, "high", axis.High);
            ResultsWriter.WriteNumber(json, "base", plan.Base.Parameters.Number(axis.Path));
            if (axis.Count > 0) json.WriteNumber("count", axis.Count);
            if (!axis.ExplicitValues.IsEmpty)
            {
                json.WriteStartArray("values");
                foreach (double v in axis.ExplicitValues) json.WriteNumberValue(v);
                json.WriteEndArray();
            }
            json.WriteBoolean("rounded_to_whole_numbers", axis.IsInteger);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("points");
        foreach (double[] point in plan.Points)
        {
            json.WriteStartArray();
            foreach (double v in point) json.WriteNumberValue(v);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("metrics");
        foreach (Metric metric in plan.Metrics) json.WriteStringValue(MetricNames.Of(metric));
        json.WriteEndArray();
        json.WriteNumber("replications", results.Replications);
        json.WriteNumber("runs_per_replication", plan.Variants().Length);
        json.WriteNumber("threads", plan.Threads);
        json.WriteString("started_utc", InvariantFormat.Timestamp(provenance.StartedUtc));
        json.WriteString("ended_utc", InvariantFormat.Timestamp(provenance.EndedUtc));
        json.WriteStartArray("outputs");
        foreach (string output in outputs) json.WriteStringValue(output);
        json.WriteEndArray();
        if (provenance.Identity is not null) RunManifest.WriteIdentity(json, provenance.Identity);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
