using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Calibration;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Calibration;

/// <summary>
/// The shipped plausible sets (scenarios/calibration/plausible-2022-2024.csv, written by calibrate from
/// the shipped calibration file) hold up in a plain run: five sets picked at random (fixed seed), each
/// year scenario loaded with the set as --set overrides and run with 100 replications and the
/// scenario's own seed, as 'channelsim run YEAR --set key=value ... -r 100' does; every target's mean
/// must lie within 3·√(observation_sd² + discrepancy_sd²) of the observed value.
/// </summary>
[Trait("Category", "Calibration")]
public class PlausibleSetAcceptanceTests
{
    private const int Sets = 5;
    private const int Replications = 100;
    private const double Band = 3;

    [Fact]
    public void FiveRandomPlausibleSetsMatchEveryTargetInAPlainRun()
    {
        string folder = Path.Combine(RepositoryPaths.Root(), "scenarios", "calibration");
        CalibrationLoadResult loaded = CalibrationFileLoader.Load(Path.Combine(folder, "history-2022-2024.yaml"));
        Assert.True(loaded.IsValid, string.Join("\n", loaded.Issues));
        CalibrationSpec spec = loaded.Spec!;
        string[] lines = File.ReadAllLines(Path.Combine(folder, "plausible-2022-2024.csv"));
        string[] header = lines[0].Split(',');
        Assert.Equal(["set_id", .. spec.Parameters.Select(p => p.Key)], header);
        Assert.True(lines.Length - 1 >= 100, $"only {lines.Length - 1} plausible sets are shipped");

        var pick = new Random(20260101);
        int[] chosen = Enumerable.Range(1, lines.Length - 1).OrderBy(_ => pick.Next()).Take(Sets).ToArray();
        var misses = new List<string>();
        foreach (int line in chosen)
        {
            string[] cells = lines[line].Split(',');
            string[] overrides = header.Skip(1).Select((key, i) => key + "=" + cells[i + 1]).ToArray();
            for (int s = 0; s < spec.Scenarios.Length; s++)
            {
                ScenarioLoadResult result = ScenarioLoader.Load(spec.ScenarioFiles[s], overrides);
                Assert.True(result.IsValid, string.Join("\n", result.Issues));
                Scenario scenario = result.Scenario!;
                var plan = new ExperimentPlan { Variants = [scenario.Variants[0]], MasterSeed = scenario.DefaultSeed, Replications = Replications, Threads = 2 };
                var store = new ReplicationStore([new ChannelModel(scenario.Variants[0].Parameters).Days], 0, Replications);
                new MonteCarloRunner(v => new ChannelModel(v.Parameters)).Run(plan, store, null, null, CancellationToken.None);
                foreach (CalibrationTarget target in spec.Targets.Where(t => t.Scenario == spec.Scenarios[s]))
                {
                    double mean = 0;
                    for (int r = 0; r < Replications; r++) mean += store.Value(0, r, (int)target.Metric);
                    mean /= Replications;
                    double allowed = Band * Math.Sqrt(target.ObservationSd * target.ObservationSd + target.DiscrepancySd * target.DiscrepancySd);
                    if (Math.Abs(mean - target.Observed) > allowed)
                    {
                        misses.Add(string.Create(CultureInfo.InvariantCulture, $"set {cells[0]}: {target.Name} mean {mean:0.###} vs observed {target.Observed} ± {allowed:0.###}"));
                    }
                }
            }
        }
        Assert.True(misses.Count == 0, string.Join("\n", misses));
    }
}
