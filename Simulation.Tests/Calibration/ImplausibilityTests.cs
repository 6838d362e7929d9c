using System.Collections.Immutable;
using Simulation.Core.Calibration;

namespace Simulation.Tests.Calibration;

/// <summary>Implausibility, the two rules and the confirmation test, with values worked out by hand.</summary>
public class ImplausibilityTests
{
    [Fact]
    public void ImplausibilityDividesTheMissByObservationDiscrepancyAndTheMeansVariance()
    {
        // √(1² + 2² + 4²/4) = √9 = 3; |100 − 94| / 3 = 2.
        Assert.Equal(2.0, Implausibility.Of(100, 94, 4, 4, 1, 2), 12);
        // The simulation term shrinks with n: √(1 + 4 + 16/16) = √6.
        Assert.Equal(6 / Math.Sqrt(6), Implausibility.Of(100, 94, 4, 16, 1, 2), 12);
        // A miss in either direction counts the same.
        Assert.Equal(2.0, Implausibility.Of(100, 106, 4, 4, 1, 2), 12);
    }

    [Fact]
    public void RobustImplausibilityAddsThreeStandardErrorsToTheMiss()
    {
        // SE = 2/√4 = 1, margin 3; (|100 − 96| + 3) / √(1 + 4) = 7/√5 ≈ 3.1305.
        Assert.Equal(7 / Math.Sqrt(5), Implausibility.Robust(100, 96, 2, 4, 1, 2), 12);
        Assert.Equal(6 / Math.Sqrt(5), Implausibility.Robust(100, 97, 2, 4, 1, 2), 12);
    }

    [Theory]
    [InlineData(new[] { 1.0, 5.0, 3.0 }, 5.0, 3.0)]
    [InlineData(new[] { 4.0, 4.0, 1.0 }, 4.0, 4.0)]
    [InlineData(new[] { 2.5 }, 2.5, 2.5)]
    [InlineData(new[] { 0.0, 0.0 }, 0.0, 0.0)]
    public void LargestAndSecondLargest(double[] values, double largest, double second)
    {
        Assert.Equal(largest, Implausibility.Largest(values));
        Assert.Equal(second, Implausibility.SecondLargest(values));
    }

    [Fact]
    public void AnUndefinedImplausibilityNeverPasses()
    {
        Assert.True(double.IsNaN(Implausibility.Largest([1, double.NaN])));
        // Second-largest waives one target: one NaN is waived, two are not.
        Assert.Equal(1.0, Implausibility.SecondLargest([1, double.NaN, 0.5]));
        Assert.True(double.IsNaN(Implausibility.SecondLargest([1, double.NaN, double.NaN])));
        Assert.False(Implausibility.Passes([1, double.NaN], ImplausibilityRule.Maximum, 3));
    }

    [Fact]
    public void SecondMaximumRuleForgivesOneMissedTargetButNotTwo()
    {
        CalibrationSpec max = CalibrationSpecs.Small(ImplausibilityRule.Maximum);
        CalibrationSpec second = CalibrationSpecs.Small(ImplausibilityRule.SecondMaximum);
        // t1: |100 − 88| / 3 = 4; t2: |50 − 45| / √(9 + 16) = 1; t3: 0.
        double[] means = [88, 45, 10];
        double[] sds = [4, 0, 0];
        CalibrationPoint byMax = CalibrationSpecs.Point(max, 1, 0, [0.5, 15], means, sds);
        CalibrationPoint bySecond = CalibrationSpecs.Point(second, 1, 0, [0.5, 15], means, sds);
        Assert.Equal(new[] { 4.0, 1.0, 0.0 }, byMax.Implausibilities.Select(v => Math.Round(v, 12)));
        Assert.Equal(4.0, byMax.MaxImplausibility, 12);
        Assert.Equal(1.0, byMax.SecondMaxImplausibility, 12);
        Assert.False(byMax.NonImplausible);
        Assert.True(bySecond.NonImplausible);
        // t2 missing too (|50 − 30| / 5 = 4): the second-largest is 4 and the point is out under both rules.
        Assert.False(CalibrationSpecs.Point(second, 1, 0, [0.5, 15], [88, 30, 10], sds).NonImplausible);
    }

