using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// UK response to a boat in UK waters (and, under Windspire, in French waters). On entering UK
/// waters a boat gets the RNLI when a lifeboat is nearest and free, else a joint-operations ship
/// when one is free and near enough, else a free Border Force vessel; when none is free it heads
/// for a beach or joins one waiting list, longest waiting first. Whatever vessel comes free (or
/// comes on duty on the timeline) takes the longest waiting boat: Border Force or a ship at once,
/// a lifeboat once the boat has waited the RNLI threshold (and a free lifeboat takes a boat the
/// moment it crosses the threshold). A boat still waiting at the maximum wait heads for a beach.
/// A vessel with room after a pick-up takes the longest waiting boat whose people fit as well.
/// </summary>
internal sealed class UkResponder
{
    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly DailyWeather _weather;
    private readonly UkFleet _fleet;
    private readonly Windspire _windspire;
    private readonly JointOperationsShips _ships;
    private readonly HarmModel _harm;
    private readonly BoatOutcomes _outcomes;
    // The waiting list: boats in the order they started waiting, which is longest waiting first.
    // Boats served or gone for a beach stay in place and are skipped when reached.
    private int[] _waiting = new int[256];
    private int _head, _queued;
    // Boats entering UK waters per day, to rank the busy nights.
    private readonly int[] _enteredByDay;
    private readonly double[] _nightKeys;
    private readonly int[] _nightDays;

    public UkResponder(ReplicationContext ctx, DailyWeather weather, UkFleet fleet, Windspire windspire, JointOperationsShips ships,
        HarmModel harm, BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _weather = weather;
        _fleet = fleet;
        _windspire = windspire;
        _ships = ships;
        _harm = harm;
        _outcomes = outcomes;
        _enteredByDay = new int[ctx.Days];
        _nightKeys = new double[ctx.Days];
        _nightDays = new int[ctx.Days];
    }

    public void Reset()
    {
        _head = _queued = 0;
        Array.Clear(_enteredByDay);
    }

    /// <summary>
    /// True when a UK vessel answers a distress call in French waters: UK vessels work there, this
    /// incident falls in their share (<paramref name="u"/> uniform) and a Border Force vessel is free.
    /// </summary>
    public bool AnswersInFrenchWaters(double u)
    {
        var uk = _ctx.P.Uk;
        return uk.OperateInFrenchWaters && u < uk.FrenchWatersResponseShare && _fleet.BorderForceFree;
    }

    /// <summary>Hours for a Border Force vessel to reach a boat in French waters (twice its UK-waters distance).</summary>
    public double FrenchWatersResponseHours => 2 * _ctx.P.Uk.BorderForce.ResponseHours;

    /// <summary>Boat k in distress in French waters is taken by Border Force (after <see cref="AnswersInFrenchWaters"/>).</summary>
    public void RespondInFrenchWaters(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.RescueInFrenchWaters = true;
        boat.EnteredUkHours = _sim.NowHours;
        Task(k, UkFleet.BorderForce);
    }

    public void OnEnterUkWaters(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.MoveTo(BoatState.InUkWaters);
        boat.EnteredUkHours = _sim.NowHours;
        _enteredByDay[_ctx.Today]++;
        _ctx.TraceBoat(k, "entered_uk_waters", boat.Load, "requests_uk_vessel");
        var uk = _ctx.P.Uk;
        RandomStream rng = _ctx.BoatRng(StreamId.UkResponse, k, 0);
        double uNearest = rng.NextDouble();
        double uSelfLand = rng.NextDouble();
        if (uNearest < uk.RnliNearestAssetShare && _fleet.RnliFree)
        {
            Task(k, UkFleet.Rnli);
            return;
        }
        if (_ships.TryTakeInUkWaters(k)) return;
        if (_fleet.BorderForceFree)
        {
            Task(k, UkFleet.BorderForce);
            return;
        }
        boat.Queued = true;
        if (uSelfLand < uk.SelfLandProbabilityWhenBusy)
        {
            HeadForBeach(k);
            return;
        }
        boat.Waiting = true;
        Enqueue(k);
        _sim.Schedule(uk.RnliWaitThresholdHours, (int)EventKind.RnliThreshold, k);
        _sim.Schedule(uk.MaxWaitHours, (int)EventKind.MaxWaitReached, k);
        // A lifeboat may be free with a zero threshold.
        if (uk.RnliWaitThresholdHours <= 0) ServeWaiting();
    }

