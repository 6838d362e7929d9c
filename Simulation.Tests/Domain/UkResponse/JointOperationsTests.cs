using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.UkResponse;
using Xunit.Abstractions;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.UkResponse;

public class JointOperationsTests(ITestOutputHelper output)
{
    private const int Replications = 20;

    [Fact]
    public void AShipOnStationReturnsPeopleToFranceAndShortensWaitsAtSea()
    {
        // Common random numbers: the same seed and replication indices with and without the ship,
        // so the weather, demand and each launch slot's draws are shared and the difference is the ship's.
        var baseline = Run(TestParameters.With(), Replications);
        var oneShip = Run(TestParameters.With(("uk.joint_operations.ships", 1)), Replications);
        double returnedBase = Mean(baseline, Metric.ReturnedWindspire), returnedShip = Mean(oneShip, Metric.ReturnedWindspire);
        double waitBase = Mean(baseline, Metric.MeanWaitForRescueHours), waitShip = Mean(oneShip, Metric.MeanWaitForRescueHours);
        output.WriteLine($"{Replications} paired replications, seed {Seed}: returned_windspire {returnedBase:F1} -> {returnedShip:F1}; " +
            $"mean_wait_for_rescue_hours {waitBase:F4} -> {waitShip:F4}; arrivals_uk {Mean(baseline, Metric.ArrivalsUk):F0} -> {Mean(oneShip, Metric.ArrivalsUk):F0}");
        // Tolerances far inside the measured effects (about +10,000 people and -0.13 h at this seed),
        // wide enough that a recalibration does not break the test, narrow enough that a ship doing nothing fails it.
        Assert.True(returnedShip > returnedBase + 1000, $"returned_windspire {returnedBase} -> {returnedShip}");
        Assert.True(waitShip < waitBase - 0.05, $"mean_wait_for_rescue_hours {waitBase} -> {waitShip}");
        int shorterWaits = 0;
        for (int r = 0; r < Replications; r++) if (oneShip[r][Metric.MeanWaitForRescueHours] < baseline[r][Metric.MeanWaitForRescueHours]) shorterWaits++;
        Assert.True(shorterWaits >= Replications - 1, $"waits shorter in only {shorterWaits} of {Replications} paired replications");
    }

    [Fact]
    public void WithNoShipTheShipsOtherParametersChangeNothing()
    {
        // No ship, no draw: the ship's settings must not touch a single number of the replication.
        var baseline = Run(TestParameters.Short(120), 3);
        var tuned = Run(TestParameters.Short(120, ("uk.joint_operations.station_distance_nm", 1.0), ("uk.joint_operations.speed_knots", 40.0),
            ("uk.joint_operations.capacity_people", 20), ("uk.joint_operations.on_scene_hours", 0.1),
            ("uk.joint_operations.port_distance_nm", 2.0), ("uk.joint_operations.turnaround_hours", 0.5)), 3);
        for (int r = 0; r < baseline.Count; r++)
        {
            Assert.Equal(baseline[r].Totals, tuned[r].Totals);
            Assert.Equal(baseline[r].EventsProcessed, tuned[r].EventsProcessed);
        }
    }

    [Fact]
    public void AShipArrivingOnTheTimelineLeavesTheDaysBeforeItUntouched()
    {
        var start = new DateOnly(2024, 7, 1);
        var p = TestParameters.With(("uk.windspire.operate_in_french_waters", true));
        var withShip = p with { Timeline = [new TimelineChange(start, "uk.joint_operations.ships", ParameterValue.Of(2))] };
        var before = Run(p, 3);
        var after = Run(withShip, 3);
        int firstDay = start.DayNumber - new DateOnly(2024, 1, 1).DayNumber;
        for (int r = 0; r < before.Count; r++)
        {
            for (int s = 0; s < before[r].Daily.Length; s++)
                Assert.Equal(before[r].Daily[s].AsSpan(0, firstDay).ToArray(), after[r].Daily[s].AsSpan(0, firstDay).ToArray());
            Assert.True(after[r][Metric.ReturnedWindspire] > before[r][Metric.ReturnedWindspire]);
        }
    }

    [Fact]
    public void PeopleAreConservedWithShipsInBothWatersAndAFleetChange()
    {
        var p = TestParameters.With(("uk.joint_operations.ships", 2), ("uk.joint_operations.capacity_people", 30),
            ("uk.windspire.operate_in_french_waters", true), ("uk.border_force.vessels", 2)) with
        {
            Timeline = [new TimelineChange(new DateOnly(2024, 5, 1), "uk.joint_operations.ships", ParameterValue.Of(0)),
                new TimelineChange(new DateOnly(2024, 9, 1), "uk.joint_operations.ships", ParameterValue.Of(3))],
        };
        var results = Run(p, 4);
        foreach (ReplicationResult r in results)
        {
            double inflow = r[Metric.PeopleOnCoastStart] + r[Metric.PeopleNewOnCoast] + r[Metric.ReturnedAfterArrival];
            double outflow = r[Metric.ArrivalsUk] + r[Metric.Deaths] + r[Metric.GaveUp] + r[Metric.PeopleOnCoastEnd] + r[Metric.PeopleAtSeaEnd];
            Assert.Equal(inflow, outflow);
        }
        Assert.True(Sum(results, Metric.ReturnedWindspire) > 0);
    }

    [Fact]
    public void ALoadOverTheShipsCapacityNeedsShuttles()
    {
        var ship = JointOperationsParameters.From(TestParameters.With(("uk.joint_operations.capacity_people", 50)));
        Assert.Equal(ship.StationDistanceNm / ship.SpeedKnots, ship.ResponseHours, 12);
        Assert.Equal(ship.OnSceneHours + ship.PortHours, ship.PickupToLandingHours(50), 12);
        Assert.Equal(2 * ship.OnSceneHours + 3 * ship.PortHours, ship.PickupToLandingHours(51), 12);
    }
}
