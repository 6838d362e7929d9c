using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace Simulation.Core.Engine.Random;

/// <summary>
/// Unchecked samplers for the hot path (Math.NET's validate-once / sample-unchecked split):
/// parameters are validated when a scenario is loaded, never here. Each is tested against the
/// matching MathNet distribution. MathNet's own NegativeBinomial sampler is wrong in 5.0.0, so
/// ours is the gamma–Poisson mixture.
/// </summary>
public static class Samplers
{
    /// <summary>Uniform on [low, high).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Uniform(RandomStream rng, double low, double high) => low + (high - low) * rng.NextDouble();

    /// <summary>Exponential with the given mean (not rate).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exponential(RandomStream rng, double mean) => -mean * Math.Log(rng.NextDoubleNonZero());

    /// <summary>True with probability p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Bernoulli(RandomStream rng, double p) => rng.NextDouble() < p;

    /// <summary>Standard normal by Marsaglia's polar method.</summary>
    public static double StandardNormal(RandomStream rng)
    {
        if (rng.TryTakeSpareNormal(out double spare)) return spare;
        double u, v, s;
        do
        {
            u = 2.0 * rng.NextDouble() - 1.0;
            v = 2.0 * rng.NextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.Sqrt(-2.0 * Math.Log(s) / s);
        rng.StoreSpareNormal(v * factor);
        return u * factor;
    }

    /// <summary>Normal with mean and standard deviation.</summary>
    public static double Normal(RandomStream rng, double mean, double sd) => mean + sd * StandardNormal(rng);

    /// <summary>Log-normal: exp of Normal(mu, sigma) (parameters of the underlying normal).</summary>
    public static double LogNormal(RandomStream rng, double mu, double sigma) => Math.Exp(mu + sigma * StandardNormal(rng));

    /// <summary>Gamma with shape k and scale θ (mean kθ), Marsaglia and Tsang (2000).</summary>
    public static double Gamma(RandomStream rng, double shape, double scale)
    {
        if (shape < 1.0)
        {
            // Boost: Gamma(k) = Gamma(k + 1) · U^(1/k).
            double boosted = Gamma(rng, shape + 1.0, 1.0);
            return scale * boosted * Math.Pow(rng.NextDoubleNonZero(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(rng);
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = rng.NextDoubleNonZero();
            double x2 = x * x;
            if (u < 1.0 - 0.0331 * x2 * x2) return scale * d * v;
            if (Math.Log(u) < 0.5 * x2 + d * (1.0 - v + Math.Log(v))) return scale * d * v;
        }
    }

    /// <summary>Beta(a, b) from two gammas.</summary>
    public static double Beta(RandomStream rng, double a, double b)
    {
        double x = Gamma(rng, a, 1.0);
        double y = Gamma(rng, b, 1.0);
        return x / (x + y);
    }

    /// <summary>Poisson with mean λ: multiplication for λ &lt; 10, Hörmann's PTRS (1993) above.</summary>
    public static int Poisson(RandomStream rng, double lambda)
    {
        if (lambda <= 0) return 0;
        if (lambda < 10.0)
        {
            double limit = Math.Exp(-lambda);
            double product = rng.NextDouble();
            int k = 0;
            while (product > limit)
            {
                k++;
                product *= rng.NextDouble();
            }
            return k;
        }
        double sqrtLambda = Math.Sqrt(lambda);
        double logLambda = Math.Log(lambda);
        double b = 0.931 + 2.53 * sqrtLambda;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = rng.NextDouble() - 0.5;
            double v = rng.NextDoubleNonZero();
            double us = 0.5 - Math.Abs(u);
            double kd = Math.Floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) return (int)kd;
            if (kd < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log(a / (us * us) + b)
                <= -lambda + kd * logLambda - SpecialFunctions.GammaLn(kd + 1))
                return (int)kd;
        }
    }

    /// <summary>
    /// Binomial(n, p), exact: Knuth's beta splitting brings n down, then geometric waiting times
    /// (expected cost about n·min(p, 1−p) + 1).
    /// </summary>
    public static int Binomial(RandomStream rng, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        int successes = 0;
        while (n > 64)
        {
            int a = 1 + n / 2;
            int b = n + 1 - a;
            double x = Beta(rng, a, b);
            if (x >= p)
            {
                n = a - 1;
                p /= x;
            }
            else
            {
                successes += a;
                n = b - 1;
                p = (p - x) / (1 - x);
            }
        }
        bool flip = p > 0.5;
        double q = flip ? 1 - p : p;
        int count = 0;
        double logOneMinusQ = Math.Log(1 - q);
        // When 1 - q rounds to 1 a success is too rare to happen in n <= 64 trials.
        if (q > 0 && logOneMinusQ < 0)
        {
            int position = 0;
            while (true)
            {
                // Trials up to and including the next success are geometric. The jump stays a double
                // until it is known to fit: for q near 0 it can exceed the range of int.
                double jump = Math.Floor(Math.Log(rng.NextDoubleNonZero()) / logOneMinusQ) + 1;
                if (jump > n - position) break;
                position += (int)jump;
                count++;
            }
        }
        return successes + (flip ? n - count : count);
    }

    /// <summary>Negative binomial (failures before r successes, success probability p): Poisson(Gamma(r, (1−p)/p)).</summary>
    public static int NegativeBinomial(RandomStream rng, double r, double p) =>
        Poisson(rng, Gamma(rng, r, (1 - p) / p));

    /// <summary>
    /// Index drawn from cumulative weights (non-decreasing, last entry is the total, need not be 1).
    /// </summary>
    public static int Categorical(RandomStream rng, ReadOnlySpan<double> cumulativeWeights)
    {
        double target = rng.NextDouble() * cumulativeWeights[^1];
        int last = cumulativeWeights.Length - 1;
        for (int i = 0; i < last; i++)
            if (target < cumulativeWeights[i]) return i;
        return last;
    }
}
