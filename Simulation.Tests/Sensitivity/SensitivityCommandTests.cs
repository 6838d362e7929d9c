using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Simulation.Cli;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;
using Simulation.Core.Sensitivity;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;
using static Simulation.Tests.Cli.CliRun;

namespace Simulation.Tests.Sensitivity;

/// <summary>channelsim sensitivity end to end: the real model on the 2024 baseline, reproducibility, --compare pairing and bad input.</summary>
public class SensitivityCommandTests
{
    private static readonly string Baseline = Path.Combine(RepositoryPaths.Root(), "scenarios", "baseline-2024.yaml");

    private static readonly string[] FourParameters =
    [
        "--vary", "demand.new_arrivals_rate_per_day=80:130",
        "--vary", "harm.capsize_given_distress_probability=0.001:0.004",
        "--vary", "french.beach.max_prevention_probability=0.6:0.95",
        "--vary", "uk.border_force.vessels=3:8",
    ];

    // Demand sets the scale of everything downstream, so over these ranges it must dominate arrivals_uk: a Sobol
    // analysis that ranked anything else first would be wrong. N = 16 (96 points) × 3 replications: a few seconds.
    [Fact]
    public void OnTheBaselineDemandHasTheLargestTotalIndexForArrivalsAndAnyThreadCountGivesTheSameBytes()
    {
        using var temp = new TempDirectory();
        (string Csv, string Points, string Stdout) Run(string name, string threads)
        {
            string outDirectory = temp.Sub(name);
            var (code, stdout, err) = Invoke(["sensitivity", Baseline, "--method", "sobol", "-n", "16", "-r", "3", "--threads", threads,
                "--metric", "arrivals_uk", "--metric", "deaths", .. FourParameters, "--out", outDirectory]);
            Assert.True(code == ExitCodes.Ok, err);
            return (File.ReadAllText(Path.Combine(outDirectory, "sensitivity.csv")), File.ReadAllText(Path.Combine(outDirectory, "sensitivity_points.csv")),
                stdout.Replace(outDirectory, "OUT", StringComparison.Ordinal));
        }
        var one = Run("one", "1");
        CultureInfo before = CultureInfo.CurrentCulture;
        try
        {
            // A decimal-comma culture must not leak into any file or the table.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var two = Run("two", "2");
            Assert.Equal(one.Csv, two.Csv);
            Assert.Equal(one.Points, two.Points);
            Assert.Equal(one.Stdout, two.Stdout);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }

        string[] lines = one.Csv.TrimEnd('\n').Split('\n');
        Assert.Equal("parameter,metric,S1,S1_ci_low,S1_ci_high,ST,ST_ci_low,ST_ci_high", lines[0]);
        Assert.Equal(1 + 4 * 2, lines.Length); // one row per parameter × metric
        var arrivals = lines.Skip(1).Select(l => l.Split(',')).Where(c => c[1] == "arrivals_uk").ToList();
        Assert.Equal(4, arrivals.Count);
        Assert.All(arrivals, c => Assert.Equal(8, c.Length));
        string[] top = arrivals.OrderByDescending(c => double.Parse(c[5], CultureInfo.InvariantCulture)).First();
        Assert.Equal("demand.new_arrivals_rate_per_day", top[0]);
        Assert.True(double.Parse(top[5], CultureInfo.InvariantCulture) > 0.5, $"demand explains most of the variance of arrivals (ST = {top[5]})");
        // Every interval holds its estimate.
        foreach (string[] c in lines.Skip(1).Select(l => l.Split(',')))
        {
            double[] v = c.Skip(2).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(v[1] <= v[0] && v[0] <= v[2] && v[4] <= v[3] && v[3] <= v[5], string.Join(',', c));
        }
        Assert.StartsWith("point,demand.new_arrivals_rate_per_day,harm.capsize_given_distress_probability,french.beach.max_prevention_probability,uk.border_force.vessels,arrivals_uk_mean,deaths_mean\n", one.Points, StringComparison.Ordinal);
        Assert.Equal(1 + 16 * 6, one.Points.TrimEnd('\n').Split('\n').Length);
        Assert.Contains("1     demand.new_arrivals_rate_per_day", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("noise", one.Stdout, StringComparison.Ordinal);
        Assert.Contains("simulation noise of a point's mean: at most", one.Stdout, StringComparison.Ordinal);

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Sub("one"), "manifest.json")));
        JsonElement root = manifest.RootElement;
        Assert.Equal("sensitivity", root.GetProperty("command").GetString());
        Assert.Equal(ChannelSimVersion.Current, root.GetProperty("channelsim_version").GetString());
        Assert.Equal(20240101UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(64, root.GetProperty("scenario").GetProperty("sha256").GetString()!.Length);
        Assert.Equal("sobol", root.GetProperty("method").GetProperty("name").GetString());
        Assert.Equal(16, root.GetProperty("method").GetProperty("samples").GetInt32());
        Assert.Equal(3, root.GetProperty("replications").GetInt32());
        Assert.Equal(4, root.GetProperty("ranges").GetArrayLength());
        double noiseShare = root.GetProperty("noise_share_upper_bound").GetProperty("arrivals_uk").GetDouble();
        Assert.True(noiseShare > 0 && noiseShare < 0.5, $"3 replications of a year: the noise of a mean is small against what demand moves ({noiseShare})");
        Assert.Contains("--vary demand.new_arrivals_rate_per_day=80:130", root.GetProperty("command_line").GetString(), StringComparison.Ordinal);
        foreach (string output in root.GetProperty("outputs").EnumerateArray().Select(o => o.GetString()!))
        {
            Assert.True(new FileInfo(Path.Combine(temp.Sub("one"), output)).Length > 0, output);
        }
        Assert.True(new FileInfo(Path.Combine(temp.Sub("one"), "plots", "sensitivity_arrivals_uk.png")).Length > 10_000);
        Assert.False(Directory.Exists(Path.Combine(temp.Sub("one"), "checkpoint")), "the checkpoint goes once the results are written");
    }

    [Fact]
    public void MorrisWritesMuStarAndSigmaAndRanksDemandFirstForArrivals()
    {
        using var temp = new TempDirectory();
        string outDirectory = temp.Sub("morris");
        var (code, stdout, err) = Invoke(["sensitivity", Baseline, "--method", "morris", "--trajectories", "6", "-r", "2", "--threads", "2",
            .. FourParameters, "--set", "calendar.horizon_days=120", "--out", outDirectory]);
        Assert.True(code == ExitCodes.Ok, err);
        string[] lines = File.ReadAllLines(Path.Combine(outDirectory, "sensitivity.csv"));
        Assert.Equal("parameter,metric,mu_star,sigma", lines[0]);
        Assert.Equal(5, lines.Length);
        string[] top = lines.Skip(1).Select(l => l.Split(',')).OrderByDescending(c => double.Parse(c[2], CultureInfo.InvariantCulture)).First();
        Assert.Equal("demand.new_arrivals_rate_per_day", top[0]);
        Assert.Contains("mu*", stdout, StringComparison.Ordinal);
        Assert.Equal(1 + 6 * 5, File.ReadAllLines(Path.Combine(outDirectory, "sensitivity_points.csv")).Length);
    }

    [Theory]
    [InlineData("--vary", "demand.new_arrival_rate_per_day=80:130", "did you mean demand.new_arrivals_rate_per_day?")]
    [InlineData("--vary", "demand.new_arrivals_rate_per_day=130:80", "low (130) must be less than high (80)")]
    [InlineData("--vary", "demand.new_arrivals_rate_per_day=90:90", "low (90) must be less than high (90)")]
    [InlineData("--vary", "french.beach.max_prevention_probability=0.5:1.5", "1.5 is outside the allowed range [0, 1]")]
    [InlineData("--vary", "demand.new_arrivals_rate_per_day=80:130:5", "expected a range low:high")]
    [InlineData("--vary", "french.maritime.doctrine=0:1", "a choice parameter cannot be swept")]
    [InlineData("--metric", "arrivals", "--metric 'arrivals' is not a metric")]
    [InlineData("--compare", "no_such_policy", "--compare no_such_policy: no such variant")]
    [InlineData("--compare", "baseline", "that is the baseline itself")]
    [InlineData("--levels", "3", "--levels must be an even number")]
    [InlineData("--samples", "1", "--samples must be at least 2")]
    [InlineData("--samples", "2000", "the design needs 6000 model runs per replication, more than 4000")]
    public void BadInputExitsWithTwoNamesTheProblemAndWritesNothing(string option, string value, string message)
    {
        using var temp = new TempDirectory();
        string outDirectory = temp.Sub("out");
        string[] vary = option == "--vary" ? [option, value] : ["--vary", "demand.new_arrivals_rate_per_day=80:130", option, value];
        string[] method = option == "--levels" ? ["--method", "morris"] : [];
        var (code, stdout, err) = Invoke(["sensitivity", Baseline, .. method, .. vary, "-r", "2", "--out", outDirectory]);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public void WithoutVaryItIsAUsageError()
    {
        var (code, _, err) = Invoke("sensitivity", Baseline);
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--vary", err, StringComparison.Ordinal);
    }

    // With --compare a point's output is the mean over replications of compared − base, recomputed here by running
    // the two models by hand. The stand-in model ignores the varied demand rate, so with common random numbers
    // every point must give exactly the same output; seeds that differed between points would show up here.
    [Fact]
    public void CompareMakesEachPointsOutputTheMeanDifferenceComparedMinusBaseWithTheSameSeedsAtEveryPoint()
    {
        ScenarioVariant baseVariant = TestScenarios.Variant("baseline", 0, days: 30);
        ScenarioVariant policy = TestScenarios.Variant("policy", 0.3, days: 30);
        var axis = new SweepAxis { Path = "demand.new_arrivals_rate_per_day", Spec = ParameterCatalog.All.Single(p => p.Path == "demand.new_arrivals_rate_per_day"), Low = 50, High = 150 };
        var design = SaltelliDesign.Create(1, 4);
        var plan = new SensitivityPlan
        {
            Base = baseVariant,
            Compare = policy,
            Axes = [axis],
            Method = SensitivityMethod.Sobol,
            UnitPoints = design.UnitPoints.ToImmutableArray(),
            Metrics = [Metric.ArrivalsUk, Metric.Deaths],
            MasterSeed = 5,
            Replications = 4,
            Threads = 2,
        };
        Func<ScenarioVariant, IReplicationModel> factory = v => new FakeReplicationModel(v.Parameters);
        ReplicationStore store = SensitivityRunner.NewStore(plan, factory);
        double[][] outputs = SensitivityRunner.Run(plan, factory, store, null, null, CancellationToken.None)!;
        double noise = 0;
        Assert.Equal(2 * design.Runs, plan.Variants().Length);
        for (int p = 0; p < design.Runs; p++)
        {
            var model = new FakeReplicationModel(plan.Variants()[plan.VariantIndex(p)].Parameters);
            var compared = new FakeReplicationModel(plan.Variants()[plan.VariantIndex(p, compared: true)].Parameters);
            double sum = 0;
            var differences = new double[4];
            for (long r = 0; r < 4; r++)
            {
                var a = new ReplicationResult(30);
                var b = new ReplicationResult(30);
                model.RunReplication(5, r, a);
                compared.RunReplication(5, r, b);
                sum += differences[r] = b[Metric.ArrivalsUk] - a[Metric.ArrivalsUk];
            }
            noise += MathNet.Numerics.Statistics.Statistics.Variance(differences) / 4;
            Assert.Equal(sum / 4, outputs[0][p], 9);
            Assert.True(outputs[0][p] < 0, "the policy prevents arrivals at every point");
            Assert.Equal(outputs[0][0], outputs[0][p]);
        }
        // The noise of a point's output is the variance of its mean over the replications, averaged over points.
        Assert.Equal(noise / design.Runs, SensitivityRunner.NoiseVariance(plan, store)[0], 9);
        Assert.True(noise > 0);
        // The point's value is applied to both variants.
        Assert.Equal(design.UnitPoints[1][0] * 100 + 50, plan.Variants()[plan.VariantIndex(1, compared: true)].Parameters.Number(axis.Path), 9);
    }

    [Fact]
    public void HelpShowsExamples()
    {
        var (code, help, _) = Invoke("sensitivity", "--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Examples:", help, StringComparison.Ordinal);
        Assert.Contains("channelsim sensitivity scenarios/baseline-2024.yaml --method sobol", help, StringComparison.Ordinal);
    }
}
