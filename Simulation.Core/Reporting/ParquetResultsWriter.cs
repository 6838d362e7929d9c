using Parquet;
using Parquet.Schema;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;

namespace Simulation.Core.Reporting;

/// <summary>
/// Parquet copies of replications.csv and daily.csv (same columns, one row group each), for
/// analysts who load large runs into pandas, polars or Arrow. The version, seed and scenario hash
/// are in the file's key-value metadata.
/// </summary>
public static class ParquetResultsWriter
{
    /// <summary>File names written.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["replications.parquet", "daily.parquet"];

    /// <summary>Writes both Parquet files atomically.</summary>
    public static void WriteAll(string directory, ExperimentResults results)
    {
        AtomicFile.Write(Path.Combine(directory, "replications.parquet"), s => WriteReplications(s, results).GetAwaiter().GetResult());
        AtomicFile.Write(Path.Combine(directory, "daily.parquet"), s => WriteDaily(s, results).GetAwaiter().GetResult());
    }

    private static Dictionary<string, string> Metadata(ExperimentResults results) => new()
    {
        ["channelsim_version"] = results.Identity.Version,
        ["seed"] = InvariantFormat.Unsigned(results.Identity.MasterSeed),
        ["scenario_sha256"] = results.Identity.ScenarioSha256,
        ["status"] = results.Status,
    };

    private static async Task WriteReplications(Stream stream, ExperimentResults results)
    {
        int variants = results.Identity.VariantNames.Length;
        long n = results.Replications;
        int rows = checked((int)(variants * n));
        var variant = new string[rows];
        var replication = new long[rows];
        var seed = new long[rows];
        var metrics = new double[MetricNames.Count][];
        for (int m = 0; m < metrics.Length; m++) metrics[m] = new double[rows];
        int i = 0;
        for (int v = 0; v < variants; v++)
        {
            for (long r = 0; r < n; r++, i++)
            {
                variant[i] = results.Identity.VariantNames[v];
                replication[i] = r;
                // Parquet has no unsigned 64-bit logical type in this API; the bits are kept (reinterpret as ulong).
                seed[i] = unchecked((long)SeedDerivation.ForReplication(results.Identity.MasterSeed, r));
                ReadOnlySpan<double> totals = results.Store.TotalsSpan(v, r);
                for (int m = 0; m < metrics.Length; m++) metrics[m][i] = totals[m];
            }
        }
        var variantField = new DataField<string>("variant", false);
        var replicationField = new DataField<long>("replication", false);
        var seedField = new DataField<long>("seed", false);
        var metricFields = MetricNames.All.Select(name => new DataField<double>(name, false)).ToArray();
        var schema = new ParquetSchema(new Field[] { variantField, replicationField, seedField }.Concat(metricFields));
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
        writer.CustomMetadata = Metadata(results);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(variantField, variant);
        await group.WriteAsync<long>(replicationField, replication);
        await group.WriteAsync<long>(seedField, seed);
        for (int m = 0; m < metrics.Length; m++) await group.WriteAsync<double>(metricFields[m], metrics[m]);
    }

    private static async Task WriteDaily(Stream stream, ExperimentResults results)
    {
        var variant = new List<string>();
        var series = new List<string>();
        var day = new List<long>();
        var date = new List<string>();
        var columns = new List<double>[5];
        for (int c = 0; c < columns.Length; c++) columns[c] = [];
        for (int v = 0; v < results.Identity.VariantNames.Length; v++)
        {
            for (int s = 0; s < results.Daily[v].Length; s++)
            {
                DailyBand[] bands = results.Daily[v][s];
                for (int d = 0; d < bands.Length; d++)
                {
                    variant.Add(results.Identity.VariantNames[v]);
                    series.Add(DailyOutputSeries.Names[s]);
                    day.Add(d);
                    date.Add(InvariantFormat.Date(results.Identity.StartDates[v].AddDays(d)));
                    columns[0].Add(bands[d].Median);
                    columns[1].Add(bands[d].P05);
                    columns[2].Add(bands[d].P25);
                    columns[3].Add(bands[d].P75);
                    columns[4].Add(bands[d].P95);
                }
            }
        }
        var variantField = new DataField<string>("variant", false);
        var seriesField = new DataField<string>("series", false);
        var dayField = new DataField<long>("day", false);
        var dateField = new DataField<string>("date", false);
        string[] names = ["median", "p05", "p25", "p75", "p95"];
        var valueFields = names.Select(name => new DataField<double>(name, false)).ToArray();
        var schema = new ParquetSchema(new Field[] { variantField, seriesField, dayField, dateField }.Concat(valueFields));
        await using ParquetWriter writer = await ParquetWriter.CreateAsync(schema, stream);
        writer.CustomMetadata = Metadata(results);
        using ParquetRowGroupWriter group = writer.CreateRowGroup();
        await group.WriteAsync(variantField, variant);
        await group.WriteAsync(seriesField, series);
        await group.WriteAsync<long>(dayField, day.ToArray());
        await group.WriteAsync(dateField, date);
        for (int c = 0; c < columns.Length; c++) await group.WriteAsync<double>(valueFields[c], columns[c].ToArray());
    }
}
