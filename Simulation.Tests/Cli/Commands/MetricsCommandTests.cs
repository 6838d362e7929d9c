using System.Text.Json;
using Simulation.Cli;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Cli.Commands;

public class MetricsCommandTests
{
    [Fact]
    public void JsonListsEveryColumnOfARealReplicationsCsvWithLabelUnitAndDefinition()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path);
        CliRun.Succeed("run", scenario, "-r", "2", "--threads", "1", "--out", temp.Sub("out"));
        string header = File.ReadLines(temp.Sub("out/replications.csv")).First(l => !l.StartsWith('#'));
        var columns = header.Split(',').Except(["variant", "replication", "seed"]).ToList();
        Assert.True(columns.Count >= 29, header);

        var (code, json, _) = CliRun.Invoke("metrics", "--format", "json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(json);
        var entries = doc.RootElement.GetProperty("metrics").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e, StringComparer.Ordinal);
        foreach (string column in columns)
        {
            Assert.True(entries.TryGetValue(column, out var e), $"replications.csv column '{column}' is not in 'channelsim metrics --format json'");
            foreach (string field in new[] { "label", "unit", "definition" })
            {
                Assert.False(string.IsNullOrWhiteSpace(e.GetProperty(field).GetString()), $"{column}: empty {field}");
            }
        }
        var series = doc.RootElement.GetProperty("daily_series").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        foreach (string s in File.ReadLines(temp.Sub("out/daily.csv")).Where(l => !l.StartsWith('#')).Skip(1).Select(l => l.Split(',')[1]).Distinct())
        {
            Assert.Contains(s, series);
        }
    }

    [Theory]
    [InlineData("table", "arrivals_uk")]
    [InlineData("markdown", "| `prevented_on_land_share` |")]
    public void OtherFormatsNameEveryMetric(string format, string expected)
    {
        var (code, text, _) = CliRun.Invoke("metrics", "--format", format);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("person_attempts", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownFormatIsRefusedWithTwo()
    {
        var (code, _, err) = CliRun.Invoke("metrics", "--format", "xml");
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("xml", err, StringComparison.Ordinal);
    }
}
