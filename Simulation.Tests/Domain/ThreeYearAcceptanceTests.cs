using Simulation.Core.Domain.Metrics;
using Simulation.Core.Scenarios;
using Simulation.Tests.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Domain;

/// <summary>
/// One set of mechanism parameters for three years: the shipped year files (inputs only, see
/// YearFileInputsTests) run at 100 replications each at their own seeds, and the means must land in
/// the bands of the public record (docs/VALIDATION-NOTES.md gives the figures and sources).
/// </summary>
[Trait("Category", "Calibration")]
public class ThreeYearAcceptanceTests(ITestOutputHelper output)
{
    private const int Replications = 100;

    private static List<ReplicationResult> RunYear(string file)
    {
        var loaded = ScenarioLoader.Load(Path.Combine(RepositoryPaths.Root(), "scenarios", file));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Issues));
        var scenario = loaded.Scenario!;
        return ModelRunner.Run(scenario.Variants[0].Parameters, Replications, scenario.DefaultSeed);
    }

    private static double Mean(List<ReplicationResult> rs, Func<ReplicationResult, double> f) => rs.Average(f);

    private void Report(string year, List<ReplicationResult> rs)
    {
        double M(Metric m) => ModelRunner.Mean(rs, m);
        output.WriteLine($"{year}: arrivals {M(Metric.ArrivalsUk):F0}, boats {M(Metric.BoatsArrived):F0}, per boat {M(Metric.PeoplePerBoat):F1}, " +
            $"deaths {M(Metric.Deaths):F1}, >70 {M(Metric.BoatsOver70People):F1}, >80 {M(Metric.BoatsOver80People):F1}, rescued_fr {M(Metric.RescuedFr):F0}, " +
            $"prevented {M(Metric.PreventedOnLandShare):F3}, self-landed {M(Metric.BoatsSelfLanded):F1}, RNLI share {RnliShare(rs):F3}, " +
            $"share with a 10+ incident {TailShare(rs):F2}");
    }

    private static double RnliShare(List<ReplicationResult> rs) =>
        Mean(rs, r => r[Metric.UkResponsesRnli] / Math.Max(1, r[Metric.UkResponsesRnli] + r[Metric.UkResponsesBorderForce]));

    private static double TailShare(List<ReplicationResult> rs) => rs.Count(r => r[Metric.LargestIncidentDeaths] >= Tallies.MassCasualtyDeaths) / (double)rs.Count;

    private static void Near(List<ReplicationResult> rs, Metric m, double target, double tolerance, string year) =>
        Assert.True(Math.Abs(ModelRunner.Mean(rs, m) / target - 1) <= tolerance,
            $"{year} {MetricNames.Of(m)}: {ModelRunner.Mean(rs, m):F1} vs {target} (±{tolerance:P0})");

    private static void Between(double value, double low, double high, string what) =>
        Assert.True(value >= low && value <= high, $"{what}: {value:F3} outside [{low}, {high}]");

    [Fact]
    public void Year2022()
    {
        var rs = RunYear("year-2022.yaml");
        Report("2022", rs);
        Near(rs, Metric.ArrivalsUk, 45_774, 0.05, "2022");
        Near(rs, Metric.PeoplePerBoat, 41, 0.05, "2022");
        Near(rs, Metric.BoatsArrived, 1_110, 0.10, "2022");
        Between(ModelRunner.Mean(rs, Metric.Deaths), 8, 30, "2022 deaths (IOM 16)");
        Between(ModelRunner.Mean(rs, Metric.BoatsOver70People), 0, 12, "2022 boats over 70 (FY band 5)");
        Between(TailShare(rs), 0, 0.3, "2022 share of years with an incident of 10+ deaths");
        Between(RnliShare(rs), 0.15, 0.35, "2022 RNLI share of responded boats (RNLI: ~1 in 4)");
        Between(ModelRunner.Mean(rs, Metric.PreventedOnLandShare), 0.35, 0.50, "2022 prevented share (0.424)");
    }

    [Fact]
    public void Year2023()
    {
        var rs = RunYear("year-2023.yaml");
        Report("2023", rs);
        Near(rs, Metric.ArrivalsUk, 29_437, 0.05, "2023");
        Near(rs, Metric.PeoplePerBoat, 49, 0.05, "2023");
        Near(rs, Metric.BoatsArrived, 602, 0.10, "2023");
        Between(ModelRunner.Mean(rs, Metric.Deaths), 12, 40, "2023 deaths (IOM 24)");
        Between(ModelRunner.Mean(rs, Metric.BoatsOver70People), 17, 70, "2023 boats over 70 (FY band 35)");
        Near(rs, Metric.RescuedFr, 4_900, 0.25, "2023");
        Between(RnliShare(rs), 0.05, 0.15, "2023 RNLI share of responded boats (~0.10)");
        Between(ModelRunner.Mean(rs, Metric.BoatsSelfLanded), 0, 5, "2023 self-landed boats (0 Jan-Oct)");
    }

    [Fact]
    public void Year2024()
    {
        var rs = RunYear("baseline-2024.yaml");
        Report("2024", rs);
        Near(rs, Metric.ArrivalsUk, 36_816, 0.05, "2024");
        Near(rs, Metric.PeoplePerBoat, 53, 0.05, "2024");
        Near(rs, Metric.BoatsArrived, 695, 0.10, "2024");
        double deaths = ModelRunner.Mean(rs, Metric.Deaths);
        Between(deaths, 60, 95, "2024 deaths (IOM 78)");
        Between(ModelRunner.Mean(rs, Metric.DeathsDrowning) / deaths, 0.45, 0.80, "2024 drowning share of deaths");
        Between(ModelRunner.Mean(rs, Metric.DeathsCrush) / deaths, 0.03, 0.20, "2024 crush share of deaths");
        Between(ModelRunner.Mean(rs, Metric.BoatsOver70People), 64, 256, "2024 boats over 70 (FY band 128)");
        Between(TailShare(rs), 0.2, 0.9, "2024 share of years with an incident of 10+ deaths");
        Between(ModelRunner.Mean(rs, Metric.RescuedFr), 5_300, 8_000, "2024 French rescues (5,300 by early Nov)");
        Between(ModelRunner.Mean(rs, Metric.PreventedOnLandShare), 0.30, 0.50, "2024 prevented share");
    }
}
