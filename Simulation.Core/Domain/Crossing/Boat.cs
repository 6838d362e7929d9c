namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// One boat's night as a plain struct in the model's pool (no per-boat allocation). The index of
/// the boat in the pool is its serial number k, which also keys its random substreams.
/// </summary>
internal struct Boat
{
    public BoatState State;
    public bool Taxi;
    public bool Waiting;
    public bool ToFrance;
    public bool RescueInFrenchWaters;
    public bool HoldsVessel;
    public byte Service;
    public int Load;
    public int LaunchDay;
    public double UkWatersAtHours;
    public double DistressAtHours;
    public double EnteredUkHours;
    public double TaskedHours;

    /// <summary>Moves to a new state, throwing on an illegal transition.</summary>
    public void MoveTo(BoatState next) => State = BoatTransitions.Check(State, next);
}
