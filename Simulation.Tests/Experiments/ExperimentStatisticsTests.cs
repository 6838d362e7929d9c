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

    [Fact]
    public void NextTargetRoundsAwayFloatingPointNoiseAndRespectsBatchAndCap()
    {
        var target = new PrecisionTarget(0.01, Simulation.Core.Domain.Metrics.Metric.ArrivalsUk, 10_000);
        // 100 · (0.02 / 0.01)² · 1.1 is 440.00000000000006 in floating point: 440, not 441.
        Assert.Equal(440, PrecisionEvaluation.NextTarget(100, 10, 0.02, target));
        // A genuine fraction still rounds up: 100 · 1.5² · 1.1 = 247.5 -> 248.
        Assert.Equal(248, PrecisionEvaluation.NextTarget(100, 10, 0.015, target));
        // The estimate is below the current count plus one first batch: one more batch (here 30).
        Assert.Equal(130, PrecisionEvaluation.NextTarget(100, 30, 0.0101, target));
        // An estimate at or beyond the cap asks for the cap, never more.
        var small = new PrecisionTarget(0.01, Simulation.Core.Domain.Metrics.Metric.ArrivalsUk, 300);
        Assert.Equal(300, PrecisionEvaluation.NextTarget(100, 10, 0.02, small));
        Assert.Equal(300, PrecisionEvaluation.NextTarget(295, 10, 0.0101, small));
        Assert.Equal(300, PrecisionEvaluation.NextTarget(100, 10, double.NaN, small));
        // Exactly at the cap: 250 · 1.1 · (0.0104 / 0.01)² ≈ 297.4 -> 298 (below the cap of 300 by the estimate).
        Assert.Equal(298, PrecisionEvaluation.NextTarget(250, 10, 0.0104, small));
    }

    [Fact]
    public void UndefinedStatisticsAreNaNOrInfinityNotExceptions()
    {
        Assert.True(double.IsNaN(ExperimentStatistics.TQuantile975(1)));
        Assert.True(double.IsNaN(ExperimentStatistics.TQuantile975(0)));
        Assert.Equal(12.706205, ExperimentStatistics.TQuantile975(2), 5);
        Assert.Equal(1.959964, ExperimentStatistics.TQuantile975(1_000_000), 3);
        (double mean, double variance) = ExperimentStatistics.MeanVariance([]);
        Assert.True(double.IsNaN(mean) && double.IsNaN(variance));
        Assert.True(double.IsNaN(ExperimentStatistics.Quantile([], 0.5)));
        MetricSummary empty = ExperimentStatistics.Summarise([]);
        Assert.Equal(0, empty.N);
        Assert.True(double.IsNaN(empty.Mean) && double.IsNaN(empty.P50));
        // Relative half-width: against |reference|, infinite when it cannot be formed.
        Assert.Equal(0.25, ExperimentStatistics.RelativeHalfWidth(1, -4));
        Assert.Equal(0.25, ExperimentStatistics.RelativeHalfWidth(1, 4));
        Assert.Equal(double.PositiveInfinity, ExperimentStatistics.RelativeHalfWidth(1, 0));
        Assert.Equal(double.PositiveInfinity, ExperimentStatistics.RelativeHalfWidth(double.NaN, 4));
        Assert.Equal(double.PositiveInfinity, ExperimentStatistics.RelativeHalfWidth(1, double.NaN));
        Assert.Equal(double.PositiveInfinity, ExperimentStatistics.RelativeHalfWidth(double.PositiveInfinity, 4));
        Assert.Equal(0, ExperimentStatistics.RelativeHalfWidth(0, 4));
    }

    [Fact]
    public void PairedSamplesOfDifferentLengthAreRefused()
    {
        Assert.Throws<ArgumentException>(() => ExperimentStatistics.Compare([1, 2, 3], [1, 2]));
        PairedComparison none = ExperimentStatistics.Compare([], []);
        Assert.Equal(0, none.N);
        Assert.True(double.IsNaN(none.PLower));
    }

    [Fact]
    public void TiesCountHalfAsLowerAndTheVarianceRatioUsesBothSamples()
    {
        // d = {0, -2, 1, -1}: lower in 2 of 4 and one tie, which counts half: p_lower = 2.5 / 4. var(a) = 20/3 (a = 10, 12, 14, 16),
        // var(b) = 25/3 (b = 10, 10, 15, 15), var(d) = 5/3 (mean -0.5, squares 0.25 + 2.25 + 2.25 + 0.25 = 5, / 3),
        // so VR = (20/3 + 25/3) / (5/3) = 9.
        PairedComparison c = ExperimentStatistics.Compare([10, 12, 14, 16], [10, 10, 15, 15]);
        Assert.Equal(0.625, c.PLower);
        Assert.Equal(-0.5, c.MeanDiff, Tolerance);
        Assert.Equal(9, c.VarianceReduction, Tolerance);
        Assert.Equal(4, c.N);
    }

    [Fact]
    public void TwoValuesHaveAVarianceAndUnsortedValuesGiveTheSameQuantiles()
    {
        (double mean, double variance) = ExperimentStatistics.MeanVariance([1, 3]);
        Assert.Equal(2, mean);
        Assert.Equal(2, variance);
        MetricSummary sorted = ExperimentStatistics.Summarise([2, 4, 4, 4, 5, 5, 7, 9]);
        MetricSummary shuffled = ExperimentStatistics.Summarise([9, 4, 2, 5, 7, 4, 5, 4]);
        Assert.Equal(sorted, shuffled);
        Assert.Equal(2.7, shuffled.P05, Tolerance);
        var e = Assert.Throws<ArgumentException>(() => ExperimentStatistics.Compare([1, 2, 3], [1, 2]));
        Assert.StartsWith("Paired samples must have the same length.", e.Message, StringComparison.Ordinal);
    }
}
