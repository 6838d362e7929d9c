using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Simulation.Core.Experiments;

/// <summary>
/// Pure statistics over per-replication values, always taken in replication order so that the
/// floating-point result does not depend on which thread produced which row.
/// </summary>
public static class ExperimentStatistics
{
    /// <summary>Student-t 97.5% quantile with n−1 degrees of freedom (NaN when n &lt; 2).</summary>
    public static double TQuantile975(long n) => n < 2 ? double.NaN : StudentT.InvCDF(0, 1, n - 1, 0.975);

    /// <summary>Mean and n−1 sample variance by the two-pass formula (exact order, no running updates).</summary>
    public static (double Mean, double Variance) MeanVariance(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        if (n == 0) return (double.NaN, double.NaN);
        double sum = 0;
        foreach (double x in values) sum += x;
        double mean = sum / n;
        if (n < 2) return (mean, double.NaN);
        double squares = 0;
        foreach (double x in values)
        {
            double d = x - mean;
            squares += d * d;
        }
        return (mean, squares / (n - 1));
    }

    /// <summary>Summary of one metric from its values in replication order (the span is not modified).</summary>
    public static MetricSummary Summarise(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        (double mean, double variance) = MeanVariance(values);
        double sd = Math.Sqrt(variance);
        double halfWidth = TQuantile975(n) * sd / Math.Sqrt(n);
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return new MetricSummary(mean, sd, mean - halfWidth, mean + halfWidth,
            Quantile(sorted, 0.05), Quantile(sorted, 0.50), Quantile(sorted, 0.95), n);
    }

    /// <summary>Paired comparison of <paramref name="policy"/> against <paramref name="baseline"/> (same length, same replications).</summary>
    public static PairedComparison Compare(ReadOnlySpan<double> baseline, ReadOnlySpan<double> policy)
    {
        if (baseline.Length != policy.Length) throw new ArgumentException("Paired samples must have the same length.", nameof(policy));
        int n = baseline.Length;
        // Ties count half: a policy that changes nothing in most replications (a rare event, a metric
        // it cannot touch) then sits at 0.5, not at "never lower", and p_lower leans the same way as the interval.
        int lower = 0, ties = 0;
        Span<double> differences = new double[n];
        for (int i = 0; i < n; i++)
        {
            differences[i] = policy[i] - baseline[i];
            if (policy[i] < baseline[i]) lower++;
            else if (policy[i] == baseline[i]) ties++;
        }
        (double meanDiff, double varDiff) = MeanVariance(differences);
        double halfWidth = TQuantile975(n) * Math.Sqrt(varDiff) / Math.Sqrt(n);
        double varA = MeanVariance(baseline).Variance;
        double varB = MeanVariance(policy).Variance;
        double reduction = varDiff > 0 ? (varA + varB) / varDiff : double.NaN;
        double pLower = n == 0 ? double.NaN : (lower + 0.5 * ties) / n;
        return new PairedComparison(meanDiff, meanDiff - halfWidth, meanDiff + halfWidth, pLower, reduction, n);
    }

    /// <summary>Quantile definition R7 of sorted data (NaN when empty).</summary>
    public static double Quantile(double[] sorted, double tau) =>
        sorted.Length == 0 ? double.NaN : SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);

    /// <summary>Relative 95% half-width: half-width over |reference|; infinity when the reference is 0 or undefined.</summary>
    public static double RelativeHalfWidth(double halfWidth, double reference) =>
        double.IsFinite(halfWidth) && double.IsFinite(reference) && reference != 0 ? halfWidth / Math.Abs(reference) : double.PositiveInfinity;
}
