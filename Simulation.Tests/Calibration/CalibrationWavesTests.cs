using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Calibration;

/// <summary>
/// The waves on the stand-in model, whose arrivals fall as test.prevented_share rises: the plausible
/// sets gather around the share that produced the observation, wave 2 is mostly non-implausible, and
/// an interrupted run continued from its finished blocks gives the same points for any thread count.
/// </summary>
public class CalibrationWavesTests
{
    private const double TrueShare = 0.3;
    // 120 days keep a replication's arrivals within about 8% of their mean, so 20 replications can confirm a point.
    private const int Days = 120;

    private static (CalibrationSpec Spec, ImmutableArray<ScenarioVariant> Baselines) Setup()
    {
        ScenarioVariant baseline = TestScenarios.Variant("baseline", 0.0, Days);
        // The observation: mean arrivals at the true share over 200 replications of another seed.
        var truth = new FakeReplicationModel(TestScenarios.Variant("truth", TrueShare, Days).Parameters);
        var result = new ReplicationResult(truth.Days);
        double sum = 0;
        for (int r = 0; r < 200; r++)
        {
            truth.RunReplication(99, r, result);
            sum += result.Totals[(int)Metric.ArrivalsUk];
        }
        double observed = sum / 200;
        var spec = new CalibrationSpec
        {
            Name = "fake",
            SourcePath = "fake.yaml",
            Sha256 = new string('1', 64),
            Scenarios = ["fake.yaml"],
            ScenarioFiles = ["fake.yaml"],
            Targets =
            [
                new CalibrationTarget
                {
                    Name = "arrivals", Scenario = "fake.yaml", Metric = Metric.ArrivalsUk, Year = 2024, Observed = observed,
                    ObservationSd = 0.05 * observed, DiscrepancySd = 0.05 * observed, Source = "test",
                },
            ],
            Parameters = [new CalibrationParameter { Key = FakeReplicationModel.ReductionPath, Low = 0, High = 0.9, Reason = "test" }],
            Design = new CalibrationDesign { Wave1Points = 120, PointsPerWave = 60, MaxWaves = 2, TargetPlausible = 10_000, Replications = 4, Seed = 5 },
        };
        return (spec, [baseline]);
    }

    private static CalibrationWaves.Outcome Run(CalibrationSpec spec, ImmutableArray<ScenarioVariant> baselines, int threads,
        IReadOnlyList<CalibrationPoint> done, Action<CalibrationPoint[]>? blockDone = null, CancellationToken cancellation = default)
    {
        CalibrationSettings settings = CalibrationSettings.From(spec, threads);
        var engine = new CalibrationEngine(spec, baselines, settings, v => new FakeReplicationModel(v.Parameters));
        return CalibrationWaves.Run(spec, settings, engine, done, null, ShardSpec.Whole, null, blockDone, null, cancellation);
    }

    [Fact]
    public void PlausibleSetsGatherAroundTheTrueValueAndTheSecondWaveConcentratesThere()
    {
        var (spec, baselines) = Setup();
        CalibrationWaves.Outcome outcome = Run(spec, baselines, 2, []);
        Assert.Equal(CalibrationStopping.MaxWavesReached, outcome.StoppingReason);
        Assert.Equal([120, 60], outcome.Waves.Select(w => w.Points));
        List<CalibrationPoint> plausible = outcome.Points.Where(p => p.Confirmed).ToList();
        Assert.NotEmpty(plausible);
        // Arrivals scale with (1 − share), 0.7 of the baseline at the truth: the band of 3 × 7.1% = 21% of the observation,
        // less the confirmation margin of 3 standard errors (about 5%), is about ±0.11 in share.
        Assert.All(plausible, p => Assert.InRange(p.Values[0], TrueShare - 0.2, TrueShare + 0.2));
        // Wave 1 is uniform over [0, 0.9]; at n = 4 the band is about ±24% of the observation, ±0.17 in share,
        // so about 0.34 / 0.9 ≈ 38% of it passes. Wave 2 is drawn around those points.
        Assert.True(outcome.Waves[0].ShareRuledOut > 0.5, $"wave 1 ruled out {outcome.Waves[0].ShareRuledOut}");
        Assert.True(outcome.Waves[1].ShareRuledOut < 0.5, $"wave 2 ruled out {outcome.Waves[1].ShareRuledOut}");
    }

    [Fact]
    public void AnInterruptedRunContinuedFromItsFinishedBlocksGivesTheSamePoints()
    {
        var (spec, baselines) = Setup();
        CalibrationWaves.Outcome reference = Run(spec, baselines, 1, []);
        using var cancellation = new CancellationTokenSource();
        CalibrationWaves.Outcome interrupted = Run(spec, baselines, 2, [], _ => cancellation.Cancel(), cancellation.Token);
        Assert.True(interrupted.Interrupted);
        Assert.Null(interrupted.StoppingReason);
        Assert.Equal(CalibrationWaves.BlockPoints, interrupted.Points.Count);
        CalibrationWaves.Outcome resumed = Run(spec, baselines, 2, interrupted.Points);
        Assert.Equal(reference.Points.Select(p => CalibrationTable.Row(spec, p)), resumed.Points.Select(p => CalibrationTable.Row(spec, p)));
        Assert.Equal(reference.Waves, resumed.Waves);
    }
}
