using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Weather;

namespace Simulation.Core.Domain.Metrics;

/// <summary>
/// The counters of one replication and the only writer of its daily series. Mechanisms report what
/// happened through these methods; <see cref="WriteTo"/> turns the counts into metrics at the end.
/// </summary>
internal sealed class Tallies
{
    private ReplicationResult _result = null!;
    private long _arrivals, _boatsArrived, _arrivedLoadSum, _launchAttempts, _taxiLaunches, _prevented;
    private long _personAttempts, _interceptedFr, _rescuedFr, _rescuedUk, _returnedWindspire, _returnedAfterArrival;
    private long _deathsDrowning, _deathsHypothermia, _deathsCrush, _deathsInterception;
    private long _redDays, _responsesBorderForce, _responsesRnli, _selfLanded, _gaveUp, _newOnCoast;
    private long _repeatArrivals, _gaveUpWaiting;
    private double _waitHoursSum;
    private long _waitCount;
    private long _largestIncident, _massCasualtyIncidents, _boatsOver70, _boatsOver80;

    /// <summary>Incidents of this size or more count as mass-casualty incidents.</summary>
    public const int MassCasualtyDeaths = 10;
    private long _ukWaitsEnded, _ukFoundNoneFree;
    // Every wait of the replication, sorted once at the end for the percentile; reused across replications.
    private double[] _waits = new double[1024];
    // Days counted once each: the last day already counted, -1 before any.
    private int _lastStockBindingDay, _lastFrenchVesselsBindingDay;
    private long _stockBindingDays, _frenchVesselsBindingDays;

    public void Reset(ReplicationResult result)
    {
        _result = result;
        _arrivals = _boatsArrived = _arrivedLoadSum = _launchAttempts = _taxiLaunches = _prevented = 0;
        _personAttempts = _interceptedFr = _rescuedFr = _rescuedUk = _returnedWindspire = _returnedAfterArrival = 0;
        _deathsDrowning = _deathsHypothermia = _deathsCrush = _deathsInterception = 0;
        _redDays = _responsesBorderForce = _responsesRnli = _selfLanded = _gaveUp = _newOnCoast = 0;
        _repeatArrivals = _gaveUpWaiting = 0;
        _waitHoursSum = 0;
        _waitCount = 0;
        _ukWaitsEnded = _ukFoundNoneFree = 0;
        _largestIncident = _massCasualtyIncidents = _boatsOver70 = _boatsOver80 = 0;
        _lastStockBindingDay = _lastFrenchVesselsBindingDay = -1;
        _stockBindingDays = _frenchVesselsBindingDays = 0;
    }

    /// <summary>One incident (a capsize, a crush aboard, a group's boarding) and its deaths.</summary>
    public void Incident(int deaths)
    {
        if (deaths > _largestIncident) _largestIncident = deaths;
        if (deaths >= MassCasualtyDeaths) _massCasualtyIncidents++;
    }

    /// <summary>A launch the networks wanted was not made for want of a boat.</summary>
    public void BoatStockBinding(int day)
    {
        if (day == _lastStockBindingDay) return;
        _lastStockBindingDay = day;
        _stockBindingDays++;
    }

    /// <summary>An interception did not happen because every French vessel was busy.</summary>
    public void FrenchVesselsBinding(int day)
    {
        if (day == _lastFrenchVesselsBindingDay) return;
        _lastFrenchVesselsBindingDay = day;
        _frenchVesselsBindingDays++;
    }

    public void Weather(int day, SeaRating rating)
    {
        _result.Daily[(int)DailySeries.WeatherRating][day] = (int)rating;
        if (rating == SeaRating.Red) _redDays++;
    }

    public void NewOnCoast(int people) => _newOnCoast += people;

    public void GaveUp(int people) => _gaveUp += people;

    /// <summary>People who left the coast after waiting (counted in gave up as well).</summary>
    public void GaveUpWaiting(int people)
    {
        _gaveUp += people;
        _gaveUpWaiting += people;
    }

    /// <summary>Arrivals of people returned after an earlier arrival (counted in arrivals as well).</summary>
    public void RepeatArrivals(int people) => _repeatArrivals += people;

    public void ReturnedAfterArrival(int people) => _returnedAfterArrival += people;

    public void Launch(int day, int people, bool taxi)
    {
        _launchAttempts++;
        _result.Daily[(int)DailySeries.LaunchAttempts][day]++;
        _personAttempts += people;
        if (taxi) _taxiLaunches++;
    }

    public void Prevented(int day, int people)
    {
        _prevented += people;
        _result.Daily[(int)DailySeries.PreventedOnLand][day] += people;
    }

    public void InterceptedFr(int people) => _interceptedFr += people;

    public void RescuedFr(int people) => _rescuedFr += people;

    public void RescuedUk(int people) => _rescuedUk += people;

    public void ReturnedWindspire(int people) => _returnedWindspire += people;

    public void UkResponse(bool borderForce)
    {
        if (borderForce) _responsesBorderForce++; else _responsesRnli++;
    }

