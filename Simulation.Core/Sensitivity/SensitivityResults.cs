using System.Collections.Immutable;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Sensitivity;

/// <summary>
/// A finished sensitivity analysis: the plan, the model output of every point, and per metric and parameter
/// either Sobol indices with bootstrap intervals or Morris statistics.
/// </summary>
public sealed record SensitivityResults
{
    /// <summary>What was run.</summary>
    public required SensitivityPlan Plan { get; init; }
    /// <summary>Model output [metric][point]: the mean over replications (of compared − base with --compare).</summary>
    public required ImmutableArray<ImmutableArray<double>> Outputs { get; init; }
    /// <summary>Sobol: base rows N of the Saltelli design (0 for Morris).</summary>
    public int BaseSamples { get; init; }
    /// <summary>Sobol: bootstrap resamples of the intervals (0 for Morris).</summary>
    public int BootstrapResamples { get; init; }
    /// <summary>Morris: trajectories r (0 for Sobol).</summary>
    public int Trajectories { get; init; }
    /// <summary>Morris: grid levels p (0 for Sobol).</summary>
    public int Levels { get; init; }
    /// <summary>Sobol indices [metric][parameter]; empty for Morris.</summary>
    public ImmutableArray<ImmutableArray<SobolIndex>> Sobol { get; init; } = ImmutableArray<ImmutableArray<SobolIndex>>.Empty;
    /// <summary>Morris statistics [metric][parameter]; empty for Sobol.</summary>
    public ImmutableArray<ImmutableArray<MorrisEffect>> Morris { get; init; } = ImmutableArray<ImmutableArray<MorrisEffect>>.Empty;

    /// <summary>Seed of the Morris trajectories: a pure function of the master seed.</summary>
    public static ulong DesignSeed(ulong masterSeed) => SeedDerivation.For(masterSeed, 0, StreamId.SensitivityDesign);

    /// <summary>Seed of the bootstrap resamples: a pure function of the master seed.</summary>
    public static ulong BootstrapSeed(ulong masterSeed) => SeedDerivation.For(masterSeed, 0, StreamId.SensitivityBootstrap);

    /// <summary>Sobol indices of every metric from the outputs of a Saltelli plan.</summary>
    public static SensitivityResults ForSobol(SensitivityPlan plan, SaltelliDesign design, double[][] outputs, int resamples)
    {
        var indices = ImmutableArray.CreateBuilder<ImmutableArray<SobolIndex>>(outputs.Length);
        foreach (double[] y in outputs) indices.Add(SobolIndices.Analyse(design, y, resamples, BootstrapSeed(plan.MasterSeed)));
        return new SensitivityResults
        {
            Plan = plan,
            Outputs = outputs.Select(o => o.ToImmutableArray()).ToImmutableArray(),
            BaseSamples = design.BaseSamples,
            BootstrapResamples = resamples,
            Sobol = indices.MoveToImmutable(),
        };
    }

    /// <summary>Morris statistics of every metric from the outputs of a Morris plan.</summary>
    public static SensitivityResults ForMorris(SensitivityPlan plan, MorrisDesign design, double[][] outputs)
    {
        var effects = ImmutableArray.CreateBuilder<ImmutableArray<MorrisEffect>>(outputs.Length);
        foreach (double[] y in outputs) effects.Add(MorrisEffects.Estimate(design, y));
        return new SensitivityResults
        {
            Plan = plan,
            Outputs = outputs.Select(o => o.ToImmutableArray()).ToImmutableArray(),
            Trajectories = design.Trajectories,
            Levels = design.Levels,
            Morris = effects.MoveToImmutable(),
        };
    }
}
