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

public class BoatTransitionTableTests
{
    // The complete table of moves, written from MODEL.md's state diagram: anything else is illegal.
    // A taxi-boat whose groups all died or were stopped is Aborted, never Lost; French interception
    // acts before the crossing starts, never in French waters mid-crossing.
    private static readonly HashSet<(BoatState, BoatState)> Legal =
    [
        (BoatState.Staging, BoatState.TaxiTransit), (BoatState.Staging, BoatState.InFrenchWaters),
        (BoatState.Staging, BoatState.PreventedOnLand), (BoatState.Staging, BoatState.InterceptedFr), (BoatState.Staging, BoatState.Lost),
        (BoatState.TaxiTransit, BoatState.InFrenchWaters), (BoatState.TaxiTransit, BoatState.InterceptedFr), (BoatState.TaxiTransit, BoatState.Aborted),
        (BoatState.InFrenchWaters, BoatState.InUkWaters), (BoatState.InFrenchWaters, BoatState.RescuedFr),
        (BoatState.InFrenchWaters, BoatState.AboardUkVessel), (BoatState.InFrenchWaters, BoatState.Lost),
        (BoatState.InUkWaters, BoatState.AboardUkVessel), (BoatState.InUkWaters, BoatState.HeadingForBeach), (BoatState.InUkWaters, BoatState.Lost),
        (BoatState.AboardUkVessel, BoatState.LandedUk), (BoatState.AboardUkVessel, BoatState.ReturnedToFrance),
        (BoatState.HeadingForBeach, BoatState.SelfLanded),
    ];

    [Fact]
    public void ExactlyTheDeclaredMovesAreLegal()
    {
        foreach (BoatState from in Enum.GetValues<BoatState>())
        foreach (BoatState to in Enum.GetValues<BoatState>())
            Assert.True(Legal.Contains((from, to)) == BoatTransitions.IsLegal(from, to), $"{from} -> {to}: table says {Legal.Contains((from, to))}");
    }

    [Fact]
    public void TheRemovedMovesStayRemoved()
    {
        Assert.False(BoatTransitions.IsLegal(BoatState.TaxiTransit, BoatState.Lost));
        Assert.False(BoatTransitions.IsLegal(BoatState.InFrenchWaters, BoatState.InterceptedFr));
        Assert.Throws<InvalidOperationException>(() => BoatTransitions.Check(BoatState.TaxiTransit, BoatState.Lost));
        Assert.Throws<InvalidOperationException>(() => BoatTransitions.Check(BoatState.InFrenchWaters, BoatState.InterceptedFr));
    }
}
