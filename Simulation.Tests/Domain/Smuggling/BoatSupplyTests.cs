using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Smuggling;

public class BoatSupplyTests
{
    // Nobody new, nobody stopped or harmed, every waiting person sent every night, the launch window
    // in the first hour of the day so a night's boats leave on the day they were planned, and no boats
    // at the start: what leaves the coast is set by the supply rule alone.
    private static ParameterSet Supply(int days, int peopleWaiting, params (string, object)[] more) => TestParameters.With(
    [
        .. TestParameters.NoEnforcement, .. TestParameters.NoHazards,
        ("calendar.horizon_days", days), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.initial_people_on_coast", peopleWaiting),
        ("smuggling.attempt_share_red", 1.0), ("smuggling.attempt_share_amber", 1.0), ("smuggling.attempt_share_green", 1.0),
        ("smuggling.night_activity_cv", 0.0), ("smuggling.launch_window_start_hour", 0.0), ("smuggling.launch_window_hours", 1.0),
        ("smuggling.taxi_boat_share_initial", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 0.0),
        ("smuggling.load_mean_people", 64.0), ("smuggling.boat_stock_initial", 0),
        .. more,
    ]);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void OrderedBoatsArriveAfterTheLeadTime(int lead)
    {
        var before = Supply(lead, 640, ("smuggling.supply_lead_time_days", lead), ("smuggling.supply_capacity_boats_per_day", 1000.0));
        foreach (var r in Run(before, 3))
        {
            Assert.Equal(0, r[Metric.LaunchAttempts]);
            // Every night of the wait the people were there and the stock was empty.
            Assert.Equal(lead, r[Metric.DaysBoatStockBinding]);
            Assert.Equal(640, r[Metric.PeopleOnCoastEnd]);
        }
        var on = Supply(lead + 1, 640, ("smuggling.supply_lead_time_days", lead), ("smuggling.supply_capacity_boats_per_day", 1000.0));
        foreach (var r in Run(on, 3)) Assert.True(r[Metric.LaunchAttempts] > 0, "the boats ordered on day 0 did not arrive on day " + lead);
    }

    [Theory]
    [InlineData(0.5, 0, 5)]   // ceil(0.5 × 640 / 64) = 5 boats
    [InlineData(0.25, 0, 3)]  // ceil(2.5) = 3
    [InlineData(0.5, 2, 5)]   // two in stock, three ordered
    [InlineData(0.5, 8, 8)]   // more than the target in stock: nothing ordered, all eight used
    public void TheNetworksOrderBoatsToCoverThePeopleWaiting(double cover, int stock, int launches)
    {
        // Five boats of at most 125 people cannot carry 640, so every boat at hand is used.
        var p = Supply(1, 640, ("smuggling.supply_cover_factor", cover), ("smuggling.boat_stock_initial", stock),
            ("smuggling.supply_lead_time_days", 0), ("smuggling.supply_capacity_boats_per_day", 1000.0));
        foreach (var r in Run(p, 3))
        {
            Assert.Equal(launches, r[Metric.LaunchAttempts]);
            Assert.Equal(1, r[Metric.DaysBoatStockBinding]);
        }
    }

    [Theory]
    [InlineData(3.0, 30)]
    [InlineData(2.5, 25)]
    [InlineData(0.4, 4)]
    [InlineData(0.0, 0)]
    public void TheSupplyCapacityCapsTheBoatsDelivered(double capacity, int launches)
    {
        // Far more people than boats: ten days of deliveries at the capacity, each boat used once.
        var p = Supply(10, 100_000, ("smuggling.supply_lead_time_days", 0), ("smuggling.supply_capacity_boats_per_day", capacity));
        foreach (var r in Run(p, 2))
        {
            Assert.Equal(launches, r[Metric.LaunchAttempts]);
            Assert.Equal(10, r[Metric.DaysBoatStockBinding]);
        }
    }

    [Theory]
    [InlineData(1.0, 30)]  // every boat seized on the beach: three new boats a day, three launches a day
    [InlineData(0.0, 48)]  // none seized: the stock grows by three a day, five a night go out (3 + 9 × 5)
    public void BoatsSeizedOnTheBeachLeaveTheStockAndAreReplacedWithinTheSupplyCapacity(double seizure, int launches)
    {
        // Every beach launch is stopped on land; the people stopped give up, and far more wait.
        var p = Supply(10, 100_000, ("french.beach.officers_per_night", 100_000.0), ("french.beach.coverage_share", 1.0),
            ("french.beach.max_prevention_probability", 1.0), ("french.beach.seizure_probability", seizure),
            ("demand.give_up_probability", 1.0), ("smuggling.max_launches_per_night", 5),
            ("smuggling.supply_lead_time_days", 0), ("smuggling.supply_capacity_boats_per_day", 3.0));
        foreach (var r in Run(p, 2)) Assert.Equal(launches, r[Metric.LaunchAttempts]);
    }
}
