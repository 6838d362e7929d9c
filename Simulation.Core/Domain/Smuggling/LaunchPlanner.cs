using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>
/// The smuggling networks' night: how many people they put on boats, in how many boats, which as
/// taxi-boats, and when each boat leaves; then the launch itself, which sends a taxi-boat to its
/// pick-ups and a beach boat past the police on the beach.
/// </summary>
internal sealed class LaunchPlanner
{
    // Launch slots per night that get their own random substreams; more launches in one night are not made.
    private const int MaxLaunchesPerNight = 4096;

    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly RandomStream _rng = new(0);
    private readonly Camp _camp;
    private readonly BoatStock _stock;
    private readonly TacticChoice _tactics;
    private readonly BoatOutcomes _outcomes;
    private readonly HarmModel _harm;
    private readonly BeachPolice _beachPolice;
    private readonly MaritimeInterception _interception;
    private readonly TaxiPickup _taxiPickup;
    private readonly CrossingHazards _crossing;

    public LaunchPlanner(ReplicationContext ctx, Camp camp, BoatStock stock, TacticChoice tactics, BoatOutcomes outcomes,
        HarmModel harm, BeachPolice beachPolice, MaritimeInterception interception, TaxiPickup taxiPickup, CrossingHazards crossing)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _camp = camp;
        _stock = stock;
        _tactics = tactics;
        _outcomes = outcomes;
        _harm = harm;
        _beachPolice = beachPolice;
        _interception = interception;
        _taxiPickup = taxiPickup;
        _crossing = crossing;
    }

    public void Reset()
    {
        _rng.Reseed(_ctx.StreamSeed(StreamId.Smuggling));
        _stock.Reset(_ctx.P.Smuggling.BoatStockInitial);
    }

    /// <summary>The day's stream is keyed by the day; the networks order boats for the people waiting and deliveries arrive.</summary>
    public void StartDay(int day)
    {
        _rng.Reseed(_ctx.StreamSeed(StreamId.Smuggling, day));
        _stock.StartDay(day, _camp.People, _ctx.P.Smuggling);
    }

    // The networks put a share of the people waiting on boats, so launches follow the camp:
    // people sent back to France come out again on the next calm nights, and capacity binds
    // only at the organising limit and the boat stock. The night's activity factor is the
    // first draw of the day's stream (the supply draws nothing), so it is the same under every variant.
    public void PlanNight(int day, SeaRating rating)
    {
        SmugglingParameters sm = _ctx.P.Smuggling;
        double activity = sm.NightActivityCv <= 0 ? 1.0 : Samplers.Gamma(_rng, sm.NightActivityShape, sm.NightActivityScale);
        int toLaunch = (int)Math.Round(_camp.People * Math.Min(1.0, sm.AttemptShare[(int)rating] * activity));
        int slots = Math.Min(sm.MaxLaunchesPerNight, MaxLaunchesPerNight);
        double loadMultiplier = LoadDistribution.ScarcityMultiplier(sm, toLaunch, Math.Min(_stock.Boats, slots));
        for (int i = 0; i < slots; i++)
        {
            if (toLaunch < sm.LoadMinPeople) break;
            if (_stock.Boats <= 0)
            {
                _tallies.BoatStockBinding(day);
                break;
            }
            int k = _boats.Add();
            // Boat k's substreams are keyed by its launch slot (day, i), not by its serial number,
            // so the i-th launch of day d draws the same numbers under every policy variant.
            _boats[k].RandomKey = (long)day * MaxLaunchesPerNight + i;
            RandomStream rng = _ctx.BoatRng(StreamId.Smuggling, k, 0);
            int load = Math.Min(LoadDistribution.Sample(sm, rng, loadMultiplier), toLaunch);
            // A remainder too small for a boat of its own joins this one.
            if (toLaunch - load < sm.LoadMinPeople) load = Math.Min(toLaunch, sm.LoadMaxPeople);
            double launchAt = day * ReplicationContext.HoursPerDay + sm.LaunchWindowStartHour + rng.NextDouble() * sm.LaunchWindowHours;
            ref Boat boat = ref _boats[k];
            boat.Taxi = rng.NextDouble() < _tactics.TaxiShare;
            boat.Load = load;
            boat.LaunchDay = day;
            toLaunch -= load;
            _camp.Board(k, load);
            _outcomes.PutToSea(load);
            _stock.Take();
            _sim.ScheduleAt(launchAt, (int)EventKind.BoatLaunch, k);
        }
    }

    public void OnLaunch(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = _ctx.Today;
        _tallies.Launch(day, boat.Load, boat.Taxi);
        if (boat.Taxi)
        {
            boat.MoveTo(BoatState.TaxiTransit);
            _ctx.TraceBoat(k, "launch", boat.Load, "taxi_boat");
            if (_interception.TryStopBeforeBoarding(k)) return;
            _taxiPickup.Depart(k);
            return;
        }

        _ctx.TraceBoat(k, "launch", boat.Load, "beach");
        _harm.CrushAtLaunch(k);
        if (boat.Load == 0)
        {
            boat.MoveTo(BoatState.Lost);
            return;
        }
        if (_beachPolice.TryPrevent(k, day)) return;
        if (_interception.TryInterceptNearShore(k, 1)) return;
        _crossing.Start(k);
    }
}
