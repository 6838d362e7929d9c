using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// UK response to a boat in UK waters (and, under Windspire, in French waters): the RNLI when it is
/// nearest, else a joint-operations ship when one is free and near enough, else Border Force, else
/// the boat waits (RNLI after a threshold) or heads for a beach; the vessel reaches the boat, takes
/// its people aboard and lands them in the UK or in France.
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
    }

    /// <summary>
    /// Boat k in distress in French waters, before French rescue takes it: a free Border Force vessel
    /// answers when UK vessels work there and this incident falls in their share (<paramref name="u"/> uniform).
    /// </summary>
    public bool TryRespondInFrenchWaters(int k, double u)
    {
        var uk = _ctx.P.Uk;
        if (uk.OperateInFrenchWaters && u < uk.FrenchWatersResponseShare && _fleet.BorderForceFree)
        {
            _fleet.RequestBorderForce(k);
            ref Boat boat = ref _boats[k];
            boat.RescueInFrenchWaters = true;
            boat.EnteredUkHours = _sim.NowHours;
            AssignVessel(k, UkFleet.BorderForce);
            return true;
        }
        return false;
    }

    public void OnEnterUkWaters(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.MoveTo(BoatState.InUkWaters);
        boat.EnteredUkHours = _sim.NowHours;
        _ctx.TraceBoat(k, "entered_uk_waters", boat.Load, "requests_uk_vessel");
        var uk = _ctx.P.Uk;
        RandomStream rng = _ctx.BoatRng(StreamId.UkResponse, k, 0);
        double uNearest = rng.NextDouble();
        double uSelfLand = rng.NextDouble();
        if (uNearest < uk.RnliNearestAssetShare && _fleet.RnliFree)
        {
            _fleet.RequestRnli(k);
            AssignVessel(k, UkFleet.Rnli);
            return;
        }
        if (_ships.TryTakeInUkWaters(k)) return;
        if (_fleet.RequestBorderForce(k))
        {
            AssignVessel(k, UkFleet.BorderForce);
            return;
        }
        if (uSelfLand < uk.SelfLandProbabilityWhenBusy)
        {
            _fleet.WithdrawBorderForce(k);
            HeadForBeach(k);
            return;
        }
        boat.Waiting = true;
        _ships.NoteWaiting(k);
        _sim.Schedule(uk.RnliWaitThresholdHours, (int)EventKind.RnliThreshold, k);
        _sim.Schedule(uk.MaxWaitHours, (int)EventKind.MaxWaitReached, k);
    }

    public void OnVesselGranted(int k, byte service)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
            throw new InvalidOperationException($"Boat {k} was granted a vessel in state {boat.State} without waiting.");
        _ctx.TraceBoat(k, "vessel_granted", boat.Load, UkFleet.Name(service));
        AssignVessel(k, service);
    }

    public void OnRnliThreshold(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            _ctx.TraceBoat(k, "rnli_threshold", boat.Load, "already_served");
            return;
        }
        if (!_fleet.RnliFree)
        {
            _ctx.TraceBoat(k, "rnli_threshold", boat.Load, "rnli_busy_keeps_waiting");
            return;
        }
        _fleet.RequestRnli(k);
        _fleet.WithdrawBorderForce(k);
        AssignVessel(k, UkFleet.Rnli);
    }

    public void OnMaxWaitReached(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            _ctx.TraceBoat(k, "max_wait", boat.Load, "already_served");
            return;
        }
        _fleet.WithdrawBorderForce(k);
        HeadForBeach(k);
    }

    private void HeadForBeach(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.MoveTo(BoatState.HeadingForBeach);
        _ctx.TraceBoat(k, "heading_for_beach", boat.Load, "no_vessel");
        _sim.Schedule(_ctx.P.Uk.BeachRunHours, (int)EventKind.SelfLanded, k);
    }

    private void AssignVessel(int k, byte service)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.Service = service;
        boat.HoldsVessel = true;
        boat.TaskedHours = _sim.NowHours;
        VesselServiceParameters v = _fleet.Service(service);
        double response = v.ResponseHours + (boat.RescueInFrenchWaters ? v.ResponseHours : 0);
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
            // Distress while waiting in UK waters: the underway hazard keeps running and drifting adds its own.
            RandomStream rng = _ctx.BoatRng(StreamId.UkResponse, k, 1);
            double waited = now - boat.EnteredUkHours;
            double waitDistress = uk.WaitingHazardPerHour > 0
                ? boat.EnteredUkHours + Samplers.Exponential(rng, 1) / uk.WaitingHazardPerHour : double.PositiveInfinity;
            double distressAt = Math.Min(boat.DistressAtHours, waitDistress);
            if (distressAt < now)
            {
                _ctx.TraceBoat(k, "distress", boat.Load, "uk_waters");
                _harm.InWaterHarm(k, now - distressAt, _weather.WaterTemperatureC(day), 3);
            }
            _tallies.Waited(waited);
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
            _sim.Schedule(v.ReturnHours, (int)EventKind.VesselFree, k);
            return;
        }
        _tallies.RescuedUk(boat.Load);
        if (boat.Service == UkFleet.BorderForce)
            boat.ToFrance = _windspire.ReturnsToFrance(k, boat.RescueInFrenchWaters, day);
        double toLanding = v.PickupToLandingHours(boat.Load) + (boat.ToFrance ? uk.WindspireExtraHours : 0);
        _ctx.TraceBoat(k, "picked_up", boat.Load, boat.ToFrance ? "to_french_port" : "to_uk_port");
        _sim.Schedule(toLanding, (int)EventKind.PeopleLanded, k);
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
        RandomStream rng = _ctx.BoatRng(StreamId.UkResponse, k, 2);
        double waitDistress = _ctx.P.Uk.WaitingHazardPerHour > 0
            ? boat.EnteredUkHours + Samplers.Exponential(rng, 1) / _ctx.P.Uk.WaitingHazardPerHour : double.PositiveInfinity;
        double distressAt = Math.Min(boat.DistressAtHours, waitDistress);
        if (distressAt < now) _harm.InWaterHarm(k, now - distressAt, _weather.WaterTemperatureC(_ctx.Today), 4);
        boat.MoveTo(BoatState.SelfLanded);
        _tallies.SelfLanded();
        _ctx.TraceBoat(k, "self_landed", boat.Load, "arrived");
        if (boat.Load > 0) _outcomes.Arrive(k);
    }
}
