using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Returns;

public class ReturnsTests
{
    [Fact]
    public void OneInOneOutNeverExceedsItsWeeklyCapAndStartsOnItsDate()
    {
        // From 1 Jul with a 20-day delay: returns land from 21 Jul; at most 15 per week for 26 weeks.
        var p = TestParameters.With(("returns.one_in_one_out.enabled", true), ("returns.one_in_one_out.start_date", new DateOnly(2024, 7, 1)),
            ("returns.one_in_one_out.weekly_cap_people", 15.0), ("returns.return_delay_days", 20.0));
        var results = Run(p, 5);
        foreach (var r in results) Assert.InRange(r[Metric.ReturnedAfterArrival], 100, 15 * 27);
    }

    [Fact]
    public void RemovalsReturnTheirShareOfArrivals()
    {
        var p = TestParameters.With(("returns.removals.enabled", true), ("returns.removals.share_of_arrivals_probability", 0.1),
            ("returns.return_delay_days", 1.0));
        var results = Run(p, 5);
        // Returned people reach the coast one day later, so nearly all of 10% of arrivals come back within the year.
        Assert.InRange(Mean(results, Metric.ReturnedAfterArrival) / Mean(results, Metric.ArrivalsUk), 0.09, 0.11);
    }
}
