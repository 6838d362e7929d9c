using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Returns;

public class NetArrivalsTests
{
    private static readonly (string, object)[] Quiet =
    [
        .. TestParameters.NoHazards, ("french.beach.officers_per_night", 0.0), ("french.maritime.doctrine", "none"),
        ("demand.give_up_probability", 0.0), ("demand.wait_give_up_rate_per_week", 0.0),
    ];

    [Fact]
    public void EveryArrivalRemovedNextDayLeavesOnlyTheLastDaysArrivalsNet()
    {
        // Rule: every arrival is returned one day later; returns due after the horizon stay arrivals.
        // So the arrivals that stay are exactly those of the last day.
        var p = TestParameters.With(TestParameters.With(Quiet), ("calendar.start_date", new DateOnly(2024, 8, 1)), ("calendar.horizon_days", 30),
            ("returns.removals.enabled", true), ("returns.removals.share_of_arrivals_probability", 1.0), ("returns.return_delay_days", 1.0));
        foreach (var r in Run(p, 4))
        {
            Assert.True(r[Metric.ArrivalsUk] > 1000);
            Assert.Equal(r.Daily[(int)DailySeries.ArrivalsUk][29], r[Metric.NetArrivalsUk]);
            Assert.Equal(r[Metric.ReturnedWindspire] + r[Metric.ReturnedAfterArrival], r[Metric.PeopleReturnedToFrance]);
        }
    }

    [Fact]
    public void ReturnedPeopleWhoCrossAgainAreRepeatArrivals()
    {
        // 300 people, nobody new, nobody gives up or dies, every arrival is returned the next day:
        // each person can arrive for the first time at most once, so first-time arrivals
        // (arrivals − repeats) never exceed 300, while people cross again and again.
        var p = TestParameters.With(TestParameters.With(Quiet), ("calendar.start_date", new DateOnly(2024, 8, 1)), ("calendar.horizon_days", 60),
            ("demand.initial_people_on_coast", 300), ("demand.new_arrivals_rate_per_day", 0.0), ("uk.windspire.return_probability", 0.0),
            ("returns.removals.enabled", true), ("returns.removals.share_of_arrivals_probability", 1.0), ("returns.return_delay_days", 1.0),
            ("smuggling.attempt_share_green", 0.5), ("smuggling.attempt_share_amber", 0.5), ("smuggling.attempt_share_red", 0.5));
        foreach (var r in Run(p, 4))
        {
            Assert.True(r[Metric.ArrivalsUk] > 600, $"arrivals {r[Metric.ArrivalsUk]}");
            Assert.InRange(r[Metric.ArrivalsUk] - r[Metric.RepeatArrivalsUk], 1, 300);
            Assert.True(r[Metric.RepeatArrivalsUk] >= r[Metric.ArrivalsUk] - 300);
            Assert.True(r[Metric.RepeatArrivalsUk] <= r[Metric.ReturnedAfterArrival]);
        }
    }

    [Fact]
    public void WithoutReturnsThereAreNoRepeatsAndNetEqualsArrivals()
    {
        var p = TestParameters.Short(60, ("returns.removals.enabled", false), ("returns.one_in_one_out.enabled", false));
        foreach (var r in Run(p, 3))
        {
            Assert.Equal(0, r[Metric.RepeatArrivalsUk]);
            Assert.Equal(r[Metric.ArrivalsUk], r[Metric.NetArrivalsUk]);
        }
    }
}
