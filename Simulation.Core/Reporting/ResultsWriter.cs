using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;

namespace Simulation.Core.Reporting;

/// <summary>
/// Writes the result files of an experiment. Each file is a pure function of
/// <see cref="ExperimentResults"/>, written culture-invariant, UTF-8 without BOM, "\n" line endings,
/// atomically. Every CSV starts with its header row, so any CSV reader (pandas, R, a spreadsheet)
/// reads it with default settings; the version, seed, scenario hash and status live in
/// manifest.json and summary.json instead of a comment line that such readers choke on.
/// </summary>
public static class ResultsWriter
{
    /// <summary>File names, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["replications.csv", "daily.csv", "summary.csv", "comparison.csv", "summary.json"];

    /// <summary>Files written only by run --ensemble, after <see cref="FileNames"/>.</summary>
    public static readonly IReadOnlyList<string> EnsembleFileNames = ["ensemble.csv"];

    /// <summary>How the ensemble quantiles are defined (summary.json, docs).</summary>
    public const string EnsembleQuantileDefinition = "R7 (linear interpolation between order statistics; MathNet QuantileDefinition.R7) over the per-set values";

    /// <summary>Writes every result file into <paramref name="directory"/>.</summary>
    public static void WriteAll(string directory, ExperimentResults results)
    {
        AtomicFile.WriteText(Path.Combine(directory, "replications.csv"), w => WriteReplicationsCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "daily.csv"), w => WriteDailyCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "summary.csv"), w => WriteSummaryCsv(w, results));
        AtomicFile.WriteText(Path.Combine(directory, "comparison.csv"), w => WriteComparisonCsv(w, results));
        AtomicFile.Write(Path.Combine(directory, "summary.json"), s => WriteSummaryJson(s, results));
        if (results.Ensemble is not null) AtomicFile.WriteText(Path.Combine(directory, "ensemble.csv"), w => WriteEnsembleCsv(w, results.Ensemble));
    }

    /// <summary>
    /// One row per (set, variant, metric): the mean over replications under that set, and the paired
    /// mean difference from the baseline under the same set (empty for the baseline).
    /// </summary>
    public static void WriteEnsembleCsv(TextWriter writer, EnsembleResults ensemble)
    {
        writer.Write("set_id,variant,metric,mean,difference\n");
        for (int s = 0; s < ensemble.SetIds.Length; s++)
        {
            string set = InvariantFormat.CsvCell(ensemble.SetIds[s]);
            for (int v = 0; v < ensemble.VariantNames.Length; v++)
            {
                string variant = InvariantFormat.CsvCell(ensemble.VariantNames[v]);
                for (int m = 0; m < MetricNames.Count; m++)
                {
                    writer.Write(set);
                    writer.Write(',');
                    writer.Write(variant);
                    writer.Write(',');
                    writer.Write(MetricNames.All[m]);
                    writer.Write(',');
                    writer.Write(InvariantFormat.Number(ensemble.SetMean(s, v, m)));
                    writer.Write(',');
                    if (v > 0) writer.Write(InvariantFormat.Number(ensemble.SetDifference(s, v, m)));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>One row per (variant, replication): the replication's seed and every metric in enum order.</summary>
    public static void WriteReplicationsCsv(TextWriter writer, ExperimentResults results)
    {
        writer.Write("variant,replication,seed");
        foreach (string name in MetricNames.All) writer.Write("," + name);
        writer.Write('\n');
        for (int v = 0; v < results.Identity.VariantNames.Length; v++)
        {
            string variant = InvariantFormat.CsvCell(results.Identity.VariantNames[v]);
            for (long r = 0; r < results.Replications; r++)
            {
                writer.Write(variant);
                writer.Write(',');
                writer.Write(InvariantFormat.Integer(r));
                writer.Write(',');
                writer.Write(InvariantFormat.Unsigned(SeedDerivation.ForReplication(results.Identity.MasterSeed, r)));
                foreach (double value in results.Store.TotalsSpan(v, r))
                {
                    writer.Write(',');
                    writer.Write(InvariantFormat.Number(value));
                }
                writer.Write('\n');
            }
        }
    }

    /// <summary>Daily bands: variant, series, day (0-based), date, median and the 90%/50% band edges.</summary>
    public static void WriteDailyCsv(TextWriter writer, ExperimentResults results)
    {
        writer.Write("variant,series,day,date,median,p05,p25,p75,p95\n");
        for (int v = 0; v < results.Identity.VariantNames.Length; v++)
        {
            string variant = InvariantFormat.CsvCell(results.Identity.VariantNames[v]);
            DateOnly start = results.Identity.StartDates[v];
            for (int s = 0; s < results.Daily[v].Length; s++)
            {
                DailyBand[] bands = results.Daily[v][s];
                for (int d = 0; d < bands.Length; d++)
                {
                    DailyBand b = bands[d];
                    writer.Write(string.Join(',', variant, DailyOutputSeries.Names[s], InvariantFormat.Integer(d), InvariantFormat.Date(start.AddDays(d)),
                        InvariantFormat.Number(b.Median), InvariantFormat.Number(b.P05), InvariantFormat.Number(b.P25),
                        InvariantFormat.Number(b.P75), InvariantFormat.Number(b.P95)));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>Long form: variant, metric, statistic, value.</summary>
    public static void WriteSummaryCsv(TextWriter writer, ExperimentResults results)
    {
        writer.Write("variant,metric,statistic,value\n");
        for (int v = 0; v < results.Identity.VariantNames.Length; v++)
        {
            string variant = InvariantFormat.CsvCell(results.Identity.VariantNames[v]);
            for (int m = 0; m < MetricNames.Count; m++)
            {
                foreach (var (statistic, value) in Statistics(results.Summaries[v][m]))
                {
                    writer.Write(variant + "," + MetricNames.All[m] + "," + statistic + "," + InvariantFormat.Number(value) + "\n");
                }
            }
        }
    }

    /// <summary>Paired differences of each policy variant against the baseline, one row per (variant, metric).</summary>
    public static void WriteComparisonCsv(TextWriter writer, ExperimentResults results)
    {
        writer.Write("variant,baseline,metric,mean_diff,ci95_low,ci95_high,p_lower,variance_reduction,n\n");
        string baseline = InvariantFormat.CsvCell(results.Identity.VariantNames[0]);
        for (int v = 1; v < results.Identity.VariantNames.Length; v++)
        {
            string variant = InvariantFormat.CsvCell(results.Identity.VariantNames[v]);
            for (int m = 0; m < MetricNames.Count; m++)
            {
                PairedComparison c = results.Comparisons[v][m]!;
                writer.Write(string.Join(',', variant, baseline, MetricNames.All[m], InvariantFormat.Number(c.MeanDiff),
                    InvariantFormat.Number(c.Ci95Low), InvariantFormat.Number(c.Ci95High), InvariantFormat.Number(c.PLower),
                    InvariantFormat.Number(c.VarianceReduction), InvariantFormat.Integer(c.N)));
                writer.Write('\n');
            }
        }
    }

    private static IEnumerable<(string, double)> Statistics(MetricSummary s)
    {
        yield return ("mean", s.Mean);
        yield return ("sd", s.Sd);
        yield return ("ci95_low", s.Ci95Low);
        yield return ("ci95_high", s.Ci95High);
        yield return ("p05", s.P05);
        yield return ("p50", s.P50);
        yield return ("p95", s.P95);
        yield return ("n", s.N);
    }

    /// <summary>Options shared by every JSON output: indented, "\n" line endings.</summary>
    public static JsonWriterOptions JsonOptions => new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes a double as a JSON number in round-trip form, or null when undefined.</summary>
    public static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        if (double.IsFinite(value)) json.WriteRawValue(InvariantFormat.Number(value), skipInputValidation: true);
        else json.WriteNullValue();
    }

    /// <summary>
    /// "interactions": per combined variant its parts, the baseline they are measured against and per metric
    /// the combination's effect, the sum of the parts' effects and the interaction (their difference) with its paired 95% interval.
    /// </summary>
    private static void WriteInteractions(Utf8JsonWriter json, ExperimentResults results)
    {
        var names = results.Identity.VariantNames;
        json.WriteStartObject("interactions");
        for (int i = 0; i < results.Interactions.Length; i++)
        {
            VariantCombination c = results.Relations.Combinations[i];
            json.WriteStartObject(names[c.Combined]);
            json.WriteStartArray("parts");
            foreach (int p in c.Parts) json.WriteStringValue(names[p]);
            json.WriteEndArray();
            json.WriteString("baseline", names[c.Base]);
            json.WriteStartObject("metrics");
            for (int m = 0; m < MetricNames.Count; m++)
            {
                InteractionSummary x = results.Interactions[i][m];
                json.WriteStartObject(MetricNames.All[m]);
                WriteNumber(json, "combined_effect", x.CombinedEffect);
                WriteNumber(json, "sum_of_part_effects", x.SumOfPartEffects);
                WriteNumber(json, "interaction", x.Interaction.Mean);
                WriteNumber(json, "ci95_low", x.Interaction.Ci95Low);
                WriteNumber(json, "ci95_high", x.Interaction.Ci95High);
                json.WriteNumber("n", x.Interaction.N);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>summary.json with a fixed property order.</summary>
    public static void WriteSummaryJson(Stream stream, ExperimentResults results)
    {
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        ExperimentIdentity id = results.Identity;
        json.WriteStartObject();
        json.WriteString("channelsim_version", id.Version);
        json.WriteString("status", results.Status);
        json.WriteNumber("seed", id.MasterSeed);
        json.WriteString("scenario_sha256", id.ScenarioSha256);
        json.WriteNumber("replications", results.Replications);
        json.WriteNumber("daily_replications", results.DailyReplications);
        if (results.Ensemble is { } plausible)
        {
            // What the "ensemble" entries below are: written only with --ensemble, so a plain summary keeps its shape.
            json.WriteStartObject("ensemble");
            json.WriteString("path", plausible.Plan.FilePath);
            json.WriteString("sha256", plausible.Plan.Sha256);
            json.WriteNumber("n_sets", plausible.SetIds.Length);
            json.WriteNumber("replications_per_set", plausible.Replications);
            json.WriteString("interval", "90% range (p05 to p95) across plausible parameter sets of the per-set means; comparisons: of the per-set paired mean differences variant - baseline");
            json.WriteString("quantile_definition", EnsembleQuantileDefinition);
            json.WriteString("rule", EnsemblePlan.LeverRule);
            json.WriteEndObject();
        }
        json.WriteStartObject("variants");
        for (int v = 0; v < id.VariantNames.Length; v++)
        {
            json.WriteStartObject(id.VariantNames[v]);
            // Written only when true, so the summary of an ordinary run keeps its shape.
            if (results.Relations.IsIdentical(v)) json.WriteBoolean("identical_to_reference", true);
            json.WriteStartObject("metrics");
            for (int m = 0; m < MetricNames.Count; m++)
            {
                json.WriteStartObject(MetricNames.All[m]);
                foreach (var (statistic, value) in Statistics(results.Summaries[v][m]))
                {
                    if (statistic == "n") json.WriteNumber("n", (long)value);
                    else WriteNumber(json, statistic, value);
                }
                if (results.Ensemble is { } ensemble)
                {
                    EnsembleRange range = ensemble.Ranges[v][m];
                    json.WriteStartObject("ensemble");
                    WriteNumber(json, "median", range.Median);
                    WriteNumber(json, "p05", range.P05);
                    WriteNumber(json, "p95", range.P95);
                    json.WriteNumber("n_sets", range.Sets);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("comparisons");
        for (int v = 1; v < id.VariantNames.Length; v++)
        {
            json.WriteStartObject(id.VariantNames[v]);
            for (int m = 0; m < MetricNames.Count; m++)
            {
                PairedComparison c = results.Comparisons[v][m]!;
                json.WriteStartObject(MetricNames.All[m]);
                WriteNumber(json, "mean_diff", c.MeanDiff);
                WriteNumber(json, "ci95_low", c.Ci95Low);
                WriteNumber(json, "ci95_high", c.Ci95High);
                WriteNumber(json, "p_lower", c.PLower);
                WriteNumber(json, "variance_reduction", c.VarianceReduction);
                if (results.Ensemble?.Effects[v][m] is { } effect)
                {
                    json.WriteStartObject("ensemble");
                    WriteNumber(json, "median", effect.Median);
                    WriteNumber(json, "p05", effect.P05);
                    WriteNumber(json, "p95", effect.P95);
                    WriteNumber(json, "share_below_zero", effect.ShareBelowZero);
                    WriteNumber(json, "share_above_zero", effect.ShareAboveZero);
                    json.WriteNumber("n_sets", effect.Sets);
                    json.WriteBoolean("sign_depends_on_parameters", effect.SignDependsOnParameters);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        if (results.Interactions.Length > 0) WriteInteractions(json, results);
        json.WriteString("stopping_rule", results.StoppingRule);
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
