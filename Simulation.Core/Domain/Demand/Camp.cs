using Simulation.Core.Domain.Crossing;
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
/// <remarks>
/// The camp is held in two groups, first-time people and people returned after an arrival in the
/// UK (so that arrivals of returned people can be counted as repeats), and in weekly cohorts by the
/// week they last came to the coast (new, back from a failed attempt or returned), so that the
/// odds of giving up while waiting can rise with the weeks waited. People on the coast at the start
/// are in the first week's cohort. Boats take people from the oldest cohort first.
/// </remarks>
internal sealed class Camp
{
    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly DailyWeather _weather;
    private readonly DeterrenceEffect _deterrence;
    private readonly RandomStream _demandRng = new(0);
    private readonly RandomStream _retryRng = new(0);
    private readonly RandomStream _waitRng = new(0);
    // People due back on the coast on a day, by group; the extra last slot holds retries after the horizon.
    private readonly int[] _retryFirst;
    private readonly int[] _retryReturned;
    private readonly int[] _returnBucket;
    // Cohorts by week of the run in which the people last came to the coast; one slot per week of
    // the horizon, so the array never wraps and nothing is allocated during a replication.
    private readonly int[] _cohortFirst;
    private readonly int[] _cohortReturned;
    private int _week;
    // Oldest cohort that may still hold people (every older one is empty).
    private int _oldestWeek;

