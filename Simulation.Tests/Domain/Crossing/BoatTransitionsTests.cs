using Simulation.Core.Domain.Crossing;

namespace Simulation.Tests.Domain.Crossing;

public class BoatTransitionsTests
{
    [Fact]
    public void IllegalTransitionThrowsNamingBothStates()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BoatTransitions.Check(BoatState.LandedUk, BoatState.InFrenchWaters));
        Assert.Contains("LandedUk", ex.Message);
        Assert.Contains("InFrenchWaters", ex.Message);
    }

    [Fact]
    public void TheUsualNightIsLegal()
    {
        Assert.True(BoatTransitions.IsLegal(BoatState.Staging, BoatState.TaxiTransit));
        Assert.True(BoatTransitions.IsLegal(BoatState.TaxiTransit, BoatState.InFrenchWaters));
        Assert.True(BoatTransitions.IsLegal(BoatState.InFrenchWaters, BoatState.InUkWaters));
        Assert.True(BoatTransitions.IsLegal(BoatState.InUkWaters, BoatState.AboardUkVessel));
        Assert.True(BoatTransitions.IsLegal(BoatState.AboardUkVessel, BoatState.LandedUk));
        Assert.False(BoatTransitions.IsLegal(BoatState.RescuedFr, BoatState.InUkWaters));
    }

    [Fact]
    public void DistressHazardRisesWithOverloadAndWaves()
    {
        var cp = CrossingParameters.From(TestParameters.With());
        Assert.True(cp.DistressHazardPerHour(80, 0.5) > cp.DistressHazardPerHour(40, 0.5));
        Assert.True(cp.DistressHazardPerHour(40, 2.0) > cp.DistressHazardPerHour(40, 0.5));
    }
}
