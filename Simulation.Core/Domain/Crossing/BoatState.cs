namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// Where a boat is in its night. Transitions are checked by <see cref="BoatTransitions"/>: an
/// illegal one is a bug in the model and throws.
/// </summary>
public enum BoatState : byte
{
    /// <summary>Loaded on the beach or waiting on the waterway, not yet launched.</summary>
    Staging,
    /// <summary>Taxi-boat afloat on its way to the pick-up points.</summary>
    TaxiTransit,
    /// <summary>Afloat in French waters heading for the UK.</summary>
    InFrenchWaters,
    /// <summary>In UK waters waiting for (or being reached by) a UK vessel.</summary>
    InUkWaters,
    /// <summary>People taken aboard a UK vessel, on the way to port.</summary>
    AboardUkVessel,
    /// <summary>Heading for a UK beach without a vessel.</summary>
    HeadingForBeach,
    /// <summary>Stopped on land; people back to the camps.</summary>
    PreventedOnLand,
    /// <summary>Stopped afloat by French interception.</summary>
    InterceptedFr,
    /// <summary>Rescued by French assets and landed in France.</summary>
    RescuedFr,
    /// <summary>Every taxi-boat group was stopped: the empty boat went back.</summary>
    Aborted,
    /// <summary>People landed at a UK port.</summary>
    LandedUk,
    /// <summary>People landed on a UK beach without a vessel.</summary>
    SelfLanded,
    /// <summary>People taken back to a French port by a UK vessel.</summary>
    ReturnedToFrance,
    /// <summary>Nobody left alive on board.</summary>
    Lost,
}