    /// <summary>
    /// Free vessels take the longest waiting boats: a ship or Border Force at once, a lifeboat once
    /// the boat has waited the RNLI threshold. Called whenever a vessel comes free, a boat crosses
    /// the threshold or the fleet changes on the timeline.
    /// </summary>
    public void ServeWaiting()
    {
        double threshold = _ctx.P.Uk.RnliWaitThresholdHours;
        while (true)
        {
            int k = PeekWaiting();
            if (k < 0) return;
            ref Boat boat = ref _boats[k];
            if (_ships.TryTakeInUkWaters(k)) { }
            else if (_fleet.BorderForceFree) Task(k, UkFleet.BorderForce);
            // Boats behind the head have waited less: if the head is not yet eligible, none is.
            else if (_fleet.RnliFree && _sim.NowHours >= boat.EnteredUkHours + threshold) Task(k, UkFleet.Rnli);
            else return;
            _ctx.TraceBoat(k, "vessel_granted", boat.Load, "from_waiting_list");
        }
    }

    /// <summary>A UK vessel (Border Force, RNLI) is back on station.</summary>
    public void OnVesselFree(int k)
    {
        _fleet.OnVesselFree(k);
        ServeWaiting();
    }

    /// <summary>A joint-operations ship is back on station.</summary>
    public void OnShipFree(int k)
    {
        _ships.OnShipFree(k);
        ServeWaiting();
    }

