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
        double InterceptionDeaths, double CrushIncidentDeaths, double CapsizeDeaths, double ReturnedWindspire)
    {
        public double TracedDeaths => InterceptionDeaths + CrushIncidentDeaths + CapsizeDeaths;
    }

    private static TraceTotals Totals(string traceCsv)
    {
        CsvFile trace = CsvFile.Read(traceCsv);
        Assert.Equal(["time_hours", "date", "entity", "event", "people", "outcome"], trace.Header);
        double Sum(params string[] events) => trace.Rows.Where(r => events.Contains(trace.Cell(r, "event"))).Sum(r => trace.Number(r, "people"));
        int Count(Func<string[], bool> predicate) => trace.Rows.Count(predicate);
        return new TraceTotals(
            Arrivals: Sum("landed_uk", "self_landed"),
            BoatsArrived: Count(r => trace.Cell(r, "event") is "landed_uk" or "self_landed" && trace.Number(r, "people") > 0),
            Launches: Count(r => trace.Cell(r, "event") == "launch"),
            PreventedOnLand: Sum("prevented_on_land", "group_prevented_on_land"),
            InterceptionDeaths: Sum("interception_capsize"),
            CrushIncidentDeaths: Sum("crush_incident"),
            CapsizeDeaths: Sum("capsize"),
            ReturnedWindspire: Sum("returned_windspire"));
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
            TraceTotals t = Totals(Path.Combine(directory, "trace-" + r.ToString(CultureInfo.InvariantCulture) + ".csv"));
            string where = $"replication {r}";
            Assert.True(run.Number(row, "arrivals_uk") > 0, $"{where}: no arrivals, nothing compared");
            Assert.True(run.Number(row, "arrivals_uk") == t.Arrivals, $"{where}: arrivals {run.Number(row, "arrivals_uk")} in the run, {t.Arrivals} in the trace");
            Assert.True(run.Number(row, "boats_arrived") == t.BoatsArrived, $"{where}: boats arrived {run.Number(row, "boats_arrived")} vs {t.BoatsArrived}");
            Assert.True(run.Number(row, "launch_attempts") == t.Launches, $"{where}: launches {run.Number(row, "launch_attempts")} vs {t.Launches}");
            Assert.True(run.Number(row, "prevented_on_land") == t.PreventedOnLand, $"{where}: prevented {run.Number(row, "prevented_on_land")} vs {t.PreventedOnLand}");
            Assert.True(run.Number(row, "returned_windspire") == t.ReturnedWindspire, $"{where}: windspire returns {run.Number(row, "returned_windspire")} vs {t.ReturnedWindspire}");
            // Deaths at an interception are traced one for one.
            Assert.True(run.Number(row, "deaths_interception") == t.InterceptionDeaths,
                $"{where}: interception deaths {run.Number(row, "deaths_interception")} vs {t.InterceptionDeaths}");
            // PENDING (model rewrite): crush deaths at the launch itself and drowning or cold while boarding
            // a taxi-boat are not traced yet, so here the traced deaths can only be a lower bound of
            // their causes. The exact comparison with those mechanisms switched off is the next test.
            Assert.True(t.CrushIncidentDeaths <= run.Number(row, "deaths_crush"), $"{where}: traced crush deaths {t.CrushIncidentDeaths} > {run.Number(row, "deaths_crush")}");
            double drownedOrCold = run.Number(row, "deaths_drowning") + run.Number(row, "deaths_hypothermia");
            Assert.True(t.CapsizeDeaths <= drownedOrCold, $"{where}: traced capsize deaths {t.CapsizeDeaths} > {drownedOrCold}");
            Assert.True(t.TracedDeaths <= run.Number(row, "deaths"), $"{where}: traced deaths {t.TracedDeaths} > {run.Number(row, "deaths")}");
        }
        // Different replications really are different rows (the trace is not replaying replication 0 each time).
        Assert.NotEqual(run.Number(run.Replication(baseline, 0), "arrivals_uk"), run.Number(run.Replication(baseline, 3), "arrivals_uk"));
    }

    [Fact]
    public void WithTheUntracedDeathMechanismsOffEveryDeathIsInTheTrace()
    {
        using var temp = new TempDirectory();
        // Launch crushes and taxi-boat boarding deaths are not traced yet (pending the model rewrite);
        // with them off, every remaining death is traced, so the trace must account for all of them.
        string scenario = temp.Sub("traced-deaths.yaml");
        File.WriteAllText(scenario, RealModelScenario.TinyYaml.Replace("horizon_days: 10", "horizon_days: 200", StringComparison.Ordinal) +
            "french:\n" +
            "  beach:\n" +
            "    launch_death_probability_per_person: 0\n" +
            "taxi_boat:\n" +
            "  boarding_drowning_probability_per_person: 0\n" +
            "  hypothermia_rate_per_hour: 0\n");
        long[] traced = [0, 1, 2, 3];
        var (run, directory) = RunAndTrace(temp, scenario, 4, traced);
        string baseline = run.Cell(run.Rows[0], "variant");
        double deaths = 0;
        foreach (long r in traced)
        {
            string[] row = run.Replication(baseline, r);
            TraceTotals t = Totals(Path.Combine(directory, "trace-" + r.ToString(CultureInfo.InvariantCulture) + ".csv"));
            Assert.True(run.Number(row, "deaths") == t.TracedDeaths, $"replication {r}: {run.Number(row, "deaths")} deaths in the run, {t.TracedDeaths} in the trace");
            Assert.True(run.Number(row, "deaths_crush") == t.CrushIncidentDeaths, $"replication {r}: crush {run.Number(row, "deaths_crush")} vs {t.CrushIncidentDeaths}");
            Assert.True(run.Number(row, "arrivals_uk") == t.Arrivals, $"replication {r}: arrivals {run.Number(row, "arrivals_uk")} vs {t.Arrivals}");
            deaths += run.Number(row, "deaths");
        }
        Assert.True(deaths > 0, "no deaths in the traced replications: the comparison compared zeros; lengthen the horizon");
    }
}
