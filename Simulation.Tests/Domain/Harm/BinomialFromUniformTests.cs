using MathNet.Numerics.Distributions;
using Simulation.Core.Domain.Harm;

namespace Simulation.Tests.Domain.Harm;

/// <summary>
/// The single-uniform binomial used for deaths: inversion of the binomial CDF, so the draw for u is the
/// smallest x with F(x) ≥ u. Checked against MathNet's CDF on a grid of u, exactly.
/// </summary>
public class BinomialFromUniformTests
{
    [Theory]
    [InlineData(1, 0.3)]
    [InlineData(5, 0.01)]
    [InlineData(12, 0.5)]
    [InlineData(40, 0.05)]
    [InlineData(80, 0.002)]
    [InlineData(60, 0.7)]
    public void TheDrawIsTheSmallestCountWhoseCdfReachesTheUniform(int n, double p)
    {
        var cdf = new double[n + 1];
        for (int x = 0; x <= n; x++) cdf[x] = Binomial.CDF(p, n, x);
        int checkedDraws = 0;
        for (int i = 0; i < 4000; i++)
        {
            double u = (i + 0.5) / 4000;
            int expected = 0;
            while (expected < n && cdf[expected] < u) expected++;
            // Skip a u within rounding of a CDF step: the model's running sum and MathNet may round differently there.
            if (Math.Abs(cdf[expected] - u) < 1e-9 || (expected > 0 && Math.Abs(cdf[expected - 1] - u) < 1e-9)) continue;
            Assert.True(expected == HarmModel.BinomialFromUniform(u, n, p), $"n {n}, p {p}, u {u}: expected {expected}, drew {HarmModel.BinomialFromUniform(u, n, p)}");
            checkedDraws++;
        }
        Assert.True(checkedDraws > 3900);
    }

    [Fact]
    public void EdgeCasesFollowTheRule()
    {
        Assert.Equal(0, HarmModel.BinomialFromUniform(0.999, 0, 0.5));
        Assert.Equal(0, HarmModel.BinomialFromUniform(0.999, 10, 0.0));
        Assert.Equal(10, HarmModel.BinomialFromUniform(0.001, 10, 1.0));
        // u just above F(0) = q^n gives 1, just below gives 0.
        double f0 = Math.Pow(0.9, 20);
        Assert.Equal(0, HarmModel.BinomialFromUniform(f0 - 1e-6, 20, 0.1));
        Assert.Equal(1, HarmModel.BinomialFromUniform(f0 + 1e-6, 20, 0.1));
        // u at the very top can give at most n.
        Assert.Equal(3, HarmModel.BinomialFromUniform(1.0, 3, 0.2));
    }
}
