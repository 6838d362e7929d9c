using System.Collections.Immutable;
using MathNet.Numerics.Statistics;

namespace Simulation.Core.Sensitivity;

/// <summary>Morris statistics of one input over all trajectories.</summary>
/// <param name="MuStar">μ*: mean absolute elementary effect (output unit per unit of the input scaled to [0,1]).</param>
/// <param name="Mu">μ: mean signed elementary effect; far below μ* when effects change sign.</param>
/// <param name="Sigma">σ: sample standard deviation of the elementary effects (interactions or non-linearity).</param>
public sealed record MorrisEffect(double MuStar, double Mu, double Sigma);

/// <summary>
/// Elementary effects from the outputs of a <see cref="MorrisDesign"/>: EE_i = (f(x + Δe_i) − f(x)) / Δ on
/// the unit scale, so an effect is the output change over the whole range of the input and μ* of different
/// inputs compare directly. For y = Σ c_i x_i on [lo_i, hi_i], EE_i = c_i·(hi_i − lo_i) on every path.
/// </summary>
public static class MorrisEffects
{
    /// <summary>μ*, μ and σ per parameter, in parameter order.</summary>
    public static ImmutableArray<MorrisEffect> Estimate(MorrisDesign design, IReadOnlyList<double> outputs)
    {
        if (outputs.Count != design.Runs)
            throw new ArgumentException($"The design has {design.Runs} points and {outputs.Count} outputs were given.", nameof(outputs));
        int k = design.Parameters;
        var effects = new double[k][];
        for (int i = 0; i < k; i++) effects[i] = new double[design.Trajectories];
        for (int t = 0; t < design.Trajectories; t++)
        {
            for (int s = 0; s < k; s++)
            {
                int i = design.MovedAt(t, s);
                int before = design.Index(t, s), after = design.Index(t, s + 1);
                double step = design.UnitPoints[after][i] - design.UnitPoints[before][i];
                effects[i][t] = (outputs[after] - outputs[before]) / step;
            }
        }
        var result = ImmutableArray.CreateBuilder<MorrisEffect>(k);
        for (int i = 0; i < k; i++)
        {
            double[] e = effects[i];
            double absolute = 0;
            foreach (double v in e) absolute += Math.Abs(v);
            result.Add(new MorrisEffect(absolute / e.Length, e.Mean(), e.StandardDeviation()));
        }
        return result.MoveToImmutable();
    }
}
