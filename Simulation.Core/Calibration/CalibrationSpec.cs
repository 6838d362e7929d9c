using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Calibration;

/// <summary>How wave 1 fills the parameter space.</summary>
public enum CalibrationDesignMethod
{
    /// <summary>Latin hypercube: every parameter's range cut into as many strata as points, one point per stratum.</summary>
    LatinHypercube,
    /// <summary>Scrambled Sobol sequence (low discrepancy).</summary>
    Sobol,
}

/// <summary>Which implausibility decides whether a point is kept.</summary>
public enum ImplausibilityRule
{
    /// <summary>The largest implausibility over all targets must be at most the cut-off.</summary>
    Maximum,
    /// <summary>The second-largest must be (one target may miss: guards against one mis-specified target).</summary>
    SecondMaximum,
}

/// <summary>
/// One observed figure the model is matched to: the metric of one year scenario, the observed value,
/// its observation uncertainty and the model-discrepancy allowance (both standard deviations, in the
/// metric's unit), and the row of the calibration-targets data it comes from.
/// </summary>
public sealed record CalibrationTarget
{
    /// <summary>Target name, unique in the file (e.g. <c>arrivals_2022</c>).</summary>
    public required string Name { get; init; }
    /// <summary>The year scenario's path as written in the calibration file.</summary>
    public required string Scenario { get; init; }
    /// <summary>The metric (a column of replications.csv).</summary>
    public required Metric Metric { get; init; }
    /// <summary>Calendar year the figure is for.</summary>
    public required int Year { get; init; }
    /// <summary>Observed value, in the metric's unit.</summary>
    public required double Observed { get; init; }
    /// <summary>Observation standard deviation (&gt; 0).</summary>
    public required double ObservationSd { get; init; }
    /// <summary>Model-discrepancy standard deviation (&gt; 0).</summary>
    public required double DiscrepancySd { get; init; }
    /// <summary>The source: the data row (year and metric of calibration-targets.csv) and any note.</summary>
    public required string Source { get; init; }
    /// <summary>Line of the target in the calibration file (for messages).</summary>
    public int Line { get; init; }
}

/// <summary>One mechanism parameter to calibrate, with its prior range and why that range.</summary>
public sealed record CalibrationParameter
{
    /// <summary>Catalog key, e.g. <c>harm.drowning_probability_in_water</c>.</summary>
    public required string Key { get; init; }
    /// <summary>Lower end of the prior range (in the key's unit, as written in YAML).</summary>
    public required double Low { get; init; }
    /// <summary>Upper end (&gt; <see cref="Low"/>).</summary>
    public required double High { get; init; }
    /// <summary>Why this range (sources, physical limits).</summary>
    public required string Reason { get; init; }
    /// <summary>True when the catalog key takes whole numbers: sampled values are rounded.</summary>
    public bool IsInteger { get; init; }
    /// <summary>Line of the parameter in the calibration file (for messages).</summary>
    public int Line { get; init; }
}

/// <summary>How the waves are run and when they stop.</summary>
public sealed record CalibrationDesign
{
    /// <summary>Wave 1's space-filling design.</summary>
    public CalibrationDesignMethod Method { get; init; } = CalibrationDesignMethod.LatinHypercube;
    /// <summary>Points in wave 1.</summary>
    public int Wave1Points { get; init; } = 400;
    /// <summary>Points in every later wave.</summary>
    public int PointsPerWave { get; init; } = 300;
    /// <summary>Stop after this many waves.</summary>
    public int MaxWaves { get; init; } = 4;
    /// <summary>Stop once the plausible set has at least this many points.</summary>
    public int TargetPlausible { get; init; } = 150;
    /// <summary>Replications of every year scenario at every point (common random numbers across points).</summary>
    public int Replications { get; init; } = 4;
    /// <summary>Implausibility cut-off (3, after Pukelsheim's three-sigma rule).</summary>
    public double Cutoff { get; init; } = 3.0;
    /// <summary>Which implausibility is compared with the cut-off.</summary>
    public ImplausibilityRule Rule { get; init; } = ImplausibilityRule.Maximum;
    /// <summary>
    /// Replications of every year scenario when a non-implausible point is confirmed before it enters the
    /// plausible set (fresh random numbers; see docs/CALIBRATION.md).
    /// </summary>
    public int ConfirmationReplications { get; init; } = 20;
    /// <summary>Master seed: design points and the model's random numbers.</summary>
    public ulong Seed { get; init; } = 20260101;
}

/// <summary>A validated calibration file: nothing here is null, out of range or unresolved.</summary>
public sealed record CalibrationSpec
{
    /// <summary>Name (from the file, or the file name).</summary>
    public required string Name { get; init; }
    /// <summary>What the calibration is for.</summary>
    public string Description { get; init; } = "";
    /// <summary>Path the file was loaded from, as given.</summary>
    public required string SourcePath { get; init; }
    /// <summary>Lower-case hex SHA-256 of the file bytes followed by every year scenario's hash, in order.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Year scenarios, paths as written in the file (relative to the file's folder).</summary>
    public required ImmutableArray<string> Scenarios { get; init; }
    /// <summary>The same scenarios, resolved to paths that open from the working directory.</summary>
    public required ImmutableArray<string> ScenarioFiles { get; init; }
    /// <summary>Targets; each names one of <see cref="Scenarios"/>.</summary>
    public required ImmutableArray<CalibrationTarget> Targets { get; init; }
    /// <summary>Parameters to calibrate (at least one).</summary>
    public required ImmutableArray<CalibrationParameter> Parameters { get; init; }
    /// <summary>Waves and stopping.</summary>
    public CalibrationDesign Design { get; init; } = new();
}
