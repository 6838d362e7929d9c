using System.Globalization;
using System.Text.Json;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Reporting;

public class ResultsWriterTests
{
    [Fact]
    public void SummaryJsonHasTheDocumentedShapeAndOrder()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Path, replications: 8));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "summary.json")));
        string[] keys = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["channelsim_version", "status", "seed", "scenario_sha256", "replications", "daily_replications", "variants", "comparisons", "stopping_rule"], keys);
        JsonElement arrivals = json.RootElement.GetProperty("variants").GetProperty("baseline").GetProperty("metrics").GetProperty("arrivals_uk");
        Assert.Equal(["mean", "sd", "ci95_low", "ci95_high", "p05", "p50", "p95", "n"], arrivals.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(8, arrivals.GetProperty("n").GetInt32());
        JsonElement comparisons = json.RootElement.GetProperty("comparisons");
        Assert.False(comparisons.TryGetProperty("baseline", out _));
        Assert.Equal(["mean_diff", "ci95_low", "ci95_high", "p_lower", "variance_reduction"],
            comparisons.GetProperty("patrols").GetProperty("arrivals_uk").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(42UL, json.RootElement.GetProperty("seed").GetUInt64());
        Assert.Equal("fixed_replications", json.RootElement.GetProperty("stopping_rule").GetString());
    }

    [Fact]
    public void ReplicationsCsvNamesEveryMetricAndTheSeedToReRunARow()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Path, replications: 5));
        string[] lines = File.ReadAllLines(Path.Combine(temp.Path, "replications.csv"));
        Assert.Equal("variant,replication,seed," + string.Join(',', MetricNames.All), lines[0]);
        Assert.Equal(1 + 2 * 5, lines.Length);
        string[] row = lines[1 + 5 + 3].Split(',');
        Assert.Equal("patrols", row[0]);
        Assert.Equal("3", row[1]);
        Assert.Equal(SeedDerivation.ForReplication(42, 3).ToString(CultureInfo.InvariantCulture), row[2]);
    }

    [Fact]
    public void DailyCsvCarriesCalendarDates()
    {
        using var temp = new TempDirectory();
        TestScenarios.Run(TestScenarios.Request(temp.Path, replications: 5));
        string[] lines = File.ReadAllLines(Path.Combine(temp.Path, "daily.csv"));
        Assert.Equal("variant,series,day,date,median,p05,p25,p75,p95", lines[0]);
        Assert.StartsWith("baseline,arrivals_uk,0,2024-01-01,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("baseline,arrivals_uk,11,2024-01-12,", lines[12], StringComparison.Ordinal);
        // 2 variants × (5 recorded + 2 derived series: cumulative arrivals, red-day share) × 12 days + the header row.
        Assert.Equal(1 + 2 * 7 * 12, lines.Length);
    }

    [Fact]
    public void NumbersAreInvariantWhateverTheCurrentCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("1234.5", InvariantFormat.Number(1234.5));
            Assert.Equal("", InvariantFormat.Number(double.NaN));
            Assert.Equal("\"a,b\"", InvariantFormat.CsvCell("a,b"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public async Task ParquetReplicationsHoldTheSameValuesAsTheCsv()
    {
        using var temp = new TempDirectory();
        ExperimentRequest request = TestScenarios.Request(temp.Path, replications: 6) with { WriteParquet = true };
        ExperimentResults results = TestScenarios.Run(request).Results!;
        await using var reader = await Parquet.ParquetReader.CreateAsync(Path.Combine(temp.Path, "replications.parquet"));
        Assert.Equal(42UL.ToString(CultureInfo.InvariantCulture), reader.CustomMetadata["seed"]);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(2 * 6, group.RowCount);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["variant", "replication", "seed", .. MetricNames.All], fields.Select(f => f.Name).ToArray());
        var arrivals = new double[12];
        await group.ReadAsync<double>(fields[3], arrivals);
        // Rows are variant-major like replications.csv: row 6 + 2 is (patrols, replication 2).
        Assert.Equal(results.Store.Value(1, 2, (int)Metric.ArrivalsUk), arrivals[8]);
        await using var daily = await Parquet.ParquetReader.CreateAsync(Path.Combine(temp.Path, "daily.parquet"));
        using var dailyGroup = daily.OpenRowGroupReader(0);
        Assert.Equal(2 * 7 * 12, dailyGroup.RowCount);
    }
}
