using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Returns;

namespace Simulation.Tests.Domain.Returns;

/// <summary>
/// Returns after arrival on their own: each arrival of n people sends Binomial(n, removals share) back,
/// from the scheme's start date, and they reach the coast after the return delay rounded to whole days
/// (at least one). Nobody gives up, so every returned person is counted on the day they are back.
/// </summary>
public class ReturnsMechanismTests
{
    private static (MechanismWorld World, ReturnsAfterArrival Returns, Simulation.Core.Domain.Demand.Camp Camp) Build(params (string, object)[] changes)
    {
        var world = new MechanismWorld(TestParameters.Short(30, [("calendar.start_date", new DateOnly(2024, 8, 1)),
            ("demand.initial_people_on_coast", 0), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.give_up_probability", 0.0),
            ("demand.wait_give_up_rate_per_week", 0.0), ("returns.removals.enabled", false), ("returns.one_in_one_out.enabled", false), .. changes]));
        var (camp, _, _) = world.Outcomes();
        var returns = new ReturnsAfterArrival(world.Ctx, camp);
        returns.Reset();
        return (world, returns, camp);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void RemovalsSendBackTheirShareOfEachArrivalAfterTheRoundedDelay()
    {
        // 2,000 arrivals of 50 on day 2 with share 0.2: 20,000 expected back, SE √(100,000 × 0.2 × 0.8) = 126;
        // a 5% error (1,000) is 7.9 SE away. Tolerance 4 SE. A delay of 2.6 days rounds to 3: back on day 5.
        var (world, returns, camp) = Build(("returns.removals.enabled", true), ("returns.removals.start_date", new DateOnly(2024, 8, 1)),
            ("returns.removals.share_of_arrivals_probability", 0.2), ("returns.return_delay_days", 2.6));
        returns.StartDay(2);
        for (int i = 0; i < 2000; i++) returns.AfterArrival(50, 2);
        for (int d = 0; d < 5; d++) camp.StartDay(d);
        Assert.Equal(0, world.Tallied()[Metric.ReturnedAfterArrival]);
        camp.StartDay(5);
        double back = world.Tallied()[Metric.ReturnedAfterArrival], se = Math.Sqrt(100_000 * 0.2 * 0.8);
        Assert.InRange(back, 20_000 - 4 * se, 20_000 + 4 * se);
    }

    [Fact]
    public void NothingIsReturnedBeforeTheStartDateOrWhenTheDelayEndsAfterTheHorizon()
    {
        var (world, returns, camp) = Build(("returns.removals.enabled", true), ("returns.removals.start_date", new DateOnly(2024, 8, 10)),
            ("returns.removals.share_of_arrivals_probability", 1.0), ("returns.return_delay_days", 1.0));
        returns.AfterArrival(100, 8);          // 9 Aug: before the start
        returns.AfterArrival(100, 29);         // back on day 30, after the horizon
        returns.AfterArrival(7, 9);            // 10 Aug: all 7 back on day 10
        for (int d = 0; d < 30; d++) camp.StartDay(d);
        Assert.Equal(7, world.Tallied()[Metric.ReturnedAfterArrival]);
    }

    [Fact]
    public void TheTraceMarksThePeopleBackOnTheCoastOnTheDayTheyAreBack()
    {
        // 12 people returned after arriving on day 3, one day's delay: one camp row, written on day 4, with 12.
        var (world, returns, camp) = Build(("returns.removals.enabled", true), ("returns.removals.start_date", new DateOnly(2024, 8, 1)),
            ("returns.removals.share_of_arrivals_probability", 1.0), ("returns.return_delay_days", 1.0));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        returns.AfterArrival(12, 3);
        for (int d = 0; d < 6; d++)
        {
            camp.StartDay(d);
            Assert.Equal(d >= 4 ? 1 : 0, trace.Rows.Count(r => r.Event == "returned_after_arrival"));
        }
        var row = trace.Rows.Single(r => r.Event == "returned_after_arrival");
        Assert.Equal(("camp", 12, "back_on_coast"), (row.Entity, row.People, row.Outcome));
    }

    [Fact]
    public void AReturnDelayBelowOneDayStillTakesADay()
    {
        var (world, returns, camp) = Build(("returns.removals.enabled", true), ("returns.removals.start_date", new DateOnly(2024, 8, 1)),
            ("returns.removals.share_of_arrivals_probability", 1.0), ("returns.return_delay_days", 0.2));
        returns.AfterArrival(12, 3);
        camp.StartDay(3);
        Assert.Equal(0, world.Tallied()[Metric.ReturnedAfterArrival]);
        camp.StartDay(4);
        Assert.Equal(12, world.Tallied()[Metric.ReturnedAfterArrival]);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void OneInOneOutTakesItsEligibleShareUpToTheWeeklyCap()
    {
        // Eligible share 0.3 of 20 arrivals of 10 (200 people, 60 expected eligible, SE 6.5) under a cap of
        // 1,000 a week: the eligible share binds. Then the same week, 500 more arrivals of 10 with a cap that
        // allows 1,000 in total: exactly 1,000 − (the first 60-odd) more.
        var (world, returns, camp) = Build(("returns.one_in_one_out.enabled", true), ("returns.one_in_one_out.start_date", new DateOnly(2024, 8, 1)),
            ("returns.one_in_one_out.eligible_share", 0.3), ("returns.one_in_one_out.weekly_cap_people", 1000.0), ("returns.return_delay_days", 1.0));
        for (int i = 0; i < 20; i++) returns.AfterArrival(10, 0);
        camp.StartDay(0);
        camp.StartDay(1);
        double first = world.Tallied()[Metric.ReturnedAfterArrival], se = Math.Sqrt(200 * 0.3 * 0.7);
        Assert.InRange(first, 60 - 4 * se, 60 + 4 * se);
        for (int i = 0; i < 500; i++) returns.AfterArrival(10, 1);
        camp.StartDay(2);
        Assert.Equal(1000, world.Tallied()[Metric.ReturnedAfterArrival]);
        // A new week (day 7) has a new allowance.
        returns.AfterArrival(100, 7);
        for (int d = 3; d <= 8; d++) camp.StartDay(d);
        Assert.True(world.Tallied()[Metric.ReturnedAfterArrival] > 1000);
    }

    [Fact]
    public void OneInOneOutChoosesOnlyAmongThePeopleNotAlreadyRemoved()
    {
        // Removals take a share first; one in, one out then draws its eligible people from the rest, so
        // with every remaining arrival eligible and a cap that does not bind, each arrival is returned
        // whole: never more people than arrived.
        var (world, returns, camp) = Build(("returns.removals.enabled", true), ("returns.removals.start_date", new DateOnly(2024, 8, 1)),
            ("returns.removals.share_of_arrivals_probability", 0.5), ("returns.one_in_one_out.enabled", true),
            ("returns.one_in_one_out.start_date", new DateOnly(2024, 8, 1)), ("returns.one_in_one_out.eligible_share", 1.0),
            ("returns.one_in_one_out.weekly_cap_people", 100_000.0), ("returns.return_delay_days", 1.0));
        for (int i = 0; i < 200; i++) returns.AfterArrival(40, 0);
        camp.StartDay(0);
        camp.StartDay(1);
        Assert.Equal(8000, world.Tallied()[Metric.ReturnedAfterArrival]);
    }

    [Theory]
    [InlineData(15.5, new long[] { 15, 16, 15, 16 })]
    [InlineData(0.25, new long[] { 0, 0, 0, 1 })]
    [InlineData(4.35, new long[] { 4, 4, 5, 4 })]   // floor(4.35 × i): 4, 8, 13, 17
    public void TheWeeklyAllowanceCarriesTheFraction(double cap, long[] expected)
    {
        for (int w = 0; w < expected.Length; w++) Assert.Equal(expected[w], ReturnsAfterArrival.WeeklyAllowance(cap, w));
    }
}
