using System.Collections.Immutable;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;

namespace Simulation.Core.Sensitivity;

/// <summary>First-order and total Sobol indices of one input, with bootstrap percentile intervals.</summary>
/// <param name="First">S1: share of the output variance explained by this input alone.</param>
/// <param name="FirstLow">Lower end of the bootstrap interval of S1.</param>
/// <param name="FirstHigh">Upper end of the bootstrap interval of S1.</param>
/// <param name="Total">ST: share of the output variance that involves this input, interactions included.</param>
/// <param name="TotalLow">Lower end of the bootstrap interval of ST.</param>
/// <param name="TotalHigh">Upper end of the bootstrap interval of ST.</param>
public sealed record SobolIndex(double First, double FirstLow, double FirstHigh, double Total, double TotalLow, double TotalHigh);

/// <summary>
/// Sobol indices from the outputs of a <see cref="SaltelliDesign"/>: first order by Saltelli et al. (2010),
/// S1_i = mean((f_B − f̄)·(f_{A_B^i} − f_A)) / V (f_B centred on the pooled mean f̄ of f_A and f_B), total by Jansen (1999), ST_i = ½·mean((f_A − f_{A_B^i})²) / V,
/// where V is the variance of f_A and f_B pooled. Works on a plain vector of outputs, so the same code
/// serves a test function and the simulation.
/// </summary>
public static class SobolIndices
{
    /// <summary>Default number of bootstrap resamples.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>Point estimates (S1, ST) per parameter; NaN when the output does not vary at all.</summary>
    public static (double[] First, double[] Total) Estimate(SaltelliDesign design, IReadOnlyList<double> outputs)
    {
        CheckOutputs(design, outputs);
        var rows = new int[design.BaseSamples];
        for (int j = 0; j < rows.Length; j++) rows[j] = j;
        var first = new double[design.Parameters];
        var total = new double[design.Parameters];
        Compute(design, outputs, rows, first, total);
        return (first, total);
    }

    /// <summary>
    /// Point estimates with percentile bootstrap intervals at <paramref name="level"/>: the N rows (A_j, B_j,
    /// A_B^(i)_j together) are resampled with replacement <paramref name="resamples"/> times from a stream
    /// seeded with <paramref name="seed"/>, and the indices recomputed on each resample.
    /// </summary>
    public static ImmutableArray<SobolIndex> Analyse(SaltelliDesign design, IReadOnlyList<double> outputs, int resamples, ulong seed, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), "The level must lie strictly between 0 and 1.");
        (double[] first, double[] total) = Estimate(design, outputs);
        int k = design.Parameters;
        int n = design.BaseSamples;
        var firstDraws = new double[k][];
        var totalDraws = new double[k][];
        for (int i = 0; i < k; i++)
        {
            firstDraws[i] = new double[resamples];
            totalDraws[i] = new double[resamples];
        }
        var random = new RandomStream(seed);
        var rows = new int[n];
        var f = new double[k];
        var t = new double[k];
        for (int b = 0; b < resamples; b++)
        {
            for (int j = 0; j < n; j++) rows[j] = random.NextInt(n);
            Compute(design, outputs, rows, f, t);
            for (int i = 0; i < k; i++)
            {
                firstDraws[i][b] = f[i];
                totalDraws[i][b] = t[i];
            }
        }
        double tail = (1 - level) / 2;
        var result = ImmutableArray.CreateBuilder<SobolIndex>(k);
        for (int i = 0; i < k; i++)
        {
            (double fLow, double fHigh) = Percentiles(firstDraws[i], tail);
            (double tLow, double tHigh) = Percentiles(totalDraws[i], tail);
            result.Add(new SobolIndex(first[i], fLow, fHigh, total[i], tLow, tHigh));
        }
        return result.MoveToImmutable();
    }

    // A resample whose outputs are all equal has no variance and gives NaN; such draws are left out of the
    // percentiles rather than poisoning them (NaN only when every draw is NaN).
    private static (double Low, double High) Percentiles(double[] draws, double tail)
    {
        double[] finite = Array.FindAll(draws, double.IsFinite);
        Array.Sort(finite);
        return (ExperimentStatistics.Quantile(finite, tail), ExperimentStatistics.Quantile(finite, 1 - tail));
    }

    private static void Compute(SaltelliDesign design, IReadOnlyList<double> y, int[] rows, double[] first, double[] total)
    {
        int k = design.Parameters;
        int n = rows.Length;
        // Pooled variance of f_A and f_B, two-pass for accuracy when the mean is large against the spread.
        double sum = 0;
        foreach (int j in rows) sum += y[design.IndexA(j)] + y[design.IndexB(j)];
        double mean = sum / (2.0 * n);
        double squares = 0;
        foreach (int j in rows)
        {
            double a = y[design.IndexA(j)] - mean, b = y[design.IndexB(j)] - mean;
            squares += a * a + b * b;
        }
        double variance = squares / (2.0 * n - 1);
        // f_B enters the first-order sum centred on the pooled mean: the expectation is unchanged (f_AB − f_A has
        // mean zero) but the estimator no longer scales with the output's level. For a metric in the tens of
        // thousands with a spread in the thousands, the uncentred form is mostly noise at a few hundred rows.
        for (int i = 0; i < k; i++)
        {
            double firstSum = 0, totalSum = 0;
            foreach (int j in rows)
            {
                double fA = y[design.IndexA(j)], fB = y[design.IndexB(j)], fAB = y[design.IndexAB(i, j)];
                firstSum += (fB - mean) * (fAB - fA);
                totalSum += (fA - fAB) * (fA - fAB);
            }
            first[i] = variance > 0 ? firstSum / n / variance : double.NaN;
            total[i] = variance > 0 ? 0.5 * totalSum / n / variance : double.NaN;
        }
    }

    private static void CheckOutputs(SaltelliDesign design, IReadOnlyList<double> outputs)
    {
        if (outputs.Count != design.Runs)
            throw new ArgumentException($"The design has {design.Runs} points and {outputs.Count} outputs were given.", nameof(outputs));
    }
}
