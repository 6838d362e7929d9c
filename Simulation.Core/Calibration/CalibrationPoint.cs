using System.Collections.Immutable;

namespace Simulation.Core.Calibration;

/// <summary>
/// One point of the parameter space that was run: its values (in the file's parameter order, integers
/// rounded), the simulated mean and sample standard deviation of every target's metric over the wave's
/// replications, and — when it was non-implausible — the same over the confirmation replications.
/// Implausibilities and decisions are derived, so a point read back from waves.csv is the point that was run.
/// </summary>
public sealed record CalibrationPoint
{
    /// <summary>Wave (1-based).</summary>
    public required int Wave { get; init; }
    /// <summary>Index within the wave (0-based, design order).</summary>
    public required int Index { get; init; }
    /// <summary>Parameter values, file order.</summary>
    public required ImmutableArray<double> Values { get; init; }
    /// <summary>Simulated mean per target (file order) over the wave's replications.</summary>
    public required ImmutableArray<double> Means { get; init; }
    /// <summary>Sample standard deviation per target over the wave's replications.</summary>
    public required ImmutableArray<double> Sds { get; init; }
    /// <summary>Implausibility per target at the wave's replications.</summary>
    public required ImmutableArray<double> Implausibilities { get; init; }
    /// <summary>Largest implausibility.</summary>
    public required double MaxImplausibility { get; init; }
    /// <summary>Second-largest implausibility.</summary>
    public required double SecondMaxImplausibility { get; init; }
    /// <summary>Passed the rule at the wave's replications.</summary>
    public required bool NonImplausible { get; init; }
    /// <summary>Confirmation means per target (empty when not confirmed-run).</summary>
    public ImmutableArray<double> ConfirmationMeans { get; init; } = ImmutableArray<double>.Empty;
    /// <summary>Confirmation standard deviations per target (empty when not run).</summary>
    public ImmutableArray<double> ConfirmationSds { get; init; } = ImmutableArray<double>.Empty;
    /// <summary>Robust implausibility per target at the confirmation replications (empty when not run).</summary>
    public ImmutableArray<double> RobustImplausibilities { get; init; } = ImmutableArray<double>.Empty;
    /// <summary>Confirmed: enters the plausible set.</summary>
    public bool Confirmed { get; init; }

    /// <summary>True when the confirmation replications were run.</summary>
    public bool ConfirmationRun => !ConfirmationMeans.IsEmpty;

    /// <summary>Derives implausibilities and the decision from the wave's statistics.</summary>
    public static CalibrationPoint Evaluate(CalibrationSpec spec, int wave, int index, ImmutableArray<double> values,
        ImmutableArray<double> means, ImmutableArray<double> sds, int replications)
    {
        var targets = spec.Targets;
        var implausibility = new double[targets.Length];
        for (int t = 0; t < targets.Length; t++)
        {
            CalibrationTarget target = targets[t];
            implausibility[t] = Implausibility.Of(target.Observed, means[t], sds[t], replications, target.ObservationSd, target.DiscrepancySd);
        }
        return new CalibrationPoint
        {
            Wave = wave,
            Index = index,
            Values = values,
            Means = means,
            Sds = sds,
            Implausibilities = implausibility.ToImmutableArray(),
            MaxImplausibility = Implausibility.Largest(implausibility),
            SecondMaxImplausibility = Implausibility.SecondLargest(implausibility),
            NonImplausible = Implausibility.Passes(implausibility, spec.Design.Rule, spec.Design.Cutoff),
        };
    }

    /// <summary>Adds the confirmation statistics and decides whether the point enters the plausible set.</summary>
    public CalibrationPoint WithConfirmation(CalibrationSpec spec, ImmutableArray<double> means, ImmutableArray<double> sds, int replications)
    {
        var targets = spec.Targets;
        var robust = new double[targets.Length];
        for (int t = 0; t < targets.Length; t++)
        {
            CalibrationTarget target = targets[t];
            robust[t] = Implausibility.Robust(target.Observed, means[t], sds[t], replications, target.ObservationSd, target.DiscrepancySd);
        }
        return this with
        {
            ConfirmationMeans = means,
            ConfirmationSds = sds,
            RobustImplausibilities = robust.ToImmutableArray(),
            Confirmed = NonImplausible && Implausibility.Passes(robust, spec.Design.Rule, spec.Design.Cutoff),
        };
    }
}
