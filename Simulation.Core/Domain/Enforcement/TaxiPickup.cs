using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Enforcement;

/// <summary>
/// Taxi-boats: an empty boat travels along the coast and picks up groups waiting in the water at
/// one to three points. Police on land can stop a group; people waiting in the water can die of
/// cold or drown while boarding.
/// </summary>
internal sealed class TaxiPickup
{
    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly DailyWeather _weather;
    private readonly BoatStock _stock;
    private readonly HarmModel _harm;
    private readonly MaritimeInterception _interception;
    private readonly CrossingHazards _crossing;
    private readonly BoatOutcomes _outcomes;

    public TaxiPickup(ReplicationContext ctx, DailyWeather weather, BoatStock stock, HarmModel harm,
        MaritimeInterception interception, CrossingHazards crossing, BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _weather = weather;
        _stock = stock;
        _harm = harm;
        _interception = interception;
        _crossing = crossing;
        _outcomes = outcomes;
    }

    /// <summary>The empty boat sets off for the pick-up points.</summary>
    public void Depart(int k)
    {
        double travel = Samplers.Exponential(_ctx.BoatRng(StreamId.TaxiBoat, k, 0), _ctx.P.TaxiBoat.TravelHoursMean);
        _sim.Schedule(travel, (int)EventKind.TaxiPickup, k);
    }

    public void OnPickup(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = _ctx.Today;
        var taxi = _ctx.P.TaxiBoat;
        RandomStream rng = _ctx.BoatRng(StreamId.TaxiBoat, k, 1);
        // One to three points with exactly the stated mean: 1 + Binomial(2, (mean - 1) / 2), as two
        // uniforms so the draws after it do not depend on the mean.
        double extraPoint = (taxi.PickupPointsMean - 1) / 2;
        int groups = 1 + (rng.NextDouble() < extraPoint ? 1 : 0) + (rng.NextDouble() < extraPoint ? 1 : 0);
        double groupPrevention = _ctx.P.Enforcement.BeachPreventionProbability * taxi.LandPreventionFactor;
        double temperature = _weather.WaterTemperatureC(day);
        int remaining = boat.Load;
        int plannedLoad = boat.Load;
        int boarded = 0;
        // Draws are taken in a fixed order per group so boat k's groups see the same numbers in every
        // variant. A prevented group's retry draws reseed the shared per-boat stream, so the groups
        // after it continue from that substream (kept as it is: the golden outputs depend on it).
        for (int g = 0; g < groups; g++)
        {
            int size = remaining / (groups - g);
            remaining -= size;
            double uPrevent = rng.NextDouble();
            double wait = Samplers.Exponential(rng, taxi.WaitInWaterHoursMean);
            double uCold = rng.NextDouble();
            double uDrown = rng.NextDouble();
            if (uPrevent < groupPrevention)
            {
                _tallies.Prevented(day, size);
                boat.Load -= size;
                _outcomes.Fail(k, size);
                _ctx.TraceBoat(k, "group_prevented_on_land", size, "back_to_camp");
                continue;
            }
            int aboard = _harm.BoardingDeaths(k, size, plannedLoad, wait, temperature, uCold, uDrown);
            boarded += aboard;
            _ctx.TraceBoat(k, "group_boarded", aboard, "aboard");
        }
        if (boarded == 0)
        {
            boat.MoveTo(BoatState.Aborted);
            _stock.GiveBack();
            _ctx.TraceBoat(k, "aborted", 0, "boat_back_to_network");
            return;
        }
        if (_interception.TryInterceptNearShore(k, 2)) return;
        _crossing.Start(k);
    }
}
