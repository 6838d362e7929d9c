using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// Chartered joint-operations rescue ships, a pool of their own stationed near the median line.
/// Dispatch: in French waters a free ship takes a boat in distress when it is nearer than the
/// French asset (its response time is shorter than the French one drawn for the incident); in UK
/// waters, after the RNLI's nearest-asset share, a free ship takes the boat when it is no farther
/// than Border Force or when no Border Force vessel is free; a ship coming free takes the boat
/// that has waited longest (the responder's waiting list). Under Windspire rules, agreed with France for joint operations, the
/// people go to a French port unless a medical emergency or the sea state prevents it.
/// With no ship on the timeline nothing here draws, schedules or changes anything.
/// </summary>
internal sealed class JointOperationsShips
{
    public const byte Service = 3;

    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly UkFleet _fleet;
    private readonly Windspire _windspire;
    private int _busy;

    public JointOperationsShips(ReplicationContext ctx, UkFleet fleet, Windspire windspire)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _fleet = fleet;
        _windspire = windspire;
    }

    private JointOperationsParameters Ships => _ctx.P.Uk.JointOperations;
    private bool Free => _busy < Ships.Ships;

    /// <summary>Hours from tasking to the scene for a ship on station.</summary>
    public double ResponseHours => Ships.ResponseHours;

    public void Reset() => _busy = 0;

    /// <summary>True when a ship is free and would reach a boat in French waters before the French asset.</summary>
    public bool FreeAndNearerThan(double frenchResponseHours) => Free && Ships.ResponseHours < frenchResponseHours;

    /// <summary>Boat k in distress in French waters is taken by a ship (after <see cref="FreeAndNearerThan"/>).</summary>
    public void TakeInFrenchWaters(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.RescueInFrenchWaters = true;
        boat.EnteredUkHours = _sim.NowHours;
        Task(k);
    }

    /// <summary>
    /// Boat k has entered UK waters and the RNLI was not nearest: a free ship takes it when it is no
    /// farther than Border Force, or when no Border Force vessel is free.
    /// </summary>
    public bool TryTakeInUkWaters(int k)
    {
        if (!Free) return false;
        if (Ships.ResponseHours > _ctx.P.Uk.BorderForce.ResponseHours && _fleet.BorderForceFree) return false;
        Task(k);
        return true;
    }

    private void Task(int k)
    {
        ref Boat boat = ref _boats[k];
        _busy++;
        boat.Waiting = false;
        boat.WaitEndHours = _sim.NowHours;
        boat.Service = Service;
        boat.TaskedHours = _sim.NowHours;
        _ctx.TraceBoat(k, "tasked_joint_operations", boat.Load, "ship_en_route");
        _sim.Schedule(Ships.ResponseHours, (int)EventKind.VesselOnScene, k);
    }

    /// <summary>
    /// The ship is on scene and boat k has survivors (the responder has applied the hazards of
    /// waiting): they are taken aboard and landed in France unless a medical emergency or the sea prevents it.
    /// </summary>
    public void PickUp(int k, int day)
    {
        ref Boat boat = ref _boats[k];
        _tallies.RescuedUk(boat.Load);
        RandomStream rng = _ctx.BoatRng(StreamId.JointOperations, k, 0);
        // People who were in the water (a capsize) need care ashore whatever the draw says.
        bool medical = _windspire.MedicalEmergency(rng) | boat.Capsized;
        boat.ToFrance = !medical && _windspire.CalmEnough(day);
        // From a station near the median line a French port is about as far as Dover: no extra hours for a return.
        double toLanding = Ships.PickupToLandingHours(boat.Load);
        _ctx.TraceBoat(k, "picked_up", boat.Load, boat.ToFrance ? "to_french_port" : "to_uk_port");
        _sim.Schedule(toLanding, (int)EventKind.PeopleLanded, k);
        _sim.Schedule(toLanding + Ships.TurnaroundHours, (int)EventKind.JointOperationsShipFree, k);
    }

    /// <summary>Nobody was left alive on boat k: the ship goes back on station.</summary>
    public void NoSurvivors(int k) => _sim.Schedule(Ships.ResponseHours, (int)EventKind.JointOperationsShipFree, k);

    public void OnShipFree(int k)
    {
        _busy--;
        _ctx.TraceBoat(k, "vessel_free", 0, "joint_operations");
    }
}
