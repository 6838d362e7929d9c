using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Enforcement;

public class FrenchVesselLimitTests
{
    // One night of beach launches (window 20:00 to 05:00), no police on the beach, and every loaded boat
    // intercepted near the coast when a French vessel is free; the people taken back give up, so
    // nobody launches on the second day. Plenty of boats.
    private static ParameterSet OneNightOfFullInterception(int vessels, double hours) => TestParameters.With(
    [
        .. TestParameters.NoEnforcement, .. TestParameters.NoHazards,
        ("calendar.horizon_days", 2), ("demand.new_arrivals_rate_per_day", 0.0), ("demand.initial_people_on_coast", 1200),
        ("demand.give_up_probability", 1.0),
        ("smuggling.attempt_share_red", 1.0), ("smuggling.attempt_share_amber", 1.0), ("smuggling.attempt_share_green", 1.0),
        ("smuggling.night_activity_cv", 0.0), ("smuggling.boat_stock_initial", 100),
        ("smuggling.taxi_boat_share_initial", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 0.0),
        ("french.maritime.doctrine", "full"), ("french.maritime.shallow_water_effectiveness_probability", 0.0),
        ("french.maritime.full_effectiveness_probability", 1.0), ("french.maritime.full_capsize_probability", 0.0),
        ("french.maritime.vessels", vessels), ("french.maritime.interception_hours", hours),
    ]);

    private static int Interceptions(ParameterSet p, long replication, out ReplicationResult result)
    {
        var model = new ChannelModel(p);
        var trace = new InterceptionCount();
        model.Trace = trace;
        result = new ReplicationResult(model.Days);
        model.RunReplication(Seed, replication, result);
        return trace.Count;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void AVesselBusyAllNightInterceptsOneBoat(int vessels)
    {
        // An interception occupies a vessel for 24 hours, longer than the 9-hour launch window:
        // each vessel stops the first boat it meets and the rest of the night's boats go on.
        for (int rep = 0; rep < 3; rep++)
        {
            int intercepted = Interceptions(OneNightOfFullInterception(vessels, 24), rep, out var r);
            Assert.True(r[Metric.LaunchAttempts] > vessels, "too few boats to test the limit");
            Assert.Equal(vessels, intercepted);
            Assert.Equal(1, r[Metric.DaysFrenchVesselsBinding]);
        }
    }

    [Fact]
    public void AnInstantInterceptionNeverRunsOutOfVessels()
    {
        // With no time on the job a single vessel is always free again for the next boat.
        for (int rep = 0; rep < 3; rep++)
        {
            int intercepted = Interceptions(OneNightOfFullInterception(1, 0), rep, out var r);
            Assert.Equal(r[Metric.LaunchAttempts], intercepted);
            Assert.Equal(0, r[Metric.DaysFrenchVesselsBinding]);
        }
    }

    [Fact]
    public void WithoutVesselsNothingIsInterceptedAtSea()
    {
        for (int rep = 0; rep < 3; rep++)
        {
            int intercepted = Interceptions(OneNightOfFullInterception(0, 3), rep, out var r);
            Assert.Equal(0, intercepted);
            Assert.Equal(0, r[Metric.InterceptedAtSeaFr]);
            Assert.Equal(1, r[Metric.DaysFrenchVesselsBinding]);
        }
    }

    private sealed class InterceptionCount : IEventTrace
    {
        public int Count { get; private set; }

        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName == "intercepted_fr") Count++;
        }
    }
}
