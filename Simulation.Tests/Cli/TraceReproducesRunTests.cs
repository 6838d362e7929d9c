using System.Globalization;
using Simulation.Tests.Experiments;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Cli;

/// <summary>
/// <c>channelsim trace --replication R</c> replays row R of a real run's replications.csv: the same
/// seed and replication give the same events, so the trace's totals are the row's totals.
/// </summary>
public class TraceReproducesRunTests
{
    private const string Seed = "7";

    private sealed record TraceTotals(double Arrivals, double BoatsArrived, double Launches, double PreventedOnLand,
        double Drowning, double Hypothermia, double Crush, double Interception, double ReturnedWindspire, double ReturnedAfterArrival)
    {
        public double Deaths => Drowning + Hypothermia + Crush + Interception;
    }

    private static TraceTotals Totals(string traceCsv)
    {
        CsvFile trace = CsvFile.Read(traceCsv);
        Assert.Equal(["time_hours", "date", "entity", "event", "people", "outcome"], trace.Header);
        double Sum(params string[] events) => trace.Rows.Where(r => events.Contains(trace.Cell(r, "event"))).Sum(r => trace.Number(r, "people"));
        double Died(string cause) => trace.Rows.Where(r => trace.Cell(r, "event") == "death" && trace.Cell(r, "outcome") == cause).Sum(r => trace.Number(r, "people"));
        int Count(Func<string[], bool> predicate) => trace.Rows.Count(predicate);
        return new TraceTotals(
            Arrivals: Sum("landed_uk", "self_landed"),
            BoatsArrived: Count(r => trace.Cell(r, "event") is "landed_uk" or "self_landed" && trace.Number(r, "people") > 0),
            Launches: Count(r => trace.Cell(r, "event") == "launch"),
            PreventedOnLand: Sum("prevented_on_land", "group_prevented_on_land"),
            Drowning: Died("drowning"), Hypothermia: Died("hypothermia"), Crush: Died("crush"), Interception: Died("interception"),
            ReturnedWindspire: Sum("returned_windspire"),
            ReturnedAfterArrival: Sum("returned_after_arrival"));
    }

    private static void AssertRowEqualsTrace(CsvFile run, string[] row, TraceTotals t, string where)
    {
        void Same(string metric, double traced) =>
            Assert.True(run.Number(row, metric) == traced, $"{where}: {metric} {run.Number(row, metric)} in the run, {traced} in the trace");
        Same("arrivals_uk", t.Arrivals);
        Same("boats_arrived", t.BoatsArrived);
        Same("launch_attempts", t.Launches);
        Same("prevented_on_land", t.PreventedOnLand);
        Same("deaths", t.Deaths);
        Same("deaths_drowning", t.Drowning);
        Same("deaths_hypothermia", t.Hypothermia);
        Same("deaths_crush", t.Crush);
        Same("deaths_interception", t.Interception);
        Same("returned_windspire", t.ReturnedWindspire);
        Same("returned_after_arrival", t.ReturnedAfterArrival);
    }

    private static (CsvFile Replications, string TraceDirectory) RunAndTrace(TempDirectory temp, string scenario, int replications, long[] traced)
    {
        Succeed("run", scenario, "--replications", replications.ToString(CultureInfo.InvariantCulture), "--seed", Seed, "--threads", "2", "--out", temp.Sub("run"));
        foreach (long r in traced)
        {
            string rText = r.ToString(CultureInfo.InvariantCulture);
            Succeed("trace", scenario, "--replication", rText, "--seed", Seed, "--out", temp.Sub("trace-" + rText + ".csv"));
        }
        return (CsvFile.Read(Path.Combine(temp.Sub("run"), "replications.csv")), temp.Path);
    }

    [Fact]
    public void TheTraceOfReplicationRAddsUpToRowROfTheRun()
    {
        using var temp = new TempDirectory();
        string scenario = RealModelScenario.Write(temp.Path, horizonDays: 90);
        long[] traced = [0, 3, 5];
        var (run, directory) = RunAndTrace(temp, scenario, 6, traced);
        string baseline = run.Cell(run.Rows[0], "variant");
        foreach (long r in traced)
        {
            string[] row = run.Replication(baseline, r);
            Assert.True(run.Number(row, "arrivals_uk") > 0, $"replication {r}: no arrivals, nothing compared");
            AssertRowEqualsTrace(run, row, Totals(Path.Combine(directory, "trace-" + r.ToString(CultureInfo.InvariantCulture) + ".csv")), $"replication {r}");
        }
        // Different replications really are different rows (the trace is not replaying replication 0 each time).
        Assert.NotEqual(run.Number(run.Replication(baseline, 0), "arrivals_uk"), run.Number(run.Replication(baseline, 3), "arrivals_uk"));
    }

    // Every death (at a beach launch, boarding a taxi-boat, crush aboard, capsize, interception) is one
    // trace event with its cause, so each variant's trace adds up to its row, deaths by cause included.
    [Fact]
    [Trait("Category", "ModelHeavy")]
    public void EveryVariantOfThePolicyComparisonTracesToItsRow()
    {
        using var temp = new TempDirectory();
        string scenario = Path.Combine(Simulation.Tests.Scenarios.RepositoryPaths.Root(), "scenarios", "policy-comparison.yaml");
        Succeed("run", scenario, "--replications", "2", "--seed", Seed, "--threads", "2", "--no-plots", "--out", temp.Sub("run"));
        CsvFile run = CsvFile.Read(Path.Combine(temp.Sub("run"), "replications.csv"));
        var variants = run.Rows.Select(r => run.Cell(r, "variant")).Distinct().ToList();
        Assert.True(variants.Count >= 5, $"{variants.Count} variants");
        double deaths = 0, returned = 0;
        foreach (string variant in variants)
        {
            string file = temp.Sub("trace-" + variant + ".csv");
            Succeed("trace", scenario, "--replication", "1", "--variant", variant, "--seed", Seed, "--out", file);
            string[] row = run.Replication(variant, 1);
            AssertRowEqualsTrace(run, row, Totals(file), variant);
            deaths += run.Number(row, "deaths");
            returned += run.Number(row, "returned_after_arrival") + run.Number(row, "returned_windspire");
        }
        Assert.True(deaths > 0 && returned > 0, $"deaths {deaths}, returns {returned}: the comparison compared zeros");
    }
}