    public void OnRnliThreshold(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            _ctx.TraceBoat(k, "rnli_threshold", boat.Load, "already_served");
            return;
        }
        ServeWaiting();
        if (boat.IsWaitingForUkVessel) _ctx.TraceBoat(k, "rnli_threshold", boat.Load, "keeps_waiting");
    }

    public void OnMaxWaitReached(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            _ctx.TraceBoat(k, "max_wait", boat.Load, "already_served");
            return;
        }
        HeadForBeach(k);
    }

    private void HeadForBeach(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.WaitEndHours = _sim.NowHours;
        boat.MoveTo(BoatState.HeadingForBeach);
        _ctx.TraceBoat(k, "heading_for_beach", boat.Load, "no_vessel");
        _sim.Schedule(_ctx.P.Uk.BeachRunHours, (int)EventKind.SelfLanded, k);
    }

    private void Task(int k, byte service)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.WaitEndHours = _sim.NowHours;
        boat.Service = service;
        boat.TaskedHours = _sim.NowHours;
        _fleet.Take(k, service);
        VesselServiceParameters v = _fleet.Service(service);
        double response = boat.RescueInFrenchWaters ? FrenchWatersResponseHours : v.ResponseHours;
        _ctx.TraceBoat(k, service == UkFleet.BorderForce ? "tasked_border_force" : "tasked_rnli", boat.Load, "vessel_en_route");
        _sim.Schedule(response, (int)EventKind.VesselOnScene, k);
    }

    public void OnVesselOnScene(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = _ctx.Today;
        double now = _sim.NowHours;
        var uk = _ctx.P.Uk;
        if (!boat.RescueInFrenchWaters)
        {
            // The underway hazard runs until the vessel is on scene; drifting while waiting for a
            // vessel adds its own hazard, over the wait only (a boat tasked at once never waited).
            double distressAt = Math.Min(boat.DistressAtHours, WaitingDistressAt(k, 1));
            if (distressAt < now)
            {
                _ctx.TraceBoat(k, "distress", boat.Load, "uk_waters");
                if (_harm.InWaterHarm(k, now - distressAt, _weather.WaterTemperatureC(day), 3)) boat.Capsized = true;
            }
            _tallies.Waited(now - boat.EnteredUkHours);
            _tallies.UkWaitEnded(boat.Queued);
        }
        if (boat.Service == JointOperationsShips.Service)
        {
            boat.MoveTo(boat.Load == 0 ? BoatState.Lost : BoatState.AboardUkVessel);
            if (boat.Load == 0)
            {
                _ctx.TraceBoat(k, "vessel_on_scene", 0, "no_survivors");
                _ships.NoSurvivors(k);
            }
            else _ships.PickUp(k, day);
            return;
        }
        VesselServiceParameters v = _fleet.Service(boat.Service);
        _tallies.UkResponse(boat.Service == UkFleet.BorderForce);
        boat.MoveTo(boat.Load == 0 ? BoatState.Lost : BoatState.AboardUkVessel);
        if (boat.Load == 0)
        {
            _ctx.TraceBoat(k, "vessel_on_scene", 0, "no_survivors");
            if (boat.CarriedWithPlusOne > 0) LandTrip(k, v.ReturnHours, v);
            else _sim.Schedule(v.ReturnHours, (int)EventKind.VesselFree, k);
            return;
        }
        _tallies.RescuedUk(boat.Load);
        // Windspire is decided on the first boat of a trip; a trip bound for France takes no second boat.
        if (boat.Service == UkFleet.BorderForce && boat.CarriedWithPlusOne == 0)
            boat.ToFrance = _windspire.ReturnsToFrance(k, boat.RescueInFrenchWaters, day);
        _ctx.TraceBoat(k, "picked_up", boat.Load, boat.ToFrance ? "to_french_port" : "to_uk_port");
        if (!boat.ToFrance && TryPickUpAnother(k, v)) return;
        LandTrip(k, v.PickupToLandingHours(boat.Load) + (boat.ToFrance ? uk.WindspireExtraHours : 0), v);
    }

    // After taking boat k's people aboard, a vessel with room for the people of the longest waiting
    // boat that fits (a lifeboat: one past the RNLI threshold) takes it as well: it finishes the
    // transfer and sails to the second boat, taken to be as far as a station is from a boat. The
    // vessel stays with the last boat of the trip; the earlier boats' people land with it.
    private bool TryPickUpAnother(int k, VesselServiceParameters v)
    {
        int carried = 0;
        for (int b = k; ; b = _boats[b].CarriedWithPlusOne - 1)
        {
            carried += _boats[b].Load;
            if (_boats[b].CarriedWithPlusOne == 0) break;
        }
        int room = v.CapacityPeople - carried;
        if (room <= 0 || _queued == 0) return false;
        byte service = _boats[k].Service;
        double eligibleFrom = service == UkFleet.Rnli ? _sim.NowHours - _ctx.P.Uk.RnliWaitThresholdHours : double.PositiveInfinity;
        int mask = _waiting.Length - 1;
        for (int i = 0; i < _queued; i++)
        {
            int j = _waiting[(_head + i) & mask];
            ref Boat next = ref _boats[j];
            if (!next.IsWaitingForUkVessel || next.Load > room) continue;
            if (service == UkFleet.Rnli && next.EnteredUkHours > eligibleFrom) break;
            ref Boat first = ref _boats[k];
            next.Waiting = false;
            next.WaitEndHours = _sim.NowHours;
            next.Service = service;
            next.TaskedHours = _sim.NowHours;
            next.CarriedWithPlusOne = k + 1;
            next.HoldsVessel = true;
            next.VesselBusyFromHours = first.VesselBusyFromHours;
            first.HoldsVessel = false;
            _ctx.TraceBoat(j, service == UkFleet.BorderForce ? "tasked_border_force" : "tasked_rnli", next.Load, "second_pickup");
            _sim.Schedule(v.TransferHours + v.ResponseHours, (int)EventKind.VesselOnScene, j);
            return true;
        }
        return false;
    }

    // Boat k is the last boat of its trip: every boat aboard lands after toLanding hours, and the
    // vessel is free after its turnaround.
    private void LandTrip(int k, double toLanding, VesselServiceParameters v)
    {
        for (int b = k; b >= 0; b = _boats[b].CarriedWithPlusOne - 1)
            if (_boats[b].State == BoatState.AboardUkVessel) _sim.Schedule(toLanding, (int)EventKind.PeopleLanded, b);
        _sim.Schedule(toLanding + v.TurnaroundHours, (int)EventKind.VesselFree, k);
    }

    public void OnPeopleLanded(int k)
    {
        ref Boat boat = ref _boats[k];
        if (boat.ToFrance)
        {
            boat.MoveTo(BoatState.ReturnedToFrance);
            _tallies.ReturnedWindspire(boat.Load);
            _ctx.TraceBoat(k, "returned_windspire", boat.Load, "back_to_camp");
            _outcomes.Fail(k, boat.Load);
            return;
        }
        boat.MoveTo(BoatState.LandedUk);
        _ctx.TraceBoat(k, "landed_uk", boat.Load, "arrived");
        _outcomes.Arrive(k);
    }

    public void OnSelfLanded(int k)
    {
        ref Boat boat = ref _boats[k];
        double now = _sim.NowHours;
        double distressAt = Math.Min(boat.DistressAtHours, WaitingDistressAt(k, 2));
        if (distressAt < now) _harm.InWaterHarm(k, now - distressAt, _weather.WaterTemperatureC(_ctx.Today), 4);
        boat.MoveTo(BoatState.SelfLanded);
        _tallies.SelfLanded();
        _tallies.UkWaitEnded(boat.Queued);
        _ctx.TraceBoat(k, "self_landed", boat.Load, "arrived");
        if (boat.Load > 0) _outcomes.Arrive(k);
    }

    // Distress from drifting while waiting: an exponential time at the waiting hazard from the
    // start of the wait, which counts only if it falls before the wait ended.
    private double WaitingDistressAt(int k, int phase)
    {
        ref Boat boat = ref _boats[k];
        double hazard = _ctx.P.Uk.WaitingHazardPerHour;
        if (!boat.Queued || hazard <= 0) return double.PositiveInfinity;
        RandomStream rng = _ctx.BoatRng(StreamId.UkResponse, k, phase);
        double at = boat.EnteredUkHours + Samplers.Exponential(rng, 1) / hazard;
        return at < boat.WaitEndHours ? at : double.PositiveInfinity;
    }

    /// <summary>
    /// Busy share of UK vessel time (Border Force and RNLI) over the busiest tenth of the days,
    /// ranked by boats entering UK waters (ties: the earlier day): busy vessel-hours in those days
    /// divided by vessel-hours on duty in them (call after <see cref="UkFleet.Utilisation"/>).
    /// </summary>
    public double BusyNightUtilisation()
    {
        int days = _enteredByDay.Length;
        if (days == 0) return 0;
        for (int d = 0; d < days; d++)
        {
            _nightKeys[d] = -(double)_enteredByDay[d] * (days + 1) + d;
            _nightDays[d] = d;
        }
        Array.Sort(_nightKeys, _nightDays);
        int busiest = Math.Max(1, (int)Math.Ceiling(0.1 * days));
        double busy = 0, available = 0;
        ReadOnlySpan<double> busyByDay = _fleet.BusyHoursByDay, availableByDay = _fleet.AvailableHoursByDay;
        for (int i = 0; i < busiest; i++)
        {
            busy += busyByDay[_nightDays[i]];
            available += availableByDay[_nightDays[i]];
        }
        return available <= 0 ? 0 : busy / available;
    }

    private int PeekWaiting()
    {
        while (_queued > 0)
        {
            int k = _waiting[_head];
            if (_boats[k].IsWaitingForUkVessel) return k;
            _head = (_head + 1) & (_waiting.Length - 1);
            _queued--;
        }
        return -1;
    }

    private void Enqueue(int k)
    {
        if (_queued == _waiting.Length) Grow();
        _waiting[(_head + _queued) & (_waiting.Length - 1)] = k;
        _queued++;
    }

    private void Grow()
    {
        var bigger = new int[_waiting.Length * 2];
        for (int i = 0; i < _queued; i++) bigger[i] = _waiting[(_head + i) & (_waiting.Length - 1)];
        _waiting = bigger;
        _head = 0;
    }
}