    public Camp(ReplicationContext ctx, DailyWeather weather, DeterrenceEffect deterrence)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _weather = weather;
        _deterrence = deterrence;
        _retryFirst = new int[ctx.Days + 1];
        _retryReturned = new int[ctx.Days + 1];
        _returnBucket = new int[ctx.Days + 1];
        _cohortFirst = new int[ctx.Days / 7 + 1];
        _cohortReturned = new int[ctx.Days / 7 + 1];
    }

    /// <summary>People waiting on the coast now.</summary>
    public int People { get; private set; }

    /// <summary>People waiting on the coast now who were returned after arriving in the UK.</summary>
    public int PeopleReturned { get; private set; }

    /// <summary>People on the coast at the end, with those whose retry falls after the horizon.</summary>
    public long PeopleAtEnd => People + (long)_retryFirst[_ctx.Days] + _retryReturned[_ctx.Days];

    public void Reset()
    {
        _demandRng.Reseed(_ctx.StreamSeed(StreamId.Demand));
        _retryRng.Reseed(_ctx.StreamSeed(StreamId.Retry));
        Array.Clear(_retryFirst);
        Array.Clear(_retryReturned);
        Array.Clear(_returnBucket);
        Array.Clear(_cohortFirst);
        Array.Clear(_cohortReturned);
        _week = _oldestWeek = 0;
        People = _ctx.P.Demand.InitialPeopleOnCoast;
        PeopleReturned = 0;
        _cohortFirst[0] = People;
    }

    /// <summary>
    /// People who have waited long give up, new people arrive, retries come back, and people sent
    /// back from the UK decide again.
    /// </summary>
    public void StartDay(int day)
    {
        _week = day / 7;
        _demandRng.Reseed(_ctx.StreamSeed(StreamId.Demand, day));
        _retryRng.Reseed(_ctx.StreamSeed(StreamId.Retry, day));
        GiveUpWaiting(day);
        int newPeople = Samplers.Poisson(_demandRng, _ctx.P.Demand.RatePerDay(_weather.DayOfYear(day)) * _deterrence.Multiplier);
        Join(newPeople, 0);
        _tallies.NewOnCoast(newPeople);
        Join(_retryFirst[day], _retryReturned[day]);
        _retryFirst[day] = _retryReturned[day] = 0;
        int returned = _returnBucket[day];
        if (returned > 0)
        {
            _returnBucket[day] = 0;
            _tallies.ReturnedAfterArrival(returned);
            _deterrence.ReturnedAfterArrival(returned);
            BackOnCoast(returned, returned, day, _retryRng);
            if (_ctx.Trace is not null) _ctx.Trace.Record(_ctx.Sim.NowHours, "camp", "returned_after_arrival", returned, "back_on_coast");
        }
    }

    public void TraceDayStart(SeaRating rating)
    {
        if (_ctx.Trace is not null)
            _ctx.Trace.Record(_ctx.Sim.NowHours, "camp", "day_start", People, rating == SeaRating.Red ? "red" : rating == SeaRating.Amber ? "amber" : "green");
    }

    /// <summary>
    /// <paramref name="load"/> people leave the coast on boat k. The returned people among them are a
    /// draw without replacement from the camp (hypergeometric: each seat in turn goes to a returned
    /// person with probability returned left / people left), from the boat's own substream so that no
    /// other draw moves; each group is taken from its oldest cohort first.
    /// </summary>
    public void Board(int k, int load)
    {
        int returned = 0;
        if (PeopleReturned > 0 && load > 0)
        {
            if (PeopleReturned >= People) returned = load;
            else
            {
                RandomStream rng = _ctx.BoatRng(StreamId.CampBoarding, k, 0);
                int left = People, returnedLeft = PeopleReturned;
                for (int seat = 0; seat < load && returnedLeft > 0; seat++, left--)
                {
                    if (rng.NextDouble() * left < returnedLeft)
                    {
                        returned++;
                        returnedLeft--;
                    }
                }
            }
        }
        TakeOldestFirst(_cohortReturned, returned);
        TakeOldestFirst(_cohortFirst, load - returned);
        People -= load;
        PeopleReturned -= returned;
        ref Boat boat = ref _boats[k];
        boat.Returned = returned;
        boat.Unsettled = load;
    }

    /// <summary>People removed from the UK are put back on the coast on a later day.</summary>
    public void ReturnOn(int day, int people) => _returnBucket[day] += people;

    /// <summary>
    /// People on the coast after a failed attempt (<paramref name="returnedPeople"/> of them returned
    /// after an earlier arrival) either give up or retry after a delay.
    /// </summary>
    public void BackOnCoast(int people, int returnedPeople, int day, RandomStream rng)
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
        // Who gave up is drawn after the draws above, so the totals keep their numbers whatever the groups.
        int returnedGaveUp = returnedPeople <= 0 || gaveUp == 0 ? 0
            : returnedPeople >= people ? gaveUp : DrawWithoutReplacement(rng, gaveUp, returnedPeople, people);
        int slot = Math.Min(day + delay, _ctx.Days);
        _retryReturned[slot] += returnedPeople - returnedGaveUp;
        _retryFirst[slot] += retry - (returnedPeople - returnedGaveUp);
    }

    // Daily hazard of leaving after w whole weeks of waiting: h(w) = rate × w, so the probability of
    // leaving on a day is 1 − exp(−rate × w); the first week nobody leaves. Drawn from a day-keyed
    // stream of its own, cohort by cohort from the oldest, so it moves no other draw.
    private void GiveUpWaiting(int day)
    {
        double rate = _ctx.P.Demand.WaitGiveUpRatePerWeek;
        if (rate <= 0 || People == 0) return;
        _waitRng.Reseed(_ctx.StreamSeed(StreamId.CampWaiting, day));
        int gaveUp = 0, returnedGaveUp = 0;
        for (int c = _oldestWeek; c < _week; c++)
        {
            double p = 1 - Math.Exp(-rate * (_week - c));
            int first = Samplers.Binomial(_waitRng, _cohortFirst[c], p);
            int returned = Samplers.Binomial(_waitRng, _cohortReturned[c], p);
            _cohortFirst[c] -= first;
            _cohortReturned[c] -= returned;
            gaveUp += first + returned;
            returnedGaveUp += returned;
        }
        People -= gaveUp;
        PeopleReturned -= returnedGaveUp;
        _tallies.GaveUpWaiting(gaveUp);
    }

    private void Join(int first, int returned)
    {
        _cohortFirst[_week] += first;
        _cohortReturned[_week] += returned;
        People += first + returned;
        PeopleReturned += returned;
    }

    private void TakeOldestFirst(int[] cohorts, int people)
    {
        for (int c = _oldestWeek; people > 0 && c <= _week; c++)
        {
            int take = Math.Min(people, cohorts[c]);
            cohorts[c] -= take;
            people -= take;
        }
        if (people > 0) throw new InvalidOperationException("More people boarded than were waiting in their group.");
        while (_oldestWeek < _week && _cohortFirst[_oldestWeek] == 0 && _cohortReturned[_oldestWeek] == 0) _oldestWeek++;
    }

    // Returned people among n taken without replacement from a group of total people of whom returned are returned.
    private static int DrawWithoutReplacement(RandomStream rng, int n, int returned, int total)
    {
        int hits = 0;
        for (int i = 0; i < n && returned > 0; i++, total--)
        {
            if (rng.NextDouble() * total < returned)
            {
                hits++;
                returned--;
            }
        }
        return hits;
    }
}
