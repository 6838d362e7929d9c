using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
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
    private readonly DailyWeather _weather;

    public HarmModel(ReplicationContext ctx, BoatOutcomes outcomes, DailyWeather weather)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _outcomes = outcomes;
        _weather = weather;
    }

    /// <summary>Takes dead people off boat k; every death passes here, so every death is one trace event.</summary>
    public void Kill(int k, int people, DeathCause cause)
    {
        _boats[k].Load -= people;
        _tallies.Deaths(_ctx.Today, people, cause);
        _outcomes.Died(k, people);
        _ctx.TraceBoat(k, "death", people, CauseName(cause));
    }

    private static string CauseName(DeathCause cause) => cause switch
    {
        DeathCause.Drowning => "drowning",
        DeathCause.Hypothermia => "hypothermia",
        DeathCause.Crush => "crush",
        _ => "interception",
    };

    /// <summary>Crush deaths in the scramble of a beach launch: a risk per person in the crowd running for the boat.</summary>
    public void CrushAtLaunch(int k)
    {
        int load = _boats[k].Load;
        int crushed = BinomialFromUniform(_ctx.BoatRng(StreamId.Harm, k, 0).NextDouble(), load, _ctx.P.Enforcement.LaunchDeathProbabilityPerPerson);
        if (crushed > 0) Kill(k, crushed, DeathCause.Crush);
    }

    /// <summary>
    /// Deaths of one group boarding a taxi-boat from the water: cold over the time waited, then
    /// drowning in the scramble, more likely the more crowded the boat they climb into.
    /// Returns the people who boarded alive.
    /// </summary>
    public int BoardingDeaths(int k, int groupSize, int plannedLoad, double waitHours, double waterTemperatureC, double uCold, double uDrown)
    {
        var taxi = _ctx.P.TaxiBoat;
        int cold = BinomialFromUniform(uCold, groupSize,
            1 - Math.Exp(-taxi.HypothermiaRatePerHour * HarmParameters.Coldness(waterTemperatureC) * waitHours));
        double drownP = Math.Min(1, taxi.BoardingDrowningProbability * _ctx.P.Harm.CrowdingFactor(plannedLoad));
        int drowned = BinomialFromUniform(uDrown, groupSize - cold, drownP);
        if (cold > 0) Kill(k, cold, DeathCause.Hypothermia);
        if (drowned > 0) Kill(k, drowned, DeathCause.Drowning);
        if (cold + drowned > 0) _tallies.Incident(cold + drowned);
        return groupSize - cold - drowned;
    }

    /// <summary>
    /// A crush incident aboard an overloaded boat as it sets off. Deaths are one plus a negative
    /// binomial (gamma–Poisson) number whose mean grows with the load, so most incidents kill one or
    /// two and a few kill many, as on 5 Oct 2024 (four crushed or suffocated on one boat).
    /// </summary>
    public void CrushAboard(int k)
    {
        var harm = _ctx.P.Harm;
        int load = _boats[k].Load;
        RandomStream harmRng = _ctx.BoatRng(StreamId.Harm, k, 1);
        if (harmRng.NextDouble() >= harm.CrushIncidentProbability(load)) return;
        double extraMean = harm.CrushDeathsMean(load) - 1;
        double lambda = extraMean <= 0 ? 0 : Samplers.Gamma(harmRng, harm.CrushDeathsDispersionShape, extraMean / harm.CrushDeathsDispersionShape);
        int crushed = Math.Min(load, 1 + Samplers.Poisson(harmRng, lambda));
        _ctx.TraceBoat(k, "crush_incident", crushed, "deaths_crush");
        Kill(k, crushed, DeathCause.Crush);
        _tallies.Incident(crushed);
    }

    /// <summary>
    /// A boat in distress may capsize, more likely when crowded and in a rougher sea (the sea of the
    /// night it left). The share of those in the water who drown is drawn per incident from a Beta
    /// distribution whose mean rises with the load: the deaths of one capsize are over-dispersed, so
    /// mass-casualty incidents happen (12 dead on 3 Sep 2024, 27 on 24 Nov 2021). Survivors in the
    /// water may die of cold before recovery.
    /// </summary>
    public bool InWaterHarm(int k, double hoursInWater, double waterTemperatureC, int phase)
    {
        var harm = _ctx.P.Harm;
        int load = _boats[k].Load;
        RandomStream rng = _ctx.BoatRng(StreamId.Harm, k, phase);
        double wave = _weather.WaveHeightM(_boats[k].LaunchDay);
        if (rng.NextDouble() >= harm.CapsizeProbability(load, wave)) return false;
        int inWater = Samplers.Binomial(rng, load, harm.ShareInWaterGivenCapsize);
        double mean = harm.DrowningShareMean(load);
        double kappa = harm.IncidentSeverityConcentration;
        double severity = Samplers.Beta(rng, mean * kappa, (1 - mean) * kappa);
        int drowned = BinomialFromUniform(rng.NextDouble(), inWater, severity);
        int cold = BinomialFromUniform(rng.NextDouble(), inWater - drowned, harm.HypothermiaProbability(hoursInWater, waterTemperatureC));
        _ctx.TraceBoat(k, "capsize", drowned + cold, "deaths");
        if (drowned > 0) Kill(k, drowned, DeathCause.Drowning);
        if (cold > 0) Kill(k, cold, DeathCause.Hypothermia);
        _tallies.Incident(drowned + cold);
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
