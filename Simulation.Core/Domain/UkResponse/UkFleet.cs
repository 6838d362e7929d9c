using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Policy;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// The UK vessels as two counts of busy units (Border Force, RNLI) against the numbers on duty under
/// the parameters in force. A fleet cut on the timeline needs no bookkeeping: a vessel finishing its
/// trip simply does not count as free while as many as are on duty are still busy. Busy hours are
/// counted here, in total and per day, for the utilisation metrics.
/// </summary>
internal sealed class UkFleet
{
    public const byte BorderForce = 1;
    public const byte Rnli = 2;

    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly double _vesselHoursAvailable;
    // Vessel-hours on duty and vessel-hours busy per day, for the busy-night utilisation.
    private readonly double[] _availableByDay;
    private readonly double[] _busyByDay;
    private int _borderForceBusy, _rnliBusy;
    private double _vesselBusyHours;

    public UkFleet(ReplicationContext ctx, PolicyTimeline timeline)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _availableByDay = new double[ctx.Days];
        _busyByDay = new double[ctx.Days];
        for (int s = 0; s < timeline.Snapshots.Length; s++)
        {
            ModelParameters snap = timeline.Snapshots[s];
            int end = s + 1 < timeline.StartDays.Length ? timeline.StartDays[s + 1] : ctx.Days;
            double perDay = (snap.Uk.BorderForce.Vessels + snap.Uk.Rnli.Vessels) * ReplicationContext.HoursPerDay;
            for (int d = timeline.StartDays[s]; d < end; d++) _availableByDay[d] = perDay;
            _vesselHoursAvailable += perDay * (end - timeline.StartDays[s]);
        }
    }

    public bool BorderForceFree => _borderForceBusy < _ctx.P.Uk.BorderForce.Vessels;
    public bool RnliFree => _rnliBusy < _ctx.P.Uk.Rnli.Vessels;

    /// <summary>Vessel-hours on duty on each day.</summary>
    public ReadOnlySpan<double> AvailableHoursByDay => _availableByDay;

    /// <summary>Vessel-hours busy on each day (valid after <see cref="Utilisation"/>).</summary>
    public ReadOnlySpan<double> BusyHoursByDay => _busyByDay;

    /// <summary>A vessel of the service leaves its station for boat k (the caller checked it is free).</summary>
    public void Take(int k, byte service)
    {
        if (service == BorderForce) _borderForceBusy++; else _rnliBusy++;
        ref Boat boat = ref _boats[k];
        boat.HoldsVessel = true;
        boat.VesselBusyFromHours = _ctx.Sim.NowHours;
    }

    public static string Name(byte service) => service == BorderForce ? "border_force" : "rnli";

    public VesselServiceParameters Service(byte service) => service == BorderForce ? _ctx.P.Uk.BorderForce : _ctx.P.Uk.Rnli;

    public void Reset()
    {
        _borderForceBusy = _rnliBusy = 0;
        _vesselBusyHours = 0;
        Array.Clear(_busyByDay);
    }

    /// <summary>The vessel held for boat k is back on station and free for the next tasking.</summary>
    public void OnVesselFree(int k)
    {
        ref Boat boat = ref _boats[k];
        AddBusy(boat.VesselBusyFromHours, _ctx.Sim.NowHours);
        boat.HoldsVessel = false;
        _ctx.TraceBoat(k, "vessel_free", 0, Name(boat.Service));
        if (boat.Service == BorderForce) _borderForceBusy--; else _rnliBusy--;
    }

    /// <summary>Busy share of the vessel hours on the timeline; vessels still busy at the end count up to the horizon.</summary>
    public double Utilisation(double endHours)
    {
        for (int k = 0; k < _boats.Count; k++)
            if (_boats[k].HoldsVessel) AddBusy(_boats[k].VesselBusyFromHours, endHours);
        return _vesselHoursAvailable <= 0 ? 0 : _vesselBusyHours / _vesselHoursAvailable;
    }

    // Splits a busy interval over the days it covers.
    private void AddBusy(double from, double to)
    {
        _vesselBusyHours += to - from;
        double h = ReplicationContext.HoursPerDay;
        while (from < to)
        {
            int day = (int)(from / h);
            if (day >= _busyByDay.Length) break;
            double dayEnd = (day + 1) * h;
            double until = Math.Min(to, dayEnd);
            _busyByDay[day] += until - from;
            from = until;
        }
    }
}
