using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

/// <summary>The Sobol sequence: published points, net balance, the embedded table, and its advantage over random points.</summary>
public class SobolSequenceTests
{
    // Joe and Kuo's own program (sobol.cc with new-joe-kuo-6.21201) prints these first eight points for three
    // dimensions; any other library's unscrambled Sobol sequence (e.g. SciPy's with scramble=False) agrees.
    [Fact]
    public void TheFirstEightPointsInThreeDimensionsAreThePublishedOnes()
    {
        double[][] expected =
        [
            [0.0, 0.0, 0.0],
            [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25],
            [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625],
            [0.875, 0.875, 0.125],
            [0.625, 0.125, 0.875],
            [0.125, 0.625, 0.375],
        ];
        double[][] points = SobolSequence.Generate(3, 8);
        Assert.Equal(8, points.Length);
        for (int i = 0; i < 8; i++) Assert.Equal(expected[i], points[i]);
    }

    [Fact]
    public void SkippingGivesTheSamePointsAsTheTailOfALongerRun()
    {
        double[][] whole = SobolSequence.Generate(7, 300);
        double[][] tail = SobolSequence.Generate(7, 123, skip: 177);
        for (int i = 0; i < 123; i++) Assert.Equal(whole[177 + i], tail[i]);
    }

    // Dimensions 1 and 2 together form a (0,2)-sequence: every prefix of 2^m points puts exactly one point in
    // each elementary box [a/2^q, (a+1)/2^q) × [b/2^(m−q), (b+1)/2^(m−q)), for every split q of m.
    [Fact]
    public void EveryPowerOfTwoPrefixOfTheFirstTwoDimensionsIsAZeroNet()
    {
        for (int m = 0; m <= 10; m++)
        {
            int n = 1 << m;
            double[][] points = SobolSequence.Generate(2, n);
            for (int q = 0; q <= m; q++)
            {
                var counts = new int[n];
                foreach (double[] p in points)
                {
                    int a = (int)(p[0] * (1 << q));
                    int b = (int)(p[1] * (1 << (m - q)));
                    counts[(a << (m - q)) + b]++;
                }
                Assert.True(counts.All(c => c == 1), $"2^{m} points, boxes 2^-{q} × 2^-{m - q}: counts {string.Join(",", counts.Distinct())}");
            }
        }
    }

    // In one dimension every prefix of 2^m points is a permutation of k/2^m, for every dimension of the table:
    // this holds for any valid direction numbers (odd m_k), so it catches a mistyped or misparsed row.
    [Fact]
    public void EveryDimensionOfTheTableStratifiesEachDyadicIntervalOnce()
    {
        const int m = 12;
        double[][] points = SobolSequence.Generate(SobolSequence.MaxDimensions, 1 << m);
        for (int d = 0; d < SobolSequence.MaxDimensions; d++)
        {
            var seen = new bool[1 << m];
            foreach (double[] p in points)
            {
                double scaled = p[d] * (1 << m);
                Assert.Equal(Math.Floor(scaled), scaled); // exactly on the grid k/2^m
                seen[(int)scaled] = true;
            }
            Assert.True(seen.All(s => s), $"dimension {d + 1} misses a dyadic interval of length 2^-{m}");
        }
    }

    // The rows must be the ones Joe and Kuo published: their polynomials are the primitive ones of each degree in
    // increasing order (so each degree holds exactly as many rows as there are primitive polynomials of it), and
    // every m_k is odd and below 2^k.
    [Fact]
    public void TheEmbeddedTableHoldsThePrimitivePolynomialsInOrderWithValidInitialNumbers()
    {
        var rows = SobolSequence.TableRows().ToList();
        Assert.Equal(SobolSequence.MaxDimensions - 1, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            (int s, uint a, uint[] m) = rows[i];
            Assert.True(IsPrimitive(s, a), $"dimension {i + 2}: x^{s} with a = {a} is not primitive");
            for (int k = 0; k < s; k++) Assert.True(m[k] % 2 == 1 && m[k] < 1u << (k + 1), $"dimension {i + 2}: m_{k + 1} = {m[k]}");
            if (i > 0)
            {
                (int sPrev, uint aPrev, _) = rows[i - 1];
                Assert.True(s > sPrev || (s == sPrev && a > aPrev), $"dimension {i + 2} is out of order");
                // When the degree goes up, every primitive polynomial of the lower degree must already be listed.
                if (s > sPrev) Assert.Equal(PrimitiveCount(sPrev), rows.Count(r => r.Degree == sPrev));
            }
        }
    }

