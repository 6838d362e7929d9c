using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Enforcement;

public class EnforcementTests
{
    [Fact]
    public void PreventionProbabilityRisesWithOfficersAndIsZeroWithoutThem()
    {
        double P(double officers) => EnforcementParameters.From(TestParameters.With(("french.beach.officers_per_night", officers))).BeachPreventionProbability;
        Assert.Equal(0, P(0));
        Assert.True(P(400) < P(800));
        Assert.True(P(800) < P(1600));
        Assert.True(P(100_000) <= 0.9 * 0.85 + 1e-12);
    }

    [Fact]
    public void UnknownDoctrineIsRejectedWithItsName()
    {
        var ex = Assert.Throws<ArgumentException>(() => EnforcementParameters.ParseDoctrine("nets"));
        Assert.Contains("nets", ex.Message);
    }

    [Fact]
    public void BeforeBoardingStopsOnlyTaxiBoatsAndInterventionsCanKill()
    {
        var none = Run(TestParameters.Short(120, ("smuggling.taxi_boat_share_initial", 0.05), ("smuggling.taxi_boat_share_max", 0.05),
            ("smuggling.taxi_boat_share_min", 0.05), ("french.maritime.doctrine", "before_boarding"),
            ("french.maritime.shallow_water_effectiveness_probability", 0.0)), 5);
        var many = Run(TestParameters.Short(120, ("smuggling.taxi_boat_share_initial", 0.95), ("smuggling.taxi_boat_share_min", 0.95),
            ("french.maritime.doctrine", "before_boarding"), ("french.maritime.shallow_water_effectiveness_probability", 0.0)), 5);
        Assert.True(Sum(many, Metric.InterceptedAtSeaFr) > 5 * Sum(none, Metric.InterceptedAtSeaFr));
        var risky = Run(TestParameters.Short(120, ("french.maritime.doctrine", "full"), ("french.maritime.full_capsize_probability", 1.0),
            ("french.maritime.fatality_given_capsize_probability", 0.5)), 3);
        Assert.True(Sum(risky, Metric.DeathsInterception) > 0);
    }

    [Fact]
    public void TaxiBoatsAreHarderToPreventOnLandThanBeachLaunches()
    {
        var beach = Run(TestParameters.Short(120, ("smuggling.taxi_boat_share_initial", 0.05), ("smuggling.taxi_boat_share_max", 0.05)), 5);
        var taxi = Run(TestParameters.Short(120, ("smuggling.taxi_boat_share_initial", 0.95), ("smuggling.taxi_boat_share_min", 0.95)), 5);
        Assert.True(Mean(taxi, Metric.PreventedOnLandShare) < Mean(beach, Metric.PreventedOnLandShare) - 0.1);
    }
}