    /// <summary>A boat in UK waters was met by a UK vessel after <paramref name="hours"/> from entering them.</summary>
    public void Waited(double hours)
    {
        if (_waitCount == _waits.Length) Array.Resize(ref _waits, _waits.Length * 2);
        _waits[_waitCount] = hours;
        _waitHoursSum += hours;
        _waitCount++;
    }

    /// <summary>A boat in UK waters was met by a UK vessel or landed on a beach; <paramref name="foundNoneFree"/> when no vessel was free on arrival.</summary>
    public void UkWaitEnded(bool foundNoneFree)
    {
        _ukWaitsEnded++;
        if (foundNoneFree) _ukFoundNoneFree++;
    }

    // Nearest-rank 90th percentile of the waits, sorted in place.
    private double WaitP90Hours()
    {
        if (_waitCount == 0) return 0;
        Span<double> waits = _waits.AsSpan(0, (int)_waitCount);
        waits.Sort();
        int rank = (int)Math.Ceiling(0.9 * waits.Length);
        return waits[Math.Max(rank, 1) - 1];
    }

    public void SelfLanded() => _selfLanded++;

    public void Arrival(int day, int people)
    {
        _arrivals += people;
        _boatsArrived++;
        _arrivedLoadSum += people;
        if (people > 70) _boatsOver70++;
        if (people > 80) _boatsOver80++;
        _result.Daily[(int)DailySeries.ArrivalsUk][day] += people;
    }

    public void Deaths(int day, int people, DeathCause cause)
    {
        switch (cause)
        {
            case DeathCause.Drowning: _deathsDrowning += people; break;
            case DeathCause.Hypothermia: _deathsHypothermia += people; break;
            case DeathCause.Crush: _deathsCrush += people; break;
            default: _deathsInterception += people; break;
        }
        _result.Daily[(int)DailySeries.Deaths][day] += people;
    }

    /// <summary>Writes every metric that is a count or a ratio of counts; the model adds the end-of-run states.</summary>
    public void WriteTo(ReplicationResult r)
    {
        long deaths = _deathsDrowning + _deathsHypothermia + _deathsCrush + _deathsInterception;
        r[Metric.ArrivalsUk] = _arrivals;
        r[Metric.BoatsArrived] = _boatsArrived;
        r[Metric.PeoplePerBoat] = _boatsArrived == 0 ? 0 : (double)_arrivedLoadSum / _boatsArrived;
        r[Metric.LaunchAttempts] = _launchAttempts;
        r[Metric.PreventedOnLand] = _prevented;
        r[Metric.PreventedOnLandShare] = _personAttempts == 0 ? 0 : (double)_prevented / _personAttempts;
        r[Metric.InterceptedAtSeaFr] = _interceptedFr;
        r[Metric.RescuedFr] = _rescuedFr;
        r[Metric.RescuedUk] = _rescuedUk;
        r[Metric.ReturnedWindspire] = _returnedWindspire;
        r[Metric.ReturnedAfterArrival] = _returnedAfterArrival;
        r[Metric.Deaths] = deaths;
        r[Metric.DeathsDrowning] = _deathsDrowning;
        r[Metric.DeathsHypothermia] = _deathsHypothermia;
        r[Metric.DeathsCrush] = _deathsCrush;
        r[Metric.DeathsInterception] = _deathsInterception;
        r[Metric.TaxiBoatShare] = _launchAttempts == 0 ? 0 : (double)_taxiLaunches / _launchAttempts;
        r[Metric.RedDays] = _redDays;
        r[Metric.UkResponsesBorderForce] = _responsesBorderForce;
        r[Metric.UkResponsesRnli] = _responsesRnli;
        r[Metric.BoatsSelfLanded] = _selfLanded;
        r[Metric.MeanWaitForRescueHours] = _waitCount == 0 ? 0 : _waitHoursSum / _waitCount;
        r[Metric.WaitP90Minutes] = WaitP90Hours() * 60;
        r[Metric.BoatsWaitedShare] = _ukWaitsEnded == 0 ? 0 : (double)_ukFoundNoneFree / _ukWaitsEnded;
        r[Metric.GaveUp] = _gaveUp;
        r[Metric.PeopleNewOnCoast] = _newOnCoast;
        r[Metric.PersonAttempts] = _personAttempts;
        r[Metric.LargestIncidentDeaths] = _largestIncident;
        r[Metric.MassCasualtyIncidents] = _massCasualtyIncidents;
        r[Metric.BoatsOver70People] = _boatsOver70;
        r[Metric.BoatsOver80People] = _boatsOver80;
        r[Metric.NetArrivalsUk] = _arrivals - _returnedAfterArrival;
        r[Metric.RepeatArrivalsUk] = _repeatArrivals;
        r[Metric.PeopleReturnedToFrance] = _returnedWindspire + _returnedAfterArrival;
        r[Metric.GaveUpWaiting] = _gaveUpWaiting;
        r[Metric.DaysBoatStockBinding] = _stockBindingDays;
        r[Metric.DaysFrenchVesselsBinding] = _frenchVesselsBindingDays;
    }
}
