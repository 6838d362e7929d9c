using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Policy;

namespace Simulation.Tests.Domain.Policy;

public class PolicyTimelineTests
{
    [Fact]
    public void ChangesBuildOneTypedSnapshotPerDateAndEarlyChangesApplyFromTheStart()
    {
        var p = TestParameters.With() with
        {
            Timeline =
            [
                new TimelineChange(new DateOnly(2023, 6, 1), "uk.border_force.vessels", ParameterValue.Of(7)),
                new TimelineChange(new DateOnly(2024, 7, 1), "french.maritime.doctrine", ParameterValue.Of("shallow_water")),
                new TimelineChange(new DateOnly(2024, 7, 1), "french.beach.officers_per_night", ParameterValue.Of(1200)),
                new TimelineChange(new DateOnly(2024, 11, 28), "french.maritime.doctrine", ParameterValue.Of("before_boarding")),
                new TimelineChange(new DateOnly(2026, 1, 1), "french.maritime.doctrine", ParameterValue.Of("full")),
            ],
        };
        var t = new PolicyTimeline(p, new DateOnly(2024, 1, 1), 366);
        Assert.Equal(3, t.Snapshots.Length);
        Assert.Equal(7, t.On(0).Uk.BorderForce.Vessels);
        Assert.Equal(MaritimeDoctrine.None, t.On(181).Enforcement.Doctrine);
        Assert.Equal(MaritimeDoctrine.ShallowWater, t.On(182).Enforcement.Doctrine);
        Assert.Equal(1200, t.On(300).Enforcement.OfficersPerNight);
        Assert.Equal(MaritimeDoctrine.BeforeBoarding, t.On(365).Enforcement.Doctrine);
    }

    [Fact]
    public void AChangeOnTheDayAfterTheHorizonIsNotPartOfTheRun()
    {
        // Horizon of 10 days from 1 Jan: days 0-9. A change on 10 Jan (day 9) makes a second snapshot from
        // day 9; one on 11 Jan (day 10) falls outside the run and makes none.
        static PolicyTimeline With(DateOnly date) => new(TestParameters.With() with
        {
            Timeline = [new TimelineChange(date, "uk.border_force.vessels", ParameterValue.Of(9))],
        }, new DateOnly(2024, 1, 1), 10);
        var inside = With(new DateOnly(2024, 1, 10));
        Assert.Equal(new[] { 0, 9 }, inside.StartDays.ToArray());
        Assert.Equal(9, inside.On(9).Uk.BorderForce.Vessels);
        Assert.NotEqual(9, inside.On(8).Uk.BorderForce.Vessels);
        var outside = With(new DateOnly(2024, 1, 11));
        Assert.Equal(new[] { 0 }, outside.StartDays.ToArray());
        Assert.Single(outside.Snapshots);
    }

    [Fact]
    public void AChangeToAParameterTheCatalogDoesNotHaveIsRefusedWithItsDateAndPath()
    {
        var p = TestParameters.With() with { Timeline = [new TimelineChange(new DateOnly(2024, 3, 1), "uk.border_force.boats", ParameterValue.Of(9))] };
        var e = Assert.Throws<ArgumentException>(() => new PolicyTimeline(p, new DateOnly(2024, 1, 1), 100));
        Assert.Equal("timeline 2024-03-01: unknown parameter 'uk.border_force.boats'.", e.Message);
    }

    [Fact]
    public void AChangeDatedOnTheFirstDayIsPartOfTheStartingState()
    {
        // A change on the start date applies from hour 0 as part of the first snapshot: one snapshot, no
        // change event during the run.
        var t = new PolicyTimeline(TestParameters.With() with
        {
            Timeline = [new TimelineChange(new DateOnly(2024, 1, 1), "uk.border_force.vessels", ParameterValue.Of(9))],
        }, new DateOnly(2024, 1, 1), 10);
        Assert.Single(t.Snapshots);
        Assert.Equal(new[] { 0 }, t.StartDays.ToArray());
        Assert.Equal(9, t.On(0).Uk.BorderForce.Vessels);
    }

    [Fact]
    public void SeveralChangesOnOneDateMakeOneSnapshotWithAllOfThem()
    {
        var t = new PolicyTimeline(TestParameters.With() with
        {
            Timeline =
            [
                new TimelineChange(new DateOnly(2024, 3, 1), "uk.border_force.vessels", ParameterValue.Of(9)),
                new TimelineChange(new DateOnly(2024, 3, 1), "uk.rnli.lifeboats", ParameterValue.Of(7)),
                new TimelineChange(new DateOnly(2024, 4, 1), "uk.rnli.lifeboats", ParameterValue.Of(2)),
            ],
        }, new DateOnly(2024, 1, 1), 366);
        Assert.Equal(new[] { 0, 60, 91 }, t.StartDays.ToArray());
        Assert.Equal(9, t.On(60).Uk.BorderForce.Vessels);
        Assert.Equal(7, t.On(60).Uk.Rnli.Vessels);
        Assert.Equal(9, t.On(91).Uk.BorderForce.Vessels);
        Assert.Equal(2, t.On(91).Uk.Rnli.Vessels);
    }

    [Fact]
    public void MoreVesselsFromADateCutWaitingTimes()
    {
        var few = TestParameters.With(("uk.border_force.vessels", 1), ("uk.rnli.lifeboats", 1));
        var more = few with { Timeline = [new TimelineChange(new DateOnly(2024, 2, 1), "uk.border_force.vessels", ParameterValue.Of(8))] };
        double wFew = ModelRunner.Mean(ModelRunner.Run(few, 3), Simulation.Core.Domain.Metrics.Metric.MeanWaitForRescueHours);
        double wMore = ModelRunner.Mean(ModelRunner.Run(more, 3), Simulation.Core.Domain.Metrics.Metric.MeanWaitForRescueHours);
        Assert.True(wMore < wFew, $"{wMore} >= {wFew}");
    }
}
