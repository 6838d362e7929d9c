namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// One boat's night as a plain struct in the model's pool (no per-boat allocation). The index of
/// the boat in the pool is its serial number k; its random substreams are keyed by its launch slot.
/// </summary>
internal struct Boat
{
    public BoatState State;
    /// <summary>Launch slot (day × slots per night + slot) that keys the boat's random substreams.</summary>
    public long RandomKey;
    public bool Taxi;
    public bool Waiting;
    public bool ToFrance;
    public bool RescueInFrenchWaters;
    public bool HoldsVessel;
    public byte Service;
    public int Load;
    /// <summary>People aboard who were returned to France after an earlier arrival in the UK (never more than <see cref="Unsettled"/>).</summary>
    public int Returned;
    /// <summary>People of this boat whose attempt has not ended yet (arrived, dead or back on the coast).</summary>
    public int Unsettled;
    /// <summary>Failures recorded so far (keys the boat's retry substream).</summary>
    public int Failures;
    public int LaunchDay;
    public double UkWatersAtHours;
    public double DistressAtHours;
    public double EnteredUkHours;
    public double TaskedHours;
    /// <summary>UK response: the boat joined the waiting list for a UK vessel (no vessel was free).</summary>
    public bool Queued;
    /// <summary>UK response: people were in the water (a capsize), which counts as a medical emergency for Windspire.</summary>
    public bool Capsized;
    /// <summary>UK response: when the boat stopped waiting (a vessel tasked, or it headed for a beach).</summary>
    public double WaitEndHours;
    /// <summary>UK response: when the vessel now carrying this boat's people left its station (busy hours).</summary>
    public double VesselBusyFromHours;
    /// <summary>UK response: 1 + serial number of the boat picked up before this one on the same trip, 0 if none.</summary>
    public int CarriedWithPlusOne;

    /// <summary>True while the boat sits in UK waters waiting for a vessel (stale wake-ups check this).</summary>
    public readonly bool IsWaitingForUkVessel => Waiting && State == BoatState.InUkWaters;

    /// <summary>Moves to a new state, throwing on an illegal transition.</summary>
    public void MoveTo(BoatState next) => State = BoatTransitions.Check(State, next);
}