    [Fact]
    public void TheCutoffIsInclusive()
    {
        // t1: |100 − 91| / 3 = 3 exactly.
        Assert.True(CalibrationSpecs.Point(CalibrationSpecs.Small(), 1, 0, [0.5, 15], [91, 50, 10], [4, 0, 0]).NonImplausible);
        Assert.False(CalibrationSpecs.Point(CalibrationSpecs.Small(), 1, 0, [0.5, 15], [90.9, 50, 10], [4, 0, 0]).NonImplausible);
    }

    [Fact]
    public void ConfirmationNeedsTheWholeThreeStandardErrorIntervalInsideTheBand()
    {
        CalibrationSpec spec = CalibrationSpecs.Small();
        CalibrationPoint point = CalibrationSpecs.Point(spec, 1, 0, [0.5, 15], [94, 50, 10], [4, 0, 0]);
        Assert.True(point.NonImplausible);
        // t1 robust: (4 + 3) / √5 ≈ 3.13 > 3: not confirmed although its plain implausibility at n = 4 would be 4/√(5 + 1) ≈ 1.6.
        CalibrationPoint near = point.WithConfirmation(spec, [96, 50, 10], [2, 0, 0], 4);
        Assert.False(near.Confirmed);
        Assert.Equal(7 / Math.Sqrt(5), near.RobustImplausibilities[0], 12);
        // (3 + 3) / √5 ≈ 2.68: confirmed.
        Assert.True(point.WithConfirmation(spec, [97, 50, 10], [2, 0, 0], 4).Confirmed);
        // An implausible point is never confirmed, whatever its confirmation runs say.
        CalibrationPoint implausible = CalibrationSpecs.Point(spec, 1, 0, [0.5, 15], [80, 50, 10], [4, 0, 0]);
        Assert.False(implausible.WithConfirmation(spec, [100, 50, 10], [0, 0, 0], 20).Confirmed);
    }

    [Fact]
    public void StoppingRules()
    {
        Assert.Equal(CalibrationStopping.TargetPlausibleReached, CalibrationStopping.Reason(150, 1, 150, 4));
        Assert.Equal(CalibrationStopping.TargetPlausibleReached, CalibrationStopping.Reason(151, 4, 150, 4));
        Assert.Null(CalibrationStopping.Reason(149, 3, 150, 4));
        Assert.Equal(CalibrationStopping.MaxWavesReached, CalibrationStopping.Reason(149, 4, 150, 4));
        Assert.Equal(CalibrationStopping.MaxWavesReached, CalibrationStopping.Reason(0, 1, 150, 1));
    }

    [Fact]
    public void AWavesRowReadsBackToTheSamePointAndATamperedImplausibilityIsRefused()
    {
        CalibrationSpec spec = CalibrationSpecs.Small();
        CalibrationPoint point = CalibrationSpecs.Point(spec, 2, 7, [0.1234567890123, 13], [94.25, 50.5, 10.125], [4.5, 1.25, 0.5])
            .WithConfirmation(spec, [97.5, 50, 10], [2, 1, 0.25], 20);
        string header = CalibrationTable.HeaderLine(spec);
        string row = CalibrationTable.Row(spec, point);
        List<CalibrationPoint> back = CalibrationTable.Parse([header, row], "w.csv", spec, 4, 20);
        Assert.Equal(row, CalibrationTable.Row(spec, Assert.Single(back)));
        Assert.StartsWith("2,7,0.1234567890123,13,", row, StringComparison.Ordinal);
        string[] cells = row.Split(',');
        int i1 = Array.IndexOf(header.Split(','), "I_t1");
        cells[i1] = "0.5";
        Assert.Throws<InvalidDataException>(() => CalibrationTable.Parse([header, string.Join(',', cells)], "w.csv", spec, 4, 20));
        // Other replication counts give other implausibilities: the rows do not follow.
        Assert.Throws<InvalidDataException>(() => CalibrationTable.Parse([header, row], "w.csv", spec, 5, 20));
    }
}
