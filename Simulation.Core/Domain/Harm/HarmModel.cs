using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Harm;

/// <summary>
/// Deaths and their causes (MODEL.md harm): crush in a launch or on an overloaded boat, and
/// drowning or cold after a capsize. The only place that takes people off a boat as dead.
/// </summary>
internal sealed class HarmModel
{
    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly BoatOutcomes _outcomes;

    public HarmModel(ReplicationContext ctx, BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _outcomes = outcomes;
    }

    public void Kill(int k, int people, DeathCause cause)
    {
        _boats[k].Load -= people;
        _tallies.Deaths(_ctx.Today, people, cause);
        _outcomes.Died(k, people);
    }

    /// <summary>Crush deaths in the scramble of a beach launch.</summary>
    public void CrushAtLaunch(int k)
    {
        int crushed = BinomialFromUniform(_ctx.BoatRng(StreamId.Harm, k, 0).NextDouble(), _boats[k].Load, _ctx.P.Enforcement.LaunchDeathProbabilityPerPerson);
        if (crushed > 0) Kill(k, crushed, DeathCause.Crush);
    }

    /// <summary>A crush incident aboard an overloaded boat as it sets off.</summary>
    public void CrushAboard(int k)
    {
        var harm = _ctx.P.Harm;
        RandomStream harmRng = _ctx.BoatRng(StreamId.Harm, k, 1);
        if (harmRng.NextDouble() < harm.CrushIncidentProbability(_boats[k].Load))
        {
            int crushed = Math.Min(_boats[k].Load, 1 + Samplers.Poisson(harmRng, harm.CrushDeathsPerIncidentMean - 1));
            Kill(k, crushed, DeathCause.Crush);
            _ctx.TraceBoat(k, "crush_incident", crushed, "deaths_crush");
        }
    }

    // A boat in distress may capsize; people in the water drown or die of cold before recovery.
    public bool InWaterHarm(int k, double hoursInWater, double waterTemperatureC, int phase)
    {
        RandomStream rng = _ctx.BoatRng(StreamId.Harm, k, phase);
        if (rng.NextDouble() >= _ctx.P.Harm.CapsizeGivenDistress) return false;
        int inWater = Samplers.Binomial(rng, _boats[k].Load, _ctx.P.Harm.ShareInWaterGivenCapsize);
        int drowned = BinomialFromUniform(rng.NextDouble(), inWater, _ctx.P.Harm.DrowningProbabilityInWater);
        int cold = BinomialFromUniform(rng.NextDouble(), inWater - drowned, _ctx.P.Harm.HypothermiaProbability(hoursInWater, waterTemperatureC));
        if (drowned > 0) Kill(k, drowned, DeathCause.Drowning);
        if (cold > 0) Kill(k, cold, DeathCause.Hypothermia);
        _ctx.TraceBoat(k, "capsize", drowned + cold, "deaths");
        return true;
    }

    // Binomial draw from one uniform by inversion: one number per draw keeps common random numbers
    // aligned across variants, and for the small death probabilities it costs about n·p steps.
    public static int BinomialFromUniform(double u, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        double q = 1 - p;
        double pmf = Math.Pow(q, n);
        double cdf = pmf;
        int x = 0;
        while (u > cdf && x < n)
        {
            pmf *= (double)(n - x) / (x + 1) * p / q;
            x++;
            cdf += pmf;
        }
        return x;
    }
}
