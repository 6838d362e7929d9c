using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

public class ExperimentStatisticsTests
{
    // Hand calculations are carried to 6-7 significant digits, hence the 1e-5 tolerance.
    private const double Tolerance = 1e-5;

    [Fact]
    public void SummaryMatchesAHandCalculation()
    {
        // mean 5; sample variance 32/7; t(0.975, 7) = 2.364624; half-width 2.364624 · √(32/7) / √8 = 1.787487.
        // R7 quantiles of the sorted data: p05 at h = 0.35 → 2 + 0.35·2 = 2.7; p50 = 4.5; p95 at h = 6.65 → 7 + 0.65·2 = 8.3.
        MetricSummary s = ExperimentStatistics.Summarise([2, 4, 4, 4, 5, 5, 7, 9]);
        Assert.Equal(5, s.Mean, Tolerance);
        Assert.Equal(Math.Sqrt(32.0 / 7), s.Sd, Tolerance);
        Assert.Equal(5 - 1.787487, s.Ci95Low, Tolerance);
        Assert.Equal(5 + 1.787487, s.Ci95High, Tolerance);
        Assert.Equal(2.7, s.P05, Tolerance);
        Assert.Equal(4.5, s.P50, Tolerance);
        Assert.Equal(8.3, s.P95, Tolerance);
        Assert.Equal(8, s.N);
    }

    [Fact]
    public void PairedDifferenceMatchesAHandCalculation()
    {
        // d = policy − baseline = {-1, 0, -3}: mean -4/3, variance 7/3; t(0.975, 2) = 4.302653;
        // half-width 4.302653 · √(7/3) / √3 = 3.794583. var(a) = 4, var(b) = 7/3, so VR = (4 + 7/3) / (7/3) = 19/7.
        PairedComparison c = ExperimentStatistics.Compare([10, 12, 14], [9, 12, 11]);
        Assert.Equal(-4.0 / 3, c.MeanDiff, Tolerance);
        Assert.Equal(-4.0 / 3 - 3.794583, c.Ci95Low, Tolerance);
        Assert.Equal(-4.0 / 3 + 3.794583, c.Ci95High, Tolerance);
        // Two lower, one tie (counted half).
        Assert.Equal(2.5 / 3, c.PLower, Tolerance);
        Assert.Equal(19.0 / 7, c.VarianceReduction, Tolerance);
    }

    [Fact]
    public void ZeroVarianceDifferenceHasNoVarianceReduction()
    {
        PairedComparison c = ExperimentStatistics.Compare([1, 2, 3], [2, 3, 4]);
        Assert.Equal(1, c.MeanDiff);
        Assert.True(double.IsNaN(c.VarianceReduction));
        Assert.Equal(0, c.PLower);
    }

    [Fact]
    public void TiesCountHalfSoAnUnchangedMetricSitsAtOneHalf()
    {
        Assert.Equal(0.5, ExperimentStatistics.Compare([3, 0, 7], [3, 0, 7]).PLower);
        Assert.Equal(0.625, ExperimentStatistics.Compare([0, 0, 0, 0], [0, 0, 0, -1]).PLower);
    }

    [Fact]
    public void OneReplicationHasAMeanButNoInterval()
    {
        MetricSummary s = ExperimentStatistics.Summarise([3.5]);
        Assert.Equal(3.5, s.Mean);
        Assert.True(double.IsNaN(s.Sd));
        Assert.True(double.IsNaN(s.Ci95Low));
    }

    [Fact]
    public void NextPrecisionTargetFollowsTheSquareRootLaw()
    {
        var target = new PrecisionTarget(0.01, Simulation.Core.Domain.Metrics.Metric.ArrivalsUk, 10_000);
        // h = 0.02 at n = 100 needs about 4× the replications: 100 · 4 · 1.1 = 440.
        Assert.Equal(440, PrecisionEvaluation.NextTarget(100, 100, 0.02, target));
        // Close to the target: at least one more first batch.
        Assert.Equal(200, PrecisionEvaluation.NextTarget(100, 100, 0.0101, target));
        // Never beyond the cap.
        Assert.Equal(10_000, PrecisionEvaluation.NextTarget(100, 100, double.PositiveInfinity, target));
    }
}
