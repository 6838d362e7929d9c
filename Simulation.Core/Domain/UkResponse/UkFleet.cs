using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Engine;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// The UK vessels as two pools (Border Force, RNLI) sized for the largest fleet on the timeline.
/// Units not in service under the parameters in force are held by a reserve; busy hours are
/// counted here for the utilisation metric.
/// </summary>
internal sealed class UkFleet
{
    public const byte BorderForce = 1;
    public const byte Rnli = 2;

    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Resource _borderForce;
    private readonly Resource _rnli;
    private readonly int _borderForceMax;
    private readonly int _rnliMax;
    private readonly double _vesselHoursAvailable;
    private int _bfReserveHeld, _bfReserveQueued, _rnliReserveHeld, _rnliReserveQueued;
    private double _vesselBusyHours;

    public UkFleet(ReplicationContext ctx, PolicyTimeline timeline)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        for (int s = 0; s < timeline.Snapshots.Length; s++)
        {
            ModelParameters snap = timeline.Snapshots[s];
            _borderForceMax = Math.Max(_borderForceMax, snap.Uk.BorderForce.Vessels);
            _rnliMax = Math.Max(_rnliMax, snap.Uk.Rnli.Vessels);
            int end = s + 1 < timeline.StartDays.Length ? timeline.StartDays[s + 1] : ctx.Days;
            _vesselHoursAvailable += (snap.Uk.BorderForce.Vessels + snap.Uk.Rnli.Vessels) * (end - timeline.StartDays[s]) * ReplicationContext.HoursPerDay;
        }
        // Pools are sized for the largest fleet on the timeline and reused across replications
        // (emptied by Drain); utilisation and waits are counted by the model itself.
        _borderForce = new Resource(ctx.Sim, _borderForceMax);
        _rnli = new Resource(ctx.Sim, _rnliMax);
    }

    public bool BorderForceFree => _borderForce.InUse < _borderForce.Capacity;
    public bool RnliFree => _rnli.InUse < _rnli.Capacity;

    /// <summary>Asks for a Border Force vessel for boat k: true if one was free, else boat k queues.</summary>
    public bool RequestBorderForce(int k) => _borderForce.Request((int)EventKind.BorderForceGranted, k);

    public bool RequestRnli(int k) => _rnli.Request((int)EventKind.RnliGranted, k);

    /// <summary>Takes boat k out of the Border Force queue (it was served otherwise or gave up); false if it was not queued.</summary>
    public bool WithdrawBorderForce(int k) => _borderForce.Withdraw(k);

    public static string Name(byte service) => service == BorderForce ? "border_force" : "rnli";

    public VesselServiceParameters Service(byte service) => service == BorderForce ? _ctx.P.Uk.BorderForce : _ctx.P.Uk.Rnli;

    // Returns every vessel and withdraws every waiter left at the end of the previous replication,
    // so the pools start empty without being reallocated. Withdrawals come first so that releases
    // cannot hand a unit on to a waiter. Runs before the boat pool is cleared.
    public void Drain()
    {
        int pendingBorderForce = 0;
        for (int k = 0; k < _boats.Count; k++)
        {
            ref Boat boat = ref _boats[k];
            if (boat.IsWaitingForUkVessel && !_borderForce.Withdraw(k)) pendingBorderForce++;
            boat.Waiting = false;
        }
        int pendingBfReserve = 0, pendingRnliReserve = 0;
        for (; _bfReserveQueued > 0; _bfReserveQueued--) if (!_borderForce.Withdraw(-BorderForce)) pendingBfReserve++;
        for (; _rnliReserveQueued > 0; _rnliReserveQueued--) if (!_rnli.Withdraw(-Rnli)) pendingRnliReserve++;
        for (int k = 0; k < _boats.Count; k++)
        {
            ref Boat boat = ref _boats[k];
            if (!boat.HoldsVessel) continue;
            (boat.Service == BorderForce ? _borderForce : _rnli).Release();
            boat.HoldsVessel = false;
        }
        for (int i = pendingBorderForce + pendingBfReserve + _bfReserveHeld; i > 0; i--) _borderForce.Release();
        for (int i = pendingRnliReserve + _rnliReserveHeld; i > 0; i--) _rnli.Release();
        _bfReserveHeld = _rnliReserveHeld = 0;
        if (_borderForce.InUse != 0 || _borderForce.QueueLength != 0 || _rnli.InUse != 0 || _rnli.QueueLength != 0)
            throw new InvalidOperationException("UK vessel pools were not empty after the replication was drained.");
    }

    public void Reset()
    {
        SetVesselCounts();
        _vesselBusyHours = 0;
    }

    // Vessel numbers can change on the timeline: pools are sized for the largest fleet and the
    // units not in service are held by a reserve (queued behind busy vessels if need be).
    public void SetVesselCounts()
    {
        AdjustReserve(_borderForce, _borderForceMax - _ctx.P.Uk.BorderForce.Vessels, ref _bfReserveHeld, ref _bfReserveQueued, BorderForce);
        AdjustReserve(_rnli, _rnliMax - _ctx.P.Uk.Rnli.Vessels, ref _rnliReserveHeld, ref _rnliReserveQueued, Rnli);
    }

    private static void AdjustReserve(Resource pool, int target, ref int held, ref int queued, byte service)
    {
        while (held + queued < target)
        {
            if (pool.Request((int)EventKind.ReserveGranted, -service)) held++; else queued++;
        }
        while (held + queued > target)
        {
            if (queued > 0 && pool.Withdraw(-service)) queued--;
            else
            {
                pool.Release();
                held--;
            }
        }
    }

    public void OnReserveGranted(int negativeService)
    {
        _ctx.Trace?.Record(_ctx.Sim.NowHours, Name((byte)-negativeService), "vessel_stood_down", 0, "timeline");
        if (-negativeService == BorderForce)
        {
            _bfReserveQueued--;
            _bfReserveHeld++;
        }
        else
        {
            _rnliReserveQueued--;
            _rnliReserveHeld++;
        }
    }

    /// <summary>Boat k's vessel is back on station and free for the next tasking.</summary>
    public void OnVesselFree(int k)
    {
        ref Boat boat = ref _boats[k];
        _vesselBusyHours += _ctx.Sim.NowHours - boat.TaskedHours;
        boat.HoldsVessel = false;
        _ctx.TraceBoat(k, "vessel_free", 0, Name(boat.Service));
        if (boat.Service == BorderForce) _borderForce.Release(); else _rnli.Release();
    }

    /// <summary>Busy share of the vessel hours on the timeline; vessels still busy at the end count up to the horizon.</summary>
    public double Utilisation(double endHours)
    {
        for (int k = 0; k < _boats.Count; k++)
            if (_boats[k].HoldsVessel) _vesselBusyHours += endHours - _boats[k].TaskedHours;
        return _vesselHoursAvailable <= 0 ? 0 : _vesselBusyHours / _vesselHoursAvailable;
    }
}
