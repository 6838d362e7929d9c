using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Demand;

public class WaitingGiveUpTests
{
    [Fact]
    public void GivingUpWhileWaitingRisesWithWeeksWaited()
    {
        // No boats, nobody new: 10,000 people wait 28 days. Day d carries hazard rate × floor(d / 7),
        // so the chance to stay is exp(−rate × Σ floor(d / 7)) = exp(−rate × 7 × (0 + 1 + 2 + 3)).
        const int n = 10_000;
        const double rate = 0.01;
        var p = TestParameters.Short(28, ("demand.initial_people_on_coast", n), ("demand.new_arrivals_rate_per_day", 0.0),
            ("smuggling.boat_stock_initial", 0), ("smuggling.supply_capacity_boats_per_day", 0.0), ("demand.wait_give_up_rate_per_week", rate));
        double stay = Math.Exp(-rate * 42);
        double expected = n * (1 - stay);
        double se = Math.Sqrt(n * stay * (1 - stay));
        foreach (var r in Run(p, 3))
        {
            Assert.Equal(r[Metric.GaveUp], r[Metric.GaveUpWaiting]);
            Assert.InRange(r[Metric.GaveUpWaiting], expected - 4 * se, expected + 4 * se); // 4 standard errors
            Assert.Equal(n - r[Metric.GaveUpWaiting], r[Metric.PeopleOnCoastEnd]);
        }
    }

    [Fact]
    public void NobodyGivesUpWhileWaitingInTheFirstWeek()
    {
        var p = TestParameters.Short(7, ("demand.initial_people_on_coast", 10_000), ("smuggling.boat_stock_initial", 0),
            ("smuggling.supply_capacity_boats_per_day", 0.0), ("demand.wait_give_up_rate_per_week", 0.5));
        foreach (var r in Run(p, 2)) Assert.Equal(0, r[Metric.GaveUpWaiting]);
    }
}
