using System.Collections.Immutable;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Sensitivity;

namespace Simulation.Core.Reporting;

/// <summary>
/// Writes the files of a sensitivity analysis (sensitivity.csv, sensitivity_points.csv, manifest.json):
/// culture-invariant, UTF-8 without BOM, "\n" line endings, atomically; manifest.json last.
/// </summary>
public static class SensitivityWriter
{
    /// <summary>Result files, in the order they are written (manifest.json comes last).</summary>
    public static readonly IReadOnlyList<string> FileNames = ["sensitivity.csv", "sensitivity_points.csv"];

    /// <summary>Header of sensitivity.csv for Sobol indices.</summary>
    public const string SobolHeader = "parameter,metric,S1,S1_ci_low,S1_ci_high,ST,ST_ci_low,ST_ci_high";

    /// <summary>Header of sensitivity.csv for Morris statistics.</summary>
    public const string MorrisHeader = "parameter,metric,mu_star,sigma";

    /// <summary>Writes the result files (not the manifest) into <paramref name="directory"/>.</summary>
    public static void WriteResults(string directory, SensitivityResults results)
    {
        AtomicFile.WriteText(Path.Combine(directory, "sensitivity.csv"), w => WriteIndicesCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "sensitivity_points.csv"), w => WritePointsCsv(w, results));
    }

    /// <summary>
    /// One row per metric and parameter (metrics in the order given, parameters in --vary order): Sobol
    /// S1 and ST with their bootstrap percentile intervals, or Morris μ* and σ.
    /// </summary>
    public static void WriteIndicesCsv(TextWriter writer, SensitivityResults results)
    {
        SensitivityPlan plan = results.Plan;
        writer.Write((plan.Method == SensitivityMethod.Sobol ? SobolHeader : MorrisHeader) + "\n");
        for (int m = 0; m < plan.Metrics.Length; m++)
        {
            string metric = MetricNames.Of(plan.Metrics[m]);
            for (int a = 0; a < plan.Axes.Length; a++)
            {
                string parameter = InvariantFormat.CsvCell(plan.Axes[a].Path);
                if (plan.Method == SensitivityMethod.Sobol)
                {
                    SobolIndex s = results.Sobol[m][a];
                    writer.Write(string.Join(',', parameter, metric, InvariantFormat.Number(s.First), InvariantFormat.Number(s.FirstLow), InvariantFormat.Number(s.FirstHigh),
                        InvariantFormat.Number(s.Total), InvariantFormat.Number(s.TotalLow), InvariantFormat.Number(s.TotalHigh)) + "\n");
                }
                else
                {
                    MorrisEffect e = results.Morris[m][a];
                    writer.Write(string.Join(',', parameter, metric, InvariantFormat.Number(e.MuStar), InvariantFormat.Number(e.Sigma)) + "\n");
                }
            }
        }
    }

    /// <summary>
    /// One row per design point: its index, each parameter's value as the model saw it, and per metric the
    /// model output (<c>metric_mean</c>, or <c>metric_diff_mean</c> with --compare), the numbers the indices are computed from.
    /// </summary>
    public static void WritePointsCsv(TextWriter writer, SensitivityResults results)
    {
        SensitivityPlan plan = results.Plan;
        var header = new List<string> { "point" };
        foreach (SweepAxis axis in plan.Axes) header.Add(InvariantFormat.CsvCell(axis.Path));
        foreach (Metric metric in plan.Metrics) header.Add(MetricNames.Of(metric) + (plan.Compare is null ? "_mean" : "_diff_mean"));
        writer.Write(string.Join(',', header) + "\n");
        for (int p = 0; p < plan.UnitPoints.Length; p++)
        {
            var row = new List<string> { InvariantFormat.Integer(p) };
            foreach (double value in plan.Point(p)) row.Add(InvariantFormat.Number(value));
            for (int m = 0; m < plan.Metrics.Length; m++) row.Add(InvariantFormat.Number(results.Outputs[m][p]));
            writer.Write(string.Join(',', row) + "\n");
        }
    }

    /// <summary>Writes manifest.json last, listing <paramref name="outputs"/> (paths relative to the directory).</summary>
    public static void WriteManifest(string directory, SensitivityResults results, SweepProvenance provenance, ImmutableArray<string> outputs) =>
        AtomicFile.Write(Path.Combine(directory, "manifest.json"), s => WriteManifest(s, results, provenance, outputs));

    /// <summary>manifest.json: provenance, the method and its settings, the ranges and the outputs, in a fixed property order.</summary>
    public static void WriteManifest(Stream stream, SensitivityResults results, SweepProvenance provenance, ImmutableArray<string> outputs)
    {
        SensitivityPlan plan = results.Plan;
        using var json = new Utf8JsonWriter(stream, ResultsWriter.JsonOptions);
        json.WriteStartObject();
        RunManifest.WriteHeader(json, ChannelSimVersion.Current, "complete", "sensitivity", provenance.CommandLine);
        provenance.WriteScenario(json);
        json.WriteNumber("seed", plan.MasterSeed);
        json.WriteBoolean("common_random_numbers", true);
        json.WriteString("base_variant", plan.Base.Name);
        if (plan.Compare is null) json.WriteNull("compare_variant");
        else json.WriteString("compare_variant", plan.Compare.Name);
        json.WriteString("output", plan.Compare is null
            ? "mean over replications of each metric at each point"
            : $"mean over replications of the paired difference {plan.Compare.Name} - {plan.Base.Name} of each metric at each point");
        json.WriteStartObject("method");
        json.WriteString("name", SensitivityRunner.MethodName(plan.Method));
        if (plan.Method == SensitivityMethod.Sobol)
        {
            json.WriteString("sampling", "Saltelli: A and B from a 2k-dimensional Sobol sequence (Joe-Kuo new-joe-kuo-6.21201, unscrambled, from its first point)");
            json.WriteString("first_order_estimator", "Saltelli 2010 with f_B centred: mean((f_B - mean) * (f_AB_i - f_A)) / Var");
            json.WriteString("total_estimator", "Jansen 1999: mean((f_A - f_AB_i)^2) / 2 / Var");
            json.WriteNumber("samples", results.BaseSamples);
            json.WriteNumber("bootstrap_resamples", results.BootstrapResamples);
            json.WriteNumber("bootstrap_seed", SensitivityResults.BootstrapSeed(plan.MasterSeed));
            json.WriteString("interval", "95% bootstrap percentile interval over the N design rows");
        }
        else
        {
            json.WriteNumber("trajectories", results.Trajectories);
            json.WriteNumber("levels", results.Levels);
            ResultsWriter.WriteNumber(json, "delta", results.Levels / (2.0 * (results.Levels - 1)));
            json.WriteNumber("design_seed", SensitivityResults.DesignSeed(plan.MasterSeed));
            json.WriteString("effect_unit", "metric unit per whole range of the parameter (inputs scaled to [0,1])");
        }
        json.WriteEndObject();
        json.WriteNumber("points", plan.UnitPoints.Length);
        json.WriteNumber("runs_per_replication", plan.UnitPoints.Length * plan.VariantsPerPoint);
        json.WriteStartArray("ranges");
        foreach (SweepAxis axis in plan.Axes)
        {
            json.WriteStartObject();
            json.WriteString("path", axis.Path);
            json.WriteString("kind", axis.Spec.Kind.ToString().ToLowerInvariant());
            json.WriteString("unit", axis.Spec.Unit);
            ResultsWriter.WriteNumber(json, "low", axis.Low);
            ResultsWriter.WriteNumber(json, "high", axis.High);
            ResultsWriter.WriteNumber(json, "base", plan.Base.Parameters.Number(axis.Path));
            json.WriteBoolean("rounded_to_whole_numbers", axis.IsInteger);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("metrics");
        foreach (Metric metric in plan.Metrics) json.WriteStringValue(MetricNames.Of(metric));
        json.WriteEndArray();
        // Mean over points of s²/R of a point's output, over the variance across points: an upper bound on the
        // share of that variance that is simulation noise (common random numbers cancel a shared part of it).
        json.WriteStartObject("noise_share_upper_bound");
        for (int m = 0; m < plan.Metrics.Length; m++)
        {
            ResultsWriter.WriteNumber(json, MetricNames.Of(plan.Metrics[m]), results.NoiseShare.IsDefaultOrEmpty ? double.NaN : results.NoiseShare[m]);
        }
        json.WriteEndObject();
        json.WriteNumber("replications", plan.Replications);
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
