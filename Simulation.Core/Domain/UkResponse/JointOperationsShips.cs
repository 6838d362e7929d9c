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
/// that has waited longest. Under Windspire rules, agreed with France for joint operations, the
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
    private readonly bool _anyOnTimeline;
    // Boats that started waiting for a UK vessel, oldest first; stale entries are skipped when read.
    private int[] _waiting = new int[64];
    private int _head, _queued;
    private int _busy;

    public JointOperationsShips(ReplicationContext ctx, PolicyTimeline timeline, UkFleet fleet, Windspire windspire)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _fleet = fleet;
        _windspire = windspire;
        foreach (ModelParameters snapshot in timeline.Snapshots) _anyOnTimeline |= snapshot.Uk.JointOperations.Ships > 0;
    }

    private JointOperationsParameters Ships => _ctx.P.Uk.JointOperations;
    private bool Free => _busy < Ships.Ships;

    /// <summary>Hours from tasking to the scene for a ship on station.</summary>
    public double ResponseHours => Ships.ResponseHours;

    public void Reset()
    {
        _busy = 0;
        _head = _queued = 0;
    }

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

    /// <summary>Boat k waits in UK waters (queued for Border Force): a ship coming free may take it.</summary>
    public void NoteWaiting(int k)
    {
        if (!_anyOnTimeline) return;
        if (_queued == _waiting.Length) Grow();
        _waiting[(_head + _queued) & (_waiting.Length - 1)] = k;
        _queued++;
    }

    /// <summary>Free ships take the boats that have waited longest (also after more ships come on the timeline).</summary>
    public void ServeWaiting()
    {
        while (_queued > 0 && Free)
        {
            int k = _waiting[_head];
            _head = (_head + 1) & (_waiting.Length - 1);
            _queued--;
            // Served, gone for a beach, or already handed a Border Force vessel at this very moment.
            if (!_boats[k].IsWaitingForUkVessel || !_fleet.WithdrawBorderForce(k)) continue;
            _ctx.TraceBoat(k, "vessel_granted", _boats[k].Load, "joint_operations");
            Task(k);
        }
    }

    private void Task(int k)
    {
        ref Boat boat = ref _boats[k];
        _busy++;
        boat.Waiting = false;
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
        bool medical = _windspire.MedicalEmergency(rng);
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
        ServeWaiting();
    }

    private void Grow()
    {
        var bigger = new int[_waiting.Length * 2];
        for (int i = 0; i < _queued; i++) bigger[i] = _waiting[(_head + i) & (_waiting.Length - 1)];
        _waiting = bigger;
        _head = 0;
    }
}
