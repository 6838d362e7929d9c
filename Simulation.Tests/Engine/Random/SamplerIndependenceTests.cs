using MathNet.Numerics.Distributions;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Engine.Random;

/// <summary>
/// Successive draws of every sampler must be independent, not only correctly distributed:
/// <see cref="SamplerTests"/> checks shape alone, and a sampler that returned each normal twice
/// (the polar method's spare handed out again) passed its normal, log-normal and gamma tests.
/// Two checks on n = 200,000 draws at a fixed seed:
/// <list type="bullet">
/// <item>Lag-1 autocorrelation r₁. Under independence r₁ is approximately Normal(−1/n, 1/n), so
/// |r₁| ≤ 4/√n (4 standard errors, 0.0089) fails a correct sampler with probability 6e-5;
/// a value returned twice gives r₁ ≈ 0.5.</item>
/// <item>Pairs: non-overlapping pairs (x₂ᵢ, x₂ᵢ₊₁) binned by the sample's own deciles into a
/// 10 × 10 table; Pearson's chi-square test of independence (81 degrees of freedom) must give
/// p &gt; 0.001. It also sees dependence that does not show as correlation.</item>
/// </list>
/// </summary>
[Trait("Category", "Statistical")]
public class SamplerIndependenceTests
{
    private const int Draws = 200_000;
    private const double StandardErrors = 4.0;
    private const double MinPValue = 0.001;

    public static TheoryData<string> Samplers => new(SamplerNames.Keys);

    private static readonly Dictionary<string, Func<RandomStream, double>> SamplerNames = new()
    {
        ["uniform"] = r => Simulation.Core.Engine.Random.Samplers.Uniform(r, 2, 5),
        ["exponential"] = r => Simulation.Core.Engine.Random.Samplers.Exponential(r, 3),
        ["standard_normal"] = Simulation.Core.Engine.Random.Samplers.StandardNormal,
        ["normal"] = r => Simulation.Core.Engine.Random.Samplers.Normal(r, 1.5, 2),
        ["log_normal"] = r => Simulation.Core.Engine.Random.Samplers.LogNormal(r, 0.5, 0.6),
        ["gamma_shape_below_one"] = r => Simulation.Core.Engine.Random.Samplers.Gamma(r, 0.4, 2),
        ["gamma_shape_above_one"] = r => Simulation.Core.Engine.Random.Samplers.Gamma(r, 3.5, 1.5),
        ["beta"] = r => Simulation.Core.Engine.Random.Samplers.Beta(r, 2, 5),
        ["poisson_small_mean"] = r => Simulation.Core.Engine.Random.Samplers.Poisson(r, 4),
        ["poisson_large_mean"] = r => Simulation.Core.Engine.Random.Samplers.Poisson(r, 50),
        ["binomial_small_n"] = r => Simulation.Core.Engine.Random.Samplers.Binomial(r, 20, 0.3),
        ["binomial_large_n"] = r => Simulation.Core.Engine.Random.Samplers.Binomial(r, 1000, 0.4),
        ["negative_binomial"] = r => Simulation.Core.Engine.Random.Samplers.NegativeBinomial(r, 3, 0.4),
        ["bernoulli"] = r => Simulation.Core.Engine.Random.Samplers.Bernoulli(r, 0.3) ? 1 : 0,
        ["categorical"] = r => Simulation.Core.Engine.Random.Samplers.Categorical(r, [1.0, 3.0, 3.0, 6.0, 6.5]),
    };

    private static double[] Draw(string sampler)
    {
        var rng = new RandomStream(20_240_101);
        var x = new double[Draws];
        for (int i = 0; i < x.Length; i++) x[i] = SamplerNames[sampler](rng);
        return x;
    }

    /// <summary>Lag-1 sample autocorrelation.</summary>
    internal static double LagOneAutocorrelation(double[] x)
    {
        double mean = x.Average();
        double numerator = 0, denominator = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            denominator += d * d;
            if (i + 1 < x.Length) numerator += d * (x[i + 1] - mean);
        }
        return numerator / denominator;
    }

    /// <summary>p-value of Pearson's chi-square test of independence of consecutive non-overlapping pairs, binned by deciles.</summary>
    internal static double PairsIndependencePValue(double[] x)
    {
        double[] sorted = (double[])x.Clone();
        Array.Sort(sorted);
        // Cut points at the sample deciles; equal cut points (a discrete sampler's ties) merge bins.
        var cuts = new List<double>();
        for (int k = 1; k < 10; k++)
        {
            double cut = sorted[k * sorted.Length / 10];
            if ((cuts.Count == 0 || cut > cuts[^1]) && cut > sorted[0]) cuts.Add(cut);
        }
        int bins = cuts.Count + 1;
        int Bin(double v)
        {
            int b = 0;
            while (b < cuts.Count && v >= cuts[b]) b++;
            return b;
        }
        var table = new double[bins, bins];
        var rows = new double[bins];
        var cols = new double[bins];
        int pairs = x.Length / 2;
        for (int i = 0; i < pairs; i++)
        {
            int a = Bin(x[2 * i]), b = Bin(x[2 * i + 1]);
            table[a, b]++;
            rows[a]++;
            cols[b]++;
        }
        double chi2 = 0;
        for (int a = 0; a < bins; a++)
        {
            for (int b = 0; b < bins; b++)
            {
                double expected = rows[a] * cols[b] / pairs;
                chi2 += (table[a, b] - expected) * (table[a, b] - expected) / expected;
            }
        }
        Assert.True(bins >= 2, "every draw was equal: nothing to test");
        return 1 - ChiSquared.CDF((bins - 1) * (bins - 1), chi2);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void SuccessiveDrawsAreUncorrelated(string sampler)
    {
        double[] x = Draw(sampler);
        double r1 = LagOneAutocorrelation(x);
        double bound = StandardErrors / Math.Sqrt(x.Length);
        Assert.True(Math.Abs(r1) <= bound, $"{sampler}: lag-1 autocorrelation {r1:F5} outside ±{bound:F5}");
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void ConsecutivePairsAreIndependent(string sampler)
    {
        double p = PairsIndependencePValue(Draw(sampler));
        Assert.True(p > MinPValue, $"{sampler}: pairs of successive draws are dependent, p = {p}");
    }

    [Fact]
    public void TheChecksSeeAValueReturnedTwice()
    {
        // The bug these tests exist for, built in the test from raw uniforms (so it does not depend
        // on the samplers under test): every value handed out twice.
        var rng = new RandomStream(7);
        var x = new double[Draws];
        for (int i = 0; i < x.Length; i += 2) x[i] = x[i + 1] = rng.NextDouble();
        Assert.InRange(LagOneAutocorrelation(x), 0.45, 0.55);
        Assert.True(PairsIndependencePValue(x) < 1e-100);
    }
}
