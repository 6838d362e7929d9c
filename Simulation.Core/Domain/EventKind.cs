namespace Simulation.Core.Domain;

/// <summary>Kinds of events of the Channel model; the entity of a boat event is the boat's serial number.</summary>
internal enum EventKind
{
    TimelineChange,
    DayStart,
    BoatLaunch,
    TaxiPickup,
    FrenchWatersDistress,
    EnterUkWaters,
    RnliThreshold,
    MaxWaitReached,
    VesselOnScene,
    PeopleLanded,
    VesselFree,
    SelfLanded,
    JointOperationsShipFree,
}
