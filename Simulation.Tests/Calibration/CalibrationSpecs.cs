using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Calibration;

/// <summary>Calibration specifications built in code for the unit tests.</summary>
internal static class CalibrationSpecs
{
    /// <summary>Two parameters (one whole-number) on the unit box and [10, 20], and three targets.</summary>
    public static CalibrationSpec Small(ImplausibilityRule rule = ImplausibilityRule.Maximum, double cutoff = 3) => new()
    {
        Name = "small",
        SourcePath = "small.yaml",
        Sha256 = new string('0', 64),
        Scenarios = ["a.yaml"],
        ScenarioFiles = ["a.yaml"],
        Targets =
        [
            Target("t1", 100, 1, 2),
            Target("t2", 50, 3, 4),
            Target("t3", 10, 1, 1),
        ],
        Parameters =
        [
            new CalibrationParameter { Key = "x.unit", Low = 0, High = 1, Reason = "test" },
            new CalibrationParameter { Key = "x.whole", Low = 10, High = 20, Reason = "test", IsInteger = true },
        ],
        Design = new CalibrationDesign { Rule = rule, Cutoff = cutoff, Wave1Points = 40, PointsPerWave = 30 },
    };

    private static CalibrationTarget Target(string name, double observed, double observationSd, double discrepancySd) => new()
    {
        Name = name,
        Scenario = "a.yaml",
        Metric = Metric.ArrivalsUk,
        Year = 2024,
        Observed = observed,
        ObservationSd = observationSd,
        DiscrepancySd = discrepancySd,
        Source = "test",
    };

    /// <summary>A point whose per-target means and sds are given (n replications).</summary>
    public static CalibrationPoint Point(CalibrationSpec spec, int wave, int index, double[] values, double[] means, double[] sds, int n = 4) =>
        CalibrationPoint.Evaluate(spec, wave, index, values.ToImmutableArray(), means.ToImmutableArray(), sds.ToImmutableArray(), n);
}
