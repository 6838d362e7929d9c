using Simulation.Core.Sensitivity;

namespace Simulation.Tests.Sensitivity;

/// <summary>The Sobol and Morris estimators against test functions whose indices are known in closed form.</summary>
public class SensitivityEstimatorTests
{
    private const double IshigamiA = 7;
    private const double IshigamiB = 0.1;

    // Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1 with x_i ~ U(−π, π). Partial variances (Sobol' and Levitan 1999):
    // V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V13 = b²π⁸·8/225, V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½.
    private static (double[] First, double[] Total) IshigamiAnalytic()
    {
        double pi4 = Math.Pow(Math.PI, 4), pi8 = pi4 * pi4;
        double v1 = 0.5 * Math.Pow(1 + IshigamiB * pi4 / 5, 2);
        double v2 = IshigamiA * IshigamiA / 8;
        double v13 = IshigamiB * IshigamiB * pi8 * 8 / 225;
        double v = IshigamiA * IshigamiA / 8 + IshigamiB * pi4 / 5 + IshigamiB * IshigamiB * pi8 / 18 + 0.5;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    private static double[] IshigamiOutputs(SaltelliDesign design)
    {
        var y = new double[design.Runs];
        for (int p = 0; p < y.Length; p++)
        {
            double[] u = design.UnitPoints[p];
            double x1 = -Math.PI + 2 * Math.PI * u[0], x2 = -Math.PI + 2 * Math.PI * u[1], x3 = -Math.PI + 2 * Math.PI * u[2];
            y[p] = Math.Sin(x1) + IshigamiA * Math.Pow(Math.Sin(x2), 2) + IshigamiB * Math.Pow(x3, 4) * Math.Sin(x1);
        }
        return y;
    }

    [Fact]
    public void TheAnalyticIshigamiIndicesAreThePublishedOnes()
    {
        (double[] first, double[] total) = IshigamiAnalytic();
        Assert.Equal([0.3139, 0.4424, 0], first.Select(v => Math.Round(v, 4)));
        Assert.Equal([0.5576, 0.4424, 0.2437], total.Select(v => Math.Round(v, 4)));
    }

    // N = 2^13 base rows (40,960 evaluations): every index within 0.03 of its analytic value.
    [Fact]
    public void IshigamiIndicesAreReproducedWithinThreeHundredths()
    {
        var design = SaltelliDesign.Create(3, 1 << 13);
        (double[] first, double[] total) = SobolIndices.Estimate(design, IshigamiOutputs(design));
        (double[] exactFirst, double[] exactTotal) = IshigamiAnalytic();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(first[i] - exactFirst[i]) < 0.03, $"S1[{i + 1}] = {first[i]:F4}, analytic {exactFirst[i]:F4}");
            Assert.True(Math.Abs(total[i] - exactTotal[i]) < 0.03, $"ST[{i + 1}] = {total[i]:F4}, analytic {exactTotal[i]:F4}");
        }
    }

    // Same N, 1000 resamples, fixed seed: the 95% percentile intervals hold the analytic values and are narrow.
    [Fact]
    public void IshigamiBootstrapIntervalsContainTheAnalyticValues()
    {
        var design = SaltelliDesign.Create(3, 1 << 13);
        var indices = SobolIndices.Analyse(design, IshigamiOutputs(design), SobolIndices.DefaultResamples, seed: 2024);
        (double[] exactFirst, double[] exactTotal) = IshigamiAnalytic();
        for (int i = 0; i < 3; i++)
        {
            SobolIndex s = indices[i];
            Assert.True(s.FirstLow <= exactFirst[i] && exactFirst[i] <= s.FirstHigh, $"S1[{i + 1}]: [{s.FirstLow:F4}, {s.FirstHigh:F4}] misses {exactFirst[i]:F4}");
            Assert.True(s.TotalLow <= exactTotal[i] && exactTotal[i] <= s.TotalHigh, $"ST[{i + 1}]: [{s.TotalLow:F4}, {s.TotalHigh:F4}] misses {exactTotal[i]:F4}");
            Assert.True(s.FirstHigh - s.FirstLow < 0.1 && s.TotalHigh - s.TotalLow < 0.1, $"parameter {i + 1}: intervals wider than 0.1");
            Assert.True(s.FirstLow <= s.First && s.First <= s.FirstHigh, "the point estimate lies inside its interval");
        }
        // Same seed, same intervals.
        Assert.Equal(indices.ToArray(), SobolIndices.Analyse(design, IshigamiOutputs(design), SobolIndices.DefaultResamples, seed: 2024).ToArray());
    }

    // y = Σ c_i x_i with x_i ~ U(lo_i, hi_i): S1_i = ST_i = c_i²·Var(x_i)/Σ_j c_j²·Var(x_j), Var(x_i) = (hi_i − lo_i)²/12.
    [Fact]
    public void ALinearModelHasEqualFirstAndTotalIndicesEqualToItsVarianceShares()
    {
        double[] c = [2, -1, 0.5, 0];
        double[] lo = [0, 10, -5, 1];
        double[] hi = [1, 14, 5, 2];
        double sum = 0;
        var share = new double[c.Length];
        for (int i = 0; i < c.Length; i++) sum += share[i] = c[i] * c[i] * (hi[i] - lo[i]) * (hi[i] - lo[i]) / 12;
        for (int i = 0; i < c.Length; i++) share[i] /= sum;

        var design = SaltelliDesign.Create(c.Length, 1 << 12);
        var y = new double[design.Runs];
        for (int p = 0; p < y.Length; p++) y[p] = Linear(c, lo, hi, design.UnitPoints[p]);
        (double[] first, double[] total) = SobolIndices.Estimate(design, y);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.True(Math.Abs(first[i] - share[i]) < 0.01, $"S1[{i}] = {first[i]:F4}, exact {share[i]:F4}");
            Assert.True(Math.Abs(total[i] - share[i]) < 0.01, $"ST[{i}] = {total[i]:F4}, exact {share[i]:F4}");
        }
        Assert.Equal(0, total[3], 12); // an input the output ignores has exactly zero total effect
    }

    // On a linear model every elementary effect is c_i·(hi_i − lo_i): μ* = |c_i|·range exactly and σ = 0.
    [Fact]
    public void MorrisOnALinearModelGivesTheSlopeTimesTheRangeAndNoSpread()
    {
        double[] c = [2, -1, 0.5, 0];
        double[] lo = [0, 10, -5, 1];
        double[] hi = [1, 14, 5, 2];
        var design = MorrisDesign.Create(c.Length, trajectories: 20, MorrisDesign.DefaultLevels, seed: 7);
        var y = new double[design.Runs];
        for (int p = 0; p < y.Length; p++) y[p] = Linear(c, lo, hi, design.UnitPoints[p]);
        var effects = MorrisEffects.Estimate(design, y);
        for (int i = 0; i < c.Length; i++)
        {
            double expected = Math.Abs(c[i]) * (hi[i] - lo[i]);
            Assert.Equal(expected, effects[i].MuStar, 9);
            Assert.Equal(c[i] * (hi[i] - lo[i]), effects[i].Mu, 9);
            Assert.Equal(0, effects[i].Sigma, 9);
        }
    }

    [Fact]
    public void AMorrisTrajectoryMovesEveryParameterOnceByDeltaOnTheGrid()
    {
        const int k = 5, levels = 6;
        var design = MorrisDesign.Create(k, trajectories: 30, levels, seed: 3);
        double delta = levels / (2.0 * (levels - 1));
        Assert.Equal(delta, design.Delta);
        for (int t = 0; t < design.Trajectories; t++)
        {
            var moved = new HashSet<int>();
            for (int s = 0; s < k; s++)
            {
                double[] before = design.UnitPoints[design.Index(t, s)], after = design.UnitPoints[design.Index(t, s + 1)];
                int i = design.MovedAt(t, s);
                Assert.True(moved.Add(i), "each parameter moves once");
                Assert.Equal(delta, Math.Abs(after[i] - before[i]), 12);
                for (int j = 0; j < k; j++)
                {
                    if (j != i) Assert.Equal(before[j], after[j]);
                    double level = after[j] * (levels - 1);
                    Assert.True(Math.Abs(level - Math.Round(level)) < 1e-9 && after[j] >= 0 && after[j] <= 1, $"{after[j]} is a grid level");
                }
            }
        }
        // The design is a function of its seed.
        Assert.Equal(design.UnitPoints, MorrisDesign.Create(k, 30, levels, seed: 3).UnitPoints);
        Assert.NotEqual(design.UnitPoints, MorrisDesign.Create(k, 30, levels, seed: 4).UnitPoints);
    }

    [Fact]
    public void TheSaltelliMatricesShareTheirColumnsAsTheDesignSays()
    {
        var design = SaltelliDesign.Create(3, 8);
        Assert.Equal(8 * 5, design.Runs);
        for (int j = 0; j < 8; j++)
        {
            double[] a = design.UnitPoints[design.IndexA(j)], b = design.UnitPoints[design.IndexB(j)];
            for (int i = 0; i < 3; i++)
            {
                double[] ab = design.UnitPoints[design.IndexAB(i, j)];
                for (int c = 0; c < 3; c++) Assert.Equal(c == i ? b[c] : a[c], ab[c]);
            }
        }
        // Row 1 of the 6-dimensional sequence is (½, …, ½): A and B both start there.
        Assert.Equal([0.5, 0.5, 0.5], design.UnitPoints[design.IndexA(1)]);
    }

    [Fact]
    public void AConstantOutputHasNoIndices()
    {
        var design = SaltelliDesign.Create(2, 16);
        (double[] first, double[] total) = SobolIndices.Estimate(design, Enumerable.Repeat(5.0, design.Runs).ToArray());
        Assert.All(first.Concat(total), v => Assert.True(double.IsNaN(v)));
    }

    private static double Linear(double[] c, double[] lo, double[] hi, double[] unit)
    {
        double y = 0;
        for (int i = 0; i < c.Length; i++) y += c[i] * (lo[i] + (hi[i] - lo[i]) * unit[i]);
        return y;
    }
}
