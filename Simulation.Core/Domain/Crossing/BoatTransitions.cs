namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// The legal transitions of <see cref="BoatState"/>, as one table. Only moves the model makes are
/// declared: a taxi-boat whose groups all died or were stopped is Aborted, not Lost, and French
/// interception acts before the crossing starts, never in French waters mid-crossing.
/// </summary>
public static class BoatTransitions
{
    /// <summary>True when a boat may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsLegal(BoatState from, BoatState to) => from switch
    {
        BoatState.Staging => to is BoatState.TaxiTransit or BoatState.InFrenchWaters or BoatState.PreventedOnLand
            or BoatState.InterceptedFr or BoatState.Lost,
        BoatState.TaxiTransit => to is BoatState.InFrenchWaters or BoatState.InterceptedFr or BoatState.Aborted,
        BoatState.InFrenchWaters => to is BoatState.InUkWaters or BoatState.RescuedFr or BoatState.AboardUkVessel or BoatState.Lost,
        BoatState.InUkWaters => to is BoatState.AboardUkVessel or BoatState.HeadingForBeach or BoatState.Lost,
        BoatState.AboardUkVessel => to is BoatState.LandedUk or BoatState.ReturnedToFrance,
        BoatState.HeadingForBeach => to is BoatState.SelfLanded,
        _ => false,
    };

    /// <summary>Returns <paramref name="to"/> or throws naming both states when the move is illegal.</summary>
    public static BoatState Check(BoatState from, BoatState to) =>
        IsLegal(from, to) ? to : throw new InvalidOperationException($"Illegal boat transition from {from} to {to}.");
}
