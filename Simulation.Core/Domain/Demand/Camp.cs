using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Demand;

/// <summary>
/// The people waiting on the French coast: new arrivals each day, people back after a failed
/// attempt (give up, or retry after a delay) and people sent back after arriving in the UK.
/// People join or leave the coast only through this class.
/// </summary>
internal sealed class Camp
{
    private readonly ReplicationContext _ctx;
    private readonly Tallies _tallies;
    private readonly DailyWeather _weather;
    private readonly DeterrenceEffect _deterrence;
    private readonly RandomStream _demandRng = new(0);
    private readonly RandomStream _retryRng = new(0);
    // People due back on the coast on a day; the extra last slot holds retries after the horizon.
    private readonly int[] _retryBucket;
    private readonly int[] _returnBucket;

    public Camp(ReplicationContext ctx, DailyWeather weather, DeterrenceEffect deterrence)
    {
        _ctx = ctx;
        _tallies = ctx.Tallies;
        _weather = weather;
        _deterrence = deterrence;
        _retryBucket = new int[ctx.Days + 1];
        _returnBucket = new int[ctx.Days + 1];
    }

    /// <summary>People waiting on the coast now.</summary>
    public int People { get; private set; }

    /// <summary>People on the coast at the end, with those whose retry falls after the horizon.</summary>
    public long PeopleAtEnd => People + (long)_retryBucket[_ctx.Days];

    public void Reset()
    {
        _demandRng.Reseed(_ctx.StreamSeed(StreamId.Demand));
        _retryRng.Reseed(_ctx.StreamSeed(StreamId.Retry));
        Array.Clear(_retryBucket);
        Array.Clear(_returnBucket);
        People = _ctx.P.Demand.InitialPeopleOnCoast;
    }

    /// <summary>New people arrive, retries come back, and people sent back from the UK decide again.</summary>
    public void StartDay(int day)
    {
        _demandRng.Reseed(_ctx.StreamSeed(StreamId.Demand, day));
        _retryRng.Reseed(_ctx.StreamSeed(StreamId.Retry, day));
        int newPeople = Samplers.Poisson(_demandRng, _ctx.P.Demand.RatePerDay(_weather.DayOfYear(day)) * _deterrence.Multiplier);
        People += newPeople;
        _tallies.NewOnCoast(newPeople);
        People += _retryBucket[day];
        _retryBucket[day] = 0;
        int returned = _returnBucket[day];
        if (returned > 0)
        {
            _returnBucket[day] = 0;
            _tallies.ReturnedAfterArrival(returned);
            _deterrence.Failure(returned);
            BackOnCoast(returned, day, _retryRng);
            if (_ctx.Trace is not null) _ctx.Trace.Record(_ctx.Sim.NowHours, "camp", "returned_after_arrival", returned, "back_on_coast");
        }
    }

    public void TraceDayStart(SeaRating rating)
    {
        if (_ctx.Trace is not null)
            _ctx.Trace.Record(_ctx.Sim.NowHours, "camp", "day_start", People, rating == SeaRating.Red ? "red" : rating == SeaRating.Amber ? "amber" : "green");
    }

    /// <summary>People leave the coast on a boat.</summary>
    public void Board(int people) => People -= people;

    /// <summary>People removed from the UK are put back on the coast on a later day.</summary>
    public void ReturnOn(int day, int people) => _returnBucket[day] += people;

    // People on the coast after a failure either give up or retry after a delay.
    public void BackOnCoast(int people, int day, RandomStream rng)
    {
        if (people <= 0) return;
        // Deterrence scales the odds of giving up inversely to the arrival-rate multiplier, so
        // perceived failure makes people leave and perceived success keeps them trying.
        double multiplier = _deterrence.Multiplier;
        double giveUp = multiplier <= 0 ? 1 : Math.Min(1, _ctx.P.Demand.GiveUpProbability / multiplier);
        int gaveUp = Samplers.Binomial(rng, people, giveUp);
        _tallies.GaveUp(gaveUp);
        int retry = people - gaveUp;
        if (retry == 0) return;
        int delay = 1 + Samplers.Poisson(rng, Math.Max(0, _ctx.P.Demand.RetryDelayDaysMean - 1));
        _retryBucket[Math.Min(day + delay, _ctx.Days)] += retry;
    }
}
