using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Enforcement;

/// <summary>
/// French interception afloat under the doctrine in force: taxi-boats stopped before boarding,
/// loaded boats stopped in shallow water or, under the full doctrine, near the coast. An
/// intervention can capsize the boat. Every intervention needs a French vessel for a while; when
/// all are busy, the boat that would have been stopped goes on.
/// </summary>
internal sealed class MaritimeInterception
{
    // Upper bound of french.maritime.vessels in the catalog; only the first Vessels in force are used.
    private const int MaxVessels = 100;

    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly HarmModel _harm;
    private readonly BoatOutcomes _outcomes;
    // Hour at which each French vessel is free again; a vessel is a busy-until time, so no events are needed.
    private readonly double[] _vesselFreeAt = new double[MaxVessels];

    public MaritimeInterception(ReplicationContext ctx, HarmModel harm, BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _harm = harm;
        _outcomes = outcomes;
    }

    public void Reset() => Array.Clear(_vesselFreeAt);

    /// <summary>True when taxi-boat k was stopped before anyone boarded.</summary>
    public bool TryStopBeforeBoarding(int k)
    {
        var enf = _ctx.P.Enforcement;
        if (enf.ActsBeforeBoarding &&
            _ctx.BoatRng(StreamId.MaritimeInterception, k, 0).NextDouble() < enf.BeforeBoardingEffectiveness &&
            TryTaskVessel(k))
        {
            // The empty boat is seized; the groups waiting for it go back to the camps. Only the crew
            // is aboard, so an incident puts none of the passengers in the water.
            Intercept(k, enf.BeforeBoardingCapsize, 1, passengersAboard: false);
            return true;
        }
        return false;
    }

    // Shallow-water and full doctrines act on a loaded boat close to shore.
    public bool TryInterceptNearShore(int k, int phase)
    {
        var enf = _ctx.P.Enforcement;
        if (!enf.ActsInShallowWater) return false;
        RandomStream rng = _ctx.BoatRng(StreamId.MaritimeInterception, k, phase);
        double uShallow = rng.NextDouble();
        double uFull = rng.NextDouble();
        if (uShallow < enf.ShallowWaterEffectiveness)
        {
            if (!TryTaskVessel(k)) return false;
            Intercept(k, enf.ShallowWaterCapsize, phase + 4, passengersAboard: true);
            return true;
        }
        if (enf.InterceptsAtSea && uFull < enf.FullEffectiveness)
        {
            if (!TryTaskVessel(k)) return false;
            Intercept(k, enf.FullCapsize, phase + 8, passengersAboard: true);
            return true;
        }
        return false;
    }

    // The first free vessel takes the job; none free means the interception does not happen.
    private bool TryTaskVessel(int k)
    {
        double now = _ctx.Sim.NowHours;
        int vessels = Math.Min(_ctx.P.Enforcement.MaritimeVessels, MaxVessels);
        for (int v = 0; v < vessels; v++)
        {
            if (_vesselFreeAt[v] <= now)
            {
                _vesselFreeAt[v] = now + _ctx.P.Enforcement.InterceptionHours;
                return true;
            }
        }
        // Counted by the night the boat left, so one night's launches after midnight count once.
        _tallies.FrenchVesselsBinding(_boats[k].LaunchDay);
        _ctx.TraceBoat(k, "french_vessels_busy", _boats[k].Load, "goes_on");
        return false;
    }

    private void Intercept(int k, double capsizeProbability, int phase, bool passengersAboard)
    {
        ref Boat boat = ref _boats[k];
        RandomStream rng = _ctx.BoatRng(StreamId.MaritimeInterception, k, phase);
        if (rng.NextDouble() < capsizeProbability)
        {
            // The crew is not among the people the model follows, so an empty boat's capsize kills nobody counted.
            int inWater = passengersAboard ? Samplers.Binomial(rng, boat.Load, _ctx.P.Harm.ShareInWaterGivenCapsize) : 0;
            int dead = HarmModel.BinomialFromUniform(rng.NextDouble(), inWater, _ctx.P.Enforcement.FatalityGivenCapsize);
            if (dead > 0) _harm.Kill(k, dead, DeathCause.Interception);
            _ctx.TraceBoat(k, "interception_capsize", dead, "deaths_interception");
        }
        boat.MoveTo(BoatState.InterceptedFr);
        _tallies.InterceptedFr(boat.Load);
        _ctx.TraceBoat(k, "intercepted_fr", boat.Load, "back_to_camp");
        _outcomes.Fail(k, boat.Load);
    }
}
