using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Domain.Demand;

/// <summary>
/// The camp on its own (no boats, no other mechanism): arrivals, give-up and retry after a failed
/// attempt, boarding. Expected values come from the rules in MODEL.md, not from the code.
/// </summary>
public class CampMechanismTests
{
    private static (MechanismWorld World, DeterrenceEffect Deterrence, Camp Camp) Build(int days, params (string, object)[] changes)
    {
        var p = TestParameters.With(TestParameters.With(("calendar.horizon_days", days), ("calendar.start_date", new DateOnly(2024, 1, 1)),
            ("demand.initial_people_on_coast", 0), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.wait_give_up_rate_per_week", 0.0),
            ("demand.give_up_probability", 0.0)), changes);
        var world = new MechanismWorld(p);
        var deterrence = new DeterrenceEffect(world.Ctx);
        deterrence.Reset();
        var camp = new Camp(world.Ctx, world.Weather, deterrence);
        camp.Reset();
        return (world, deterrence, camp);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void NewArrivalsFollowTheRatePerDay()
    {
        // Rule: new people arrive as a Poisson number with the day's rate. Without seasonality that is
        // 200 a day, 73,000 in a year: SE = √73,000 = 270, so a 4% error (2,920) is 10.8 SE away; tolerance 4 SE.
        var (world, _, camp) = Build(365, ("demand.new_arrivals_rate_per_day", 200.0), ("demand.seasonal_amplitude", 0.0));
        for (int d = 0; d < 365; d++) camp.StartDay(d);
        double expected = 200.0 * 365, se = Math.Sqrt(expected);
        Assert.InRange(camp.People, expected - 4 * se, expected + 4 * se);
        Assert.Equal(camp.People, world.Tallied()[Metric.PeopleNewOnCoast]);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void DeterrenceScalesNewArrivalsByItsMultiplier()
    {
        // Perceived success below the reference (only failures yesterday) makes the multiplier m < 1,
        // and the rate is rate × m. 300 a day for 100 days × m (m about 0.3) ≈ 9,000: SE ≈ 95, 5% ≈ 4.7 SE.
        var (_, deterrence, camp) = Build(100, ("demand.new_arrivals_rate_per_day", 300.0), ("demand.seasonal_amplitude", 0.0),
            ("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", 0.5), ("deterrence.memory_days", 3650.0));
        deterrence.Failure(230);
        deterrence.StartDay();
        double m = deterrence.Multiplier;
        // A prior of 100 person-outcomes at share 0.5 plus 230 failures: perceived share 50 / 330, m = (50 / 330) / 0.5.
        Assert.Equal(50.0 / 330 / 0.5, m, 1e-3);
        for (int d = 0; d < 100; d++) camp.StartDay(d);
        double expected = 300.0 * 100 * m, se = Math.Sqrt(expected);
        Assert.InRange(camp.People, expected - 4 * se, expected + 4 * se);
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.0, 0.1)]   // failures only: m < 1, people give up more
    [InlineData(1.0, 0.3)]   // successes only: m > 1, people give up less
    public void GivingUpAfterAFailedAttemptIsTheProbabilityDividedByTheDeterrenceMultiplier(double perceivedShareYesterday, double giveUp)
    {
        // Rule (MODEL.md deterrence): the give-up probability is g / m, capped at 1, where m multiplies
        // the arrival rate; perceived failure makes people leave, perceived success keeps them trying.
        var (world, deterrence, camp) = Build(30, ("demand.give_up_probability", giveUp),
            ("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", 0.5), ("deterrence.memory_days", 3650.0),
            ("deterrence.max_multiplier", 3.0));
        deterrence.Success((int)(200 * perceivedShareYesterday));
        deterrence.Failure((int)(200 * (1 - perceivedShareYesterday)));
        deterrence.StartDay();
        // Prior 100 outcomes at 0.5 and 200 new ones: perceived share (50 + 200 s) / 300, m = that / 0.5.
        double m = (50 + 200 * perceivedShareYesterday) / 300 / 0.5;
        Assert.Equal(m, deterrence.Multiplier, 1e-3);
        double p = Math.Min(1, giveUp / m);
        const int n = 40_000;
        var rng = MechanismWorld.Stream(1);
        for (int i = 0; i < n / 10; i++) camp.BackOnCoast(10, 0, 0, rng);
        // Binomial SE √(n p (1 − p)) ≈ 80 and 40; the wrong direction (g × m) is more than 50 SE away. Tolerance 4 SE.
        double expected = n * p, se = Math.Sqrt(n * p * (1 - p));
        Assert.InRange(world.Tallied()[Metric.GaveUp], expected - 4 * se, expected + 4 * se);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void PeopleRetryAfterOnePlusAPoissonNumberOfDaysAndNeverTheSameDay()
    {
        // Rule: a group that does not give up comes back after 1 + Poisson(mean − 1) days, so never on the
        // day of the failure and after `mean` days on average. 4,000 groups of 5 with mean 4: the mean delay
        // has SE √(3 / 4,000) = 0.027 days, a one-day error is 36 SE; tolerance 4 SE. Nobody is lost.
        const int groups = 4000, size = 5, days = 40;
        var (_, _, camp) = Build(days, ("demand.retry_delay_days_mean", 4.0));
        camp.StartDay(0);
        var rng = MechanismWorld.Stream(2);
        for (int i = 0; i < groups; i++) camp.BackOnCoast(size, 0, 0, rng);
        Assert.Equal(0, camp.People);
        double delaySum = 0;
        int back = 0, backAfterOneDay = 0;
        for (int d = 1; d < days; d++)
        {
            int before = camp.People;
            camp.StartDay(d);
            int joined = camp.People - before;
            if (d == 1) backAfterOneDay = joined;
            back += joined;
            delaySum += (double)d * joined;
        }
        Assert.Equal(groups * size, back + (int)(camp.PeopleAtEnd - camp.People));
        Assert.Equal(groups * size, back);   // P(delay ≥ 40) is below 1e-20
        double meanDelay = delaySum / back, se = Math.Sqrt(3.0 / groups);
        Assert.InRange(meanDelay, 4 - 4 * se, 4 + 4 * se);
        // P(delay = 1) = P(Poisson(3) = 0) = e^−3 = 0.0498 per group; SE √(0.0498 × 0.95 / 4,000) = 0.0034.
        double share = backAfterOneDay / (double)back, p1 = Math.Exp(-3);
        Assert.InRange(share, p1 - 4 * Math.Sqrt(p1 * (1 - p1) / groups), p1 + 4 * Math.Sqrt(p1 * (1 - p1) / groups));
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void WhoGivesUpAfterAFailedAttemptIsDrawnWithoutReplacementFromBothGroups()
    {
        // Rule: each person of a failed boat gives up with probability g whatever their group, so of 30
        // returned people among 100, 30 (1 − g) come back on average. 1,000 boats with g = 0.5: 15,000
        // returned people back, SE √(1,000 × 30 × 0.25) = 87 (each person's choice is exchangeable);
        // a 5% error (750) is 8.7 SE away. Tolerance 4 SE. The groups add up exactly.
        var (world, _, camp) = Build(10, ("demand.give_up_probability", 0.5), ("demand.retry_delay_days_mean", 1.0));
        camp.StartDay(0);
        var rng = MechanismWorld.Stream(5);
        for (int i = 0; i < 1000; i++) camp.BackOnCoast(100, 30, 0, rng);
        camp.StartDay(1);
        double gaveUp = world.Tallied()[Metric.GaveUp];
        Assert.Equal(100_000 - gaveUp, camp.People);
        double se = Math.Sqrt(1000 * 30 * 0.25);
        Assert.InRange(camp.PeopleReturned, 15_000 - 4 * se, 15_000 + 4 * se);
        // And those who gave up take returned people in proportion: returned back / returned = people back / people.
        Assert.InRange(camp.PeopleReturned / 30_000.0 - camp.People / 100_000.0, -4 * se / 30_000, 4 * se / 30_000);
    }

    [Fact]
    public void ARetryDelayMeanOfOneDayBringsEveryoneBackTheNextDay()
    {
        var (_, _, camp) = Build(5, ("demand.retry_delay_days_mean", 1.0));
        camp.StartDay(2);
        var rng = MechanismWorld.Stream(3);
        for (int i = 0; i < 100; i++) camp.BackOnCoast(7, 0, 2, rng);
        camp.StartDay(3);
        Assert.Equal(700, camp.People);
    }

    /// <summary>A camp holding <paramref name="first"/> first-time people and <paramref name="returned"/> people returned after an arrival, on day 1.</summary>
    private static (MechanismWorld World, Camp Camp) CampWithGroups(int first, int returned, int days = 10, params (string, object)[] changes)
    {
        var (world, _, camp) = Build(days, [("demand.initial_people_on_coast", first), ("demand.retry_delay_days_mean", 1.0), .. changes]);
        // People sent back from the UK on day 0 decide again; with no give-up and a one-day delay they
        // are all back on the coast, as returned people, on day 1.
        camp.ReturnOn(0, returned);
        camp.StartDay(0);
        camp.StartDay(1);
        Assert.Equal(first + returned, camp.People);
        Assert.Equal(returned, camp.PeopleReturned);
        return (world, camp);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void ABoatTakesReturnedPeopleInProportionToTheCampWithoutReplacement()
    {
        // Rule: the returned people on a boat of 50 from a camp of 700 first-time and 300 returned people
        // are hypergeometric: mean 50 × 0.3 = 15, variance 50 × 0.3 × 0.7 × 950 / 999 = 9.98. Over 2,000
        // boats (each from a fresh camp, its own substream) the mean has SE 0.071; a 5% error (0.75) is
        // 10 SE away. Tolerance 4 SE.
        const int trials = 2000;
        double sum = 0, sum2 = 0;
        var (world, camp) = CampWithGroups(700, 300);
        for (int t = 0; t < trials; t++)
        {
            if (t > 0)
            {
                camp.Reset();
                camp.ReturnOn(0, 300);
                camp.StartDay(0);
                camp.StartDay(1);
            }
            int k = world.AddBoat(t);
            camp.Board(k, 50);
            int returned = world.Ctx.Boats[k].Returned;
            // Each group keeps its own balance: the boat's returned people leave the returned group.
            Assert.Equal(300 - returned, camp.PeopleReturned);
            Assert.Equal(950, camp.People);
            Assert.Equal(50, world.Ctx.Boats[k].Unsettled);
            sum += returned;
            sum2 += returned * (double)returned;
        }
        double mean = sum / trials, variance = sum2 / trials - mean * mean;
        double se = Math.Sqrt(9.98 / trials);
        Assert.InRange(mean, 15 - 4 * se, 15 + 4 * se);
        // Without replacement the variance is below the binomial's 10.5; the sample variance of 2,000 draws has SE ≈ 0.32.
        Assert.InRange(variance, 9.98 - 4 * 0.32, 9.98 + 4 * 0.32);
    }

    [Fact]
    public void WhenOnlyReturnedPeopleWaitEveryBoatCarriesOnlyReturnedPeople()
    {
        var (world, camp) = CampWithGroups(0, 120);
        int k = world.AddBoat(1);
        camp.Board(k, 45);
        Assert.Equal(45, world.Ctx.Boats[k].Returned);
        Assert.Equal(75, camp.PeopleReturned);
        Assert.Equal(75, camp.People);
        // And without returned people, none is on board.
        var (world2, camp2) = CampWithGroups(200, 0);
        int k2 = world2.AddBoat(2);
        camp2.Board(k2, 45);
        Assert.Equal(0, world2.Ctx.Boats[k2].Returned);
    }

    [Fact]
    public void BoatsTakeTheOldestCohortFirst()
    {
        // 1,000 people start on the coast (week 0). On day 6, 1,000 more fail an attempt and come back on
        // day 7 (week 1). From day 7 people of week 0 give up with hazard rate × 1 a day; people of week 1
        // only from day 14. On day 7 a boat takes exactly as many people as are left of week 0: if boats take
        // the oldest first, week 0 is empty and nobody gives up on days 8 to 13; if not, people of week 0
        // remain and give up on day 8.
        static (MechanismWorld World, Camp Camp, int Week0Left) Build7(double rate)
        {
            var (world, _, camp) = Build(21, ("demand.initial_people_on_coast", 1000), ("demand.retry_delay_days_mean", 1.0),
                ("demand.wait_give_up_rate_per_week", rate));
            for (int d = 0; d < 7; d++) camp.StartDay(d);
            camp.BackOnCoast(1000, 0, 6, MechanismWorld.Stream(4));
            camp.StartDay(7);
            int week0Left = camp.People - 1000;
            Assert.InRange(week0Left, 600, 900);   // 1,000 × e^−0.2 ≈ 819 stayed
            return (world, camp, week0Left);
        }

        var (world, camp, left) = Build7(0.2);
        int k = world.AddBoat(1);
        camp.Board(k, left);
        Assert.Equal(1000, camp.People);
        long gaveUpBefore = (long)world.Tallied()[Metric.GaveUpWaiting];
        for (int d = 8; d < 14; d++) camp.StartDay(d);
        Assert.Equal(gaveUpBefore, world.Tallied()[Metric.GaveUpWaiting]);
        camp.StartDay(14);
        Assert.True(world.Tallied()[Metric.GaveUpWaiting] > gaveUpBefore + 100, "week 1 gives up from day 14");

        // The counter-check: without the boat, week 0's people give up on day 8.
        var (world2, camp2, _) = Build7(0.2);
        long before2 = (long)world2.Tallied()[Metric.GaveUpWaiting];
        camp2.StartDay(8);
        Assert.True(world2.Tallied()[Metric.GaveUpWaiting] > before2 + 50);
    }

    [Fact]
    public void EachDayStartsWithATraceOfThePeopleOnTheCoastAndTheDaysSeaRating()
    {
        // The trace's day_start row names the rating the weather gave that day (MODEL.md, weather) and
        // counts the people on the coast. Sixty days of the default weather have all three ratings.
        var (world, _, camp) = Build(60, ("demand.initial_people_on_coast", 1234));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        var seen = new HashSet<string>();
        for (int d = 0; d < 60; d++)
        {
            var rating = world.Weather.Rating(d);
            camp.TraceDayStart(rating);
            var row = trace.Rows[^1];
            Assert.Equal(("camp", "day_start", 1234), (row.Entity, row.Event, row.People));
            string expected = rating switch { SeaRating.Red => "red", SeaRating.Amber => "amber", _ => "green" };
            Assert.Equal(expected, row.Outcome);
            seen.Add(expected);
        }
        Assert.Equal(3, seen.Count);
    }
}