    // A smooth integrand with known integral 1: f(x) = Π_{i=1..5} (π/2)·sin(π x_i). Its variance is
    // (π²/8)^5 − 1, so plain Monte Carlo with N points has standard error sqrt(((π²/8)^5 − 1)/N) ≈ 0.021 at 4096.
    [Fact]
    public void ASmoothIntegralConvergesMuchFasterThanMonteCarlo()
    {
        const int dimensions = 5;
        double variance = Math.Pow(Math.PI * Math.PI / 8, dimensions) - 1;
        double errorSmall = Math.Abs(Integrate(dimensions, 1 << 10) - 1);
        double errorLarge = Math.Abs(Integrate(dimensions, 1 << 14) - 1);
        double monteCarloSmall = Math.Sqrt(variance / (1 << 10));
        double monteCarloLarge = Math.Sqrt(variance / (1 << 14));
        // Measured: 4.6e-3 at 2^10 (MC 4.3e-2) and 9.4e-4 at 2^14 (MC 1.06e-2): the lead over Monte Carlo grows with N.
        Assert.True(errorSmall < monteCarloSmall / 4, $"2^10: Sobol error {errorSmall:E3} vs MC standard error {monteCarloSmall:E3}");
        Assert.True(errorLarge < monteCarloLarge / 10, $"2^14: Sobol error {errorLarge:E3} vs MC standard error {monteCarloLarge:E3}");
    }

    [Fact]
    public void ArgumentsOutsideTheTableAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Generate(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Generate(SobolSequence.MaxDimensions + 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Generate(2, -1));
        Assert.Empty(SobolSequence.Generate(2, 0));
    }

    private static double Integrate(int dimensions, int n)
    {
        double sum = 0;
        foreach (double[] p in SobolSequence.Generate(dimensions, n))
        {
            double f = 1;
            foreach (double x in p) f *= Math.PI / 2 * Math.Sin(Math.PI * x);
            sum += f;
        }
        return sum / n;
    }

    // x is a generator of GF(2)[x]/p exactly when its order is 2^s − 1 (p = x^s + a_1 x^(s−1) + … + 1).
    private static bool IsPrimitive(int s, uint a)
    {
        if (s == 1) return a == 0;
        ulong p = (1UL << s) | ((ulong)a << 1) | 1UL;
        ulong order = (1UL << s) - 1;
        if (PowerOfX(order, s, p) != 1) return false;
        ulong rest = order;
        for (ulong f = 2; f * f <= rest; f++)
        {
            if (rest % f != 0) continue;
            if (PowerOfX(order / f, s, p) == 1) return false;
            while (rest % f == 0) rest /= f;
        }
        return rest == 1 || PowerOfX(order / rest, s, p) != 1;
    }

    private static ulong PowerOfX(ulong exponent, int s, ulong p)
    {
        ulong result = 1, b = 2;
        while (exponent > 0)
        {
            if ((exponent & 1) != 0) result = MultiplyMod(result, b, s, p);
            b = MultiplyMod(b, b, s, p);
            exponent >>= 1;
        }
        return result;
    }

    private static ulong MultiplyMod(ulong u, ulong v, int s, ulong p)
    {
        ulong r = 0;
        while (v != 0)
        {
            if ((v & 1) != 0) r ^= u;
            v >>= 1;
            u <<= 1;
            if (((u >> s) & 1) != 0) u ^= p;
        }
        return r;
    }

    // Number of primitive polynomials of degree s over GF(2): φ(2^s − 1)/s.
    private static int PrimitiveCount(int s)
    {
        long n = (1L << s) - 1, phi = n, rest = n;
        for (long f = 2; f * f <= rest; f++)
        {
            if (rest % f != 0) continue;
            while (rest % f == 0) rest /= f;
            phi -= phi / f;
        }
        if (rest > 1) phi -= phi / rest;
        return (int)(phi / s);
    }
}
