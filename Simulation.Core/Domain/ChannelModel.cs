using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Domain.UkResponse;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain;

/// <summary>
/// The Channel model (MODEL.md §2): camps, smuggling networks, French enforcement on land and at
/// sea, taxi-boat pick-ups, the crossing, UK response with limited vessels, Windspire returns,
/// returns after arrival, deterrence and harm, driven by a dated policy timeline. People are
/// counts; boats are structs in a pool; events are switched on <see cref="EventKind"/>.
/// One instance per thread; it reuses its buffers across replications.
/// </summary>
public sealed class ChannelModel : IReplicationModel
{
    private const int PriorityTimeline = -20;
    private const int PriorityDay = -10;
    private const byte ServiceBorderForce = 1;
    private const byte ServiceRnli = 2;
    private const double HoursPerDay = 24;

    private readonly PolicyTimeline _timeline;
    private readonly DateOnly _startDate;
    private readonly WeatherSeries? _series;
    private readonly Simulator _sim = new(4096);
    private readonly int _borderForceMax;
    private readonly int _rnliMax;
    private readonly double _vesselHoursAvailable;

    // Streams: day-level ones are reseeded each day from (stream, day); per-boat draws reseed _boatRng from (stream, launch slot, phase).
    private readonly RandomStream _weatherRng = new(0);
    private readonly RandomStream _demandRng = new(0);
    private readonly RandomStream _smugglingRng = new(0);
    private readonly RandomStream _retryRng = new(0);
    private readonly RandomStream _returnsRng = new(0);
    private readonly RandomStream _boatRng = new(0);

    private readonly SeaRating[] _rating;
    private readonly double[] _waveHeightM;
    private readonly double[] _waterTemperatureC;
    private readonly int[] _dayOfYear;
    private readonly int[] _retryBucket;
    private readonly int[] _returnBucket;
    private Boat[] _boats = new Boat[2048];

    private ulong _replicationSeed;
    private ModelParameters _p;
    private ReplicationResult _result = null!;
    private readonly Resource _borderForce;
    private readonly Resource _rnli;
    private int _boatCount;
    private int _bfReserveHeld, _bfReserveQueued, _rnliReserveHeld, _rnliReserveQueued;

    private int _camp;
    private long _atSea;
    private int _boatStock;
    private double _taxiShare;
    private Perception _perceived;
    private Perception _taxiPerceived;
    private Perception _beachPerceived;
    private double _deterrenceMultiplier;
    private double _daySuccess, _dayFailure, _dayTaxiSuccess, _dayTaxiFailure, _dayBeachSuccess, _dayBeachFailure;
    private int _oneInOneOutWeek;
    private double _oneInOneOutUsedThisWeek;

    private long _arrivals, _boatsArrived, _arrivedLoadSum, _launchAttempts, _taxiLaunches, _prevented;
    private long _personAttempts, _interceptedFr, _rescuedFr, _rescuedUk, _returnedWindspire, _returnedAfterArrival;
    private long _deathsDrowning, _deathsHypothermia, _deathsCrush, _deathsInterception;
    private long _redDays, _responsesBorderForce, _responsesRnli, _selfLanded, _gaveUp, _newOnCoast;
    private double _waitHoursSum;
    private long _waitCount;
    private double _vesselBusyHours;

    /// <summary>Builds the model for one validated parameter set (timeline compiled, weather series loaded once).</summary>
    public ChannelModel(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _startDate = parameters.Date("calendar.start_date");
        Days = parameters.Integer("calendar.horizon_days");
        _timeline = new PolicyTimeline(parameters, _startDate, Days);
        _p = _timeline.Snapshots[0];
        string seriesFile = _p.Weather.SeriesFile;
        if (seriesFile.Length > 0) _series = WeatherSeries.Load(seriesFile);

        _rating = new SeaRating[Days];
        _waveHeightM = new double[Days];
        _waterTemperatureC = new double[Days];
        _dayOfYear = new int[Days];
        _retryBucket = new int[Days + 1];
        _returnBucket = new int[Days + 1];
        for (int d = 0; d < Days; d++) _dayOfYear[d] = _startDate.AddDays(d).DayOfYear;

        for (int s = 0; s < _timeline.Snapshots.Length; s++)
        {
            ModelParameters snap = _timeline.Snapshots[s];
            _borderForceMax = Math.Max(_borderForceMax, snap.Uk.BorderForce.Vessels);
            _rnliMax = Math.Max(_rnliMax, snap.Uk.Rnli.Vessels);
            int end = s + 1 < _timeline.StartDays.Length ? _timeline.StartDays[s + 1] : Days;
            _vesselHoursAvailable += (snap.Uk.BorderForce.Vessels + snap.Uk.Rnli.Vessels) * (end - _timeline.StartDays[s]) * HoursPerDay;
        }
        // Pools are sized for the largest fleet on the timeline and reused across replications
        // (emptied by DrainPools); utilisation and waits are counted by the model itself.
        _borderForce = new Resource(_sim, _borderForceMax);
        _rnli = new Resource(_sim, _rnliMax);
    }

    /// <inheritdoc />
    public int Days { get; }

    /// <summary>Optional event trace for one replication; when null nothing is formatted.</summary>
    public IEventTrace? Trace { get; set; }

    /// <summary>Parameters in force on the first day (typed).</summary>
    public ModelParameters InitialParameters => _timeline.Snapshots[0];

    /// <summary>Weather rating of each day in the last replication (0 green, 1 amber, 2 red).</summary>
    public ReadOnlySpan<SeaRating> WeatherRatings => _rating;

    /// <summary>Wave height of each day in the last replication.</summary>
    public ReadOnlySpan<double> WaveHeightsM => _waveHeightM;

    /// <inheritdoc />
    public void RunReplication(ulong masterSeed, long replication, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Days != Days) throw new ArgumentException($"The result holds {result.Days} days; the model runs {Days}.", nameof(result));
        result.Clear();
        _result = result;
        _replicationSeed = SeedDerivation.ForReplication(masterSeed, replication);
        Reset();
        GenerateWeather();

        for (int s = 1; s < _timeline.Snapshots.Length; s++)
            _sim.ScheduleAt(_timeline.StartDays[s] * HoursPerDay, (int)EventKind.TimelineChange, s, PriorityTimeline);
        for (int d = 0; d < Days; d++)
            _sim.ScheduleAt(d * HoursPerDay, (int)EventKind.DayStart, d, PriorityDay);

        var handler = new Dispatcher(this);
        double endHours = Days * HoursPerDay;
        _sim.Run(ref handler, endHours);
        WriteResult(endHours);
    }

    private readonly struct Dispatcher(ChannelModel model) : IEventHandler
    {
        public void Handle(Simulator simulator, in SimEvent simEvent) => model.Handle(simEvent);
    }

    private void Reset()
    {
        DrainPools();
        _sim.Reset();
        _p = _timeline.Snapshots[0];
        _demandRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Demand));
        _smugglingRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Smuggling));
        _retryRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Retry));
        _returnsRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.ReturnsAfterArrival));
        SetVesselCounts();

        Array.Clear(_retryBucket);
        Array.Clear(_returnBucket);
        _boatCount = 0;
        _camp = _p.Demand.InitialPeopleOnCoast;
        _atSea = 0;
        _boatStock = _p.Smuggling.BoatStockInitial;
        _taxiShare = _p.Smuggling.TaxiBoatShareInitial;
        double reference = _p.Deterrence.ReferenceSuccessShare;
        _perceived = new Perception(reference, 100);
        _taxiPerceived = new Perception(0.5, 50);
        _beachPerceived = new Perception(0.5, 50);
        _deterrenceMultiplier = 1;
        _daySuccess = _dayFailure = _dayTaxiSuccess = _dayTaxiFailure = _dayBeachSuccess = _dayBeachFailure = 0;
        _oneInOneOutWeek = -1;
        _oneInOneOutUsedThisWeek = 0;

        _arrivals = _boatsArrived = _arrivedLoadSum = _launchAttempts = _taxiLaunches = _prevented = 0;
        _personAttempts = _interceptedFr = _rescuedFr = _rescuedUk = _returnedWindspire = _returnedAfterArrival = 0;
        _deathsDrowning = _deathsHypothermia = _deathsCrush = _deathsInterception = 0;
        _redDays = _responsesBorderForce = _responsesRnli = _selfLanded = _gaveUp = _newOnCoast = 0;
        _waitHoursSum = 0;
        _waitCount = 0;
        _vesselBusyHours = 0;
    }

    // Returns every vessel and withdraws every waiter left at the end of the previous replication,
    // so the pools start empty without being reallocated. Withdrawals come first so that releases
    // cannot hand a unit on to a waiter.
    private void DrainPools()
    {
        int pendingBorderForce = 0;
        for (int k = 0; k < _boatCount; k++)
        {
            ref Boat boat = ref _boats[k];
            if (boat.IsWaitingForUkVessel && !_borderForce.Withdraw(k)) pendingBorderForce++;
            boat.Waiting = false;
        }
        int pendingBfReserve = 0, pendingRnliReserve = 0;
        for (; _bfReserveQueued > 0; _bfReserveQueued--) if (!_borderForce.Withdraw(-ServiceBorderForce)) pendingBfReserve++;
        for (; _rnliReserveQueued > 0; _rnliReserveQueued--) if (!_rnli.Withdraw(-ServiceRnli)) pendingRnliReserve++;
        for (int k = 0; k < _boatCount; k++)
        {
            ref Boat boat = ref _boats[k];
            if (!boat.HoldsVessel) continue;
            (boat.Service == ServiceBorderForce ? _borderForce : _rnli).Release();
            boat.HoldsVessel = false;
        }
        for (int i = pendingBorderForce + pendingBfReserve + _bfReserveHeld; i > 0; i--) _borderForce.Release();
        for (int i = pendingRnliReserve + _rnliReserveHeld; i > 0; i--) _rnli.Release();
        _bfReserveHeld = _rnliReserveHeld = 0;
        if (_borderForce.InUse != 0 || _borderForce.QueueLength != 0 || _rnli.InUse != 0 || _rnli.QueueLength != 0)
            throw new InvalidOperationException("UK vessel pools were not empty after the replication was drained.");
    }

    // Weather comes from its own stream and depends only on the weather parameters, so every
    // policy variant of a replication sees the same days.
    private void GenerateWeather()
    {
        _weatherRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Weather));
        SeaRating? yesterday = null;
        for (int d = 0; d < Days; d++)
        {
            WeatherParameters w = _timeline.On(d).Weather;
            SeaRating rating = WeatherGenerator.NextRating(w, _dayOfYear[d], yesterday, _weatherRng);
            if (_series is not null && _series.TryGet(_startDate.AddDays(d), out SeaRating replayed)) rating = replayed;
            _rating[d] = rating;
            _waveHeightM[d] = WeatherGenerator.WaveHeightM(w, rating, _weatherRng);
            _waterTemperatureC[d] = WeatherGenerator.WaterTemperatureC(w, _dayOfYear[d]);
            yesterday = rating;
        }
    }

    private void Handle(in SimEvent e)
    {
        int k = e.Entity;
        switch ((EventKind)e.Kind)
        {
            case EventKind.TimelineChange: OnTimelineChange(k); break;
            case EventKind.DayStart: OnDayStart(k); break;
            case EventKind.BoatLaunch: OnBoatLaunch(k); break;
            case EventKind.TaxiPickup: OnTaxiPickup(k); break;
            case EventKind.FrenchWatersDistress: OnFrenchWatersDistress(k); break;
            case EventKind.EnterUkWaters: OnEnterUkWaters(k); break;
            case EventKind.BorderForceGranted: OnVesselGranted(k, ServiceBorderForce); break;
            case EventKind.RnliGranted: OnVesselGranted(k, ServiceRnli); break;
            case EventKind.RnliThreshold: OnRnliThreshold(k); break;
            case EventKind.MaxWaitReached: OnMaxWaitReached(k); break;
            case EventKind.VesselOnScene: OnVesselOnScene(k); break;
            case EventKind.PeopleLanded: OnPeopleLanded(k); break;
            case EventKind.VesselFree: OnVesselFree(k); break;
            case EventKind.SelfLanded: OnSelfLanded(k); break;
            case EventKind.ReserveGranted: OnReserveGranted(k); break;
            default: throw new InvalidOperationException($"Unknown event kind {e.Kind}.");
        }
    }

    // ---------------------------------------------------------------- timeline and days

    private void OnTimelineChange(int snapshot)
    {
        ModelParameters previous = _p;
        _p = _timeline.Snapshots[snapshot];
        if (_p.Smuggling.TaxiBoatShareInitial != previous.Smuggling.TaxiBoatShareInitial)
            _taxiShare = _p.Smuggling.TaxiBoatShareInitial;
        SetVesselCounts();
        if (Trace is not null) Trace.Record(_sim.NowHours, "policy", "timeline_change", 0, "snapshot-" + snapshot.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private void OnDayStart(int day)
    {
        // Perception of yesterday's outcomes drives deterrence and the networks' tactic choice.
        _perceived.AddDay(_daySuccess, _dayFailure, _p.Deterrence.MemoryDays);
        _taxiPerceived.AddDay(_dayTaxiSuccess, _dayTaxiFailure, _p.Smuggling.TacticMemoryDays);
        _beachPerceived.AddDay(_dayBeachSuccess, _dayBeachFailure, _p.Smuggling.TacticMemoryDays);
        _daySuccess = _dayFailure = _dayTaxiSuccess = _dayTaxiFailure = _dayBeachSuccess = _dayBeachFailure = 0;
        _deterrenceMultiplier = _p.Deterrence.Multiplier(_perceived.Share);
        SmugglingParameters sm = _p.Smuggling;
        _taxiShare = Math.Clamp(_taxiShare + sm.AdaptationRatePerDay * (_taxiPerceived.Share - _beachPerceived.Share),
            sm.TaxiBoatShareMin, sm.TaxiBoatShareMax);

        int doy = _dayOfYear[day];
        // Day-keyed substreams: a policy that changes how many draws day d needs cannot shift the
        // draws of day d + 1, so variants stay synchronised (common random numbers).
        _demandRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Demand, day));
        _smugglingRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Smuggling, day));
        _retryRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.Retry, day));
        _returnsRng.Reseed(SeedDerivation.ForStream(_replicationSeed, StreamId.ReturnsAfterArrival, day));
        int newPeople = Samplers.Poisson(_demandRng, _p.Demand.RatePerDay(doy) * _deterrenceMultiplier);
        _camp += newPeople;
        _newOnCoast += newPeople;
        _camp += _retryBucket[day];
        _retryBucket[day] = 0;
        int returned = _returnBucket[day];
        if (returned > 0)
        {
            _returnBucket[day] = 0;
            _returnedAfterArrival += returned;
            _dayFailure += returned;
            FailPeople(returned, day);
            if (Trace is not null) Trace.Record(_sim.NowHours, "camp", "returned_after_arrival", returned, "back_on_coast");
        }

        _boatStock = Math.Min(sm.BoatStockMax, _boatStock + Samplers.Poisson(_smugglingRng, sm.BoatRestockRatePerDay));
        SeaRating rating = _rating[day];
        _result.Daily[(int)DailySeries.WeatherRating][day] = (int)rating;
        if (rating == SeaRating.Red) _redDays++;
        if (Trace is not null) Trace.Record(_sim.NowHours, "camp", "day_start", _camp, rating == SeaRating.Red ? "red" : rating == SeaRating.Amber ? "amber" : "green");

        // The networks put a share of the people waiting on boats, so launches follow the camp:
        // people sent back to France come out again on the next calm nights, and capacity binds
        // only at the organising limit and the boat stock. The night's activity factor is the
        // first draw of the day's stream, so it is the same under every variant.
        double activity = sm.NightActivityCv <= 0 ? 1.0 : Samplers.Gamma(_smugglingRng, sm.NightActivityShape, sm.NightActivityScale);
        int toLaunch = (int)Math.Round(_camp * Math.Min(1.0, sm.AttemptShare[(int)rating] * activity));
        int slots = Math.Min(sm.MaxLaunchesPerNight, MaxLaunchesPerNight);
        for (int i = 0; i < slots; i++)
        {
            if (_boatStock <= 0 || toLaunch < sm.LoadMinPeople) break;
            int k = NewBoat();
            // Boat k's substreams are keyed by its launch slot (day, i), not by its serial number,
            // so the i-th launch of day d draws the same numbers under every policy variant.
            _boats[k].RandomKey = (long)day * MaxLaunchesPerNight + i;
            RandomStream rng = BoatRng(StreamId.Smuggling, k, 0);
            int load = Math.Min(LoadDistribution.Sample(sm, rng), toLaunch);
            // A remainder too small for a boat of its own joins this one.
            if (toLaunch - load < sm.LoadMinPeople) load = Math.Min(toLaunch, sm.LoadMaxPeople);
            double launchAt = day * HoursPerDay + sm.LaunchWindowStartHour + rng.NextDouble() * sm.LaunchWindowHours;
            ref Boat boat = ref _boats[k];
            boat.Taxi = rng.NextDouble() < _taxiShare;
            boat.Load = load;
            boat.LaunchDay = day;
            toLaunch -= load;
            _camp -= load;
            _atSea += load;
            _boatStock--;
            _sim.ScheduleAt(launchAt, (int)EventKind.BoatLaunch, k);
        }
    }

    // Launch slots per night that get their own random substreams; more launches in one night are not made.
    private const int MaxLaunchesPerNight = 4096;

    private int NewBoat()
    {
        if (_boatCount == _boats.Length) Array.Resize(ref _boats, _boats.Length * 2);
        int k = _boatCount++;
        _boats[k] = default;
        return k;
    }

    private RandomStream BoatRng(StreamId stream, int boat, int phase)
    {
        _boatRng.Reseed(SeedDerivation.ForStream(_replicationSeed, stream, (_boats[boat].RandomKey << 4) | (uint)phase));
        return _boatRng;
    }

    private int Today => Math.Min((int)(_sim.NowHours / HoursPerDay), Days - 1);

    // ---------------------------------------------------------------- launch, land prevention, taxi-boats

    private void OnBoatLaunch(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = Today;
        _launchAttempts++;
        _result.Daily[(int)DailySeries.LaunchAttempts][day]++;
        _personAttempts += boat.Load;
        if (boat.Taxi)
        {
            _taxiLaunches++;
            boat.MoveTo(BoatState.TaxiTransit);
            TraceBoat(k, "launch", boat.Load, "taxi_boat");
            if (_p.Enforcement.ActsBeforeBoarding &&
                BoatRng(StreamId.MaritimeInterception, k, 0).NextDouble() < _p.Enforcement.BeforeBoardingEffectiveness)
            {
                // The empty boat is seized; the groups waiting for it go back to the camps.
                Intercept(k, _p.Enforcement.BeforeBoardingCapsize, 1);
                return;
            }
            double travel = Samplers.Exponential(BoatRng(StreamId.TaxiBoat, k, 0), _p.TaxiBoat.TravelHoursMean);
            _sim.Schedule(travel, (int)EventKind.TaxiPickup, k);
            return;
        }

        TraceBoat(k, "launch", boat.Load, "beach");
        int crushed = BinomialFromUniform(BoatRng(StreamId.Harm, k, 0).NextDouble(), boat.Load, _p.Enforcement.LaunchDeathProbabilityPerPerson);
        if (crushed > 0) Kill(k, crushed, DeathCause.Crush);
        if (boat.Load == 0)
        {
            boat.MoveTo(BoatState.Lost);
            return;
        }
        if (BoatRng(StreamId.LandEnforcement, k, 0).NextDouble() < _p.Enforcement.BeachPreventionProbability)
        {
            boat.MoveTo(BoatState.PreventedOnLand);
            _prevented += boat.Load;
            _result.Daily[(int)DailySeries.PreventedOnLand][day] += boat.Load;
            if (_boatRng.NextDouble() >= _p.Enforcement.SeizureProbability) _boatStock++;
            TraceBoat(k, "prevented_on_land", boat.Load, "back_to_camp");
            Fail(k, boat.Load);
            return;
        }
        if (TryInterceptNearShore(k, 1)) return;
        StartCrossing(k);
    }

    private void OnTaxiPickup(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = Today;
        RandomStream rng = BoatRng(StreamId.TaxiBoat, k, 1);
        int groups = 1 + Math.Min(2, Samplers.Poisson(rng, _p.TaxiBoat.PickupPointsMean - 1));
        double groupPrevention = _p.Enforcement.BeachPreventionProbability * _p.TaxiBoat.LandPreventionFactor;
        double temperature = _waterTemperatureC[day];
        int remaining = boat.Load;
        int boarded = 0;
        // Draws are taken in a fixed order per group so boat k's groups see the same numbers in every variant.
        for (int g = 0; g < groups; g++)
        {
            int size = remaining / (groups - g);
            remaining -= size;
            double uPrevent = rng.NextDouble();
            double wait = Samplers.Exponential(rng, _p.TaxiBoat.WaitInWaterHoursMean);
            double uCold = rng.NextDouble();
            double uDrown = rng.NextDouble();
            if (uPrevent < groupPrevention)
            {
                _prevented += size;
                _result.Daily[(int)DailySeries.PreventedOnLand][day] += size;
                boat.Load -= size;
                Fail(k, size);
                TraceBoat(k, "group_prevented_on_land", size, "back_to_camp");
                continue;
            }
            int cold = BinomialFromUniform(uCold, size,
                1 - Math.Exp(-_p.TaxiBoat.HypothermiaRatePerHour * HarmParameters.Coldness(temperature) * wait));
            int drowned = BinomialFromUniform(uDrown, size - cold, _p.TaxiBoat.BoardingDrowningProbability);
            if (cold > 0) Kill(k, cold, DeathCause.Hypothermia);
            if (drowned > 0) Kill(k, drowned, DeathCause.Drowning);
            boarded += size - cold - drowned;
            TraceBoat(k, "group_boarded", size - cold - drowned, "aboard");
        }
        if (boarded == 0)
        {
            boat.MoveTo(BoatState.Aborted);
            _boatStock++;
            TraceBoat(k, "aborted", 0, "boat_back_to_network");
            return;
        }
        if (TryInterceptNearShore(k, 2)) return;
        StartCrossing(k);
    }

    // Shallow-water and full doctrines act on a loaded boat close to shore.
    private bool TryInterceptNearShore(int k, int phase)
    {
        var enf = _p.Enforcement;
        if (!enf.ActsInShallowWater) return false;
        RandomStream rng = BoatRng(StreamId.MaritimeInterception, k, phase);
        double uShallow = rng.NextDouble();
        double uFull = rng.NextDouble();
        if (uShallow < enf.ShallowWaterEffectiveness)
        {
            Intercept(k, enf.ShallowWaterCapsize, phase + 4);
            return true;
        }
        if (enf.InterceptsAtSea && uFull < enf.FullEffectiveness)
        {
            Intercept(k, enf.FullCapsize, phase + 8);
            return true;
        }
        return false;
    }

    private void Intercept(int k, double capsizeProbability, int phase)
    {
        ref Boat boat = ref _boats[k];
        RandomStream rng = BoatRng(StreamId.MaritimeInterception, k, phase);
        if (rng.NextDouble() < capsizeProbability)
        {
            int inWater = Samplers.Binomial(rng, boat.Load, _p.Harm.ShareInWaterGivenCapsize);
            int dead = BinomialFromUniform(rng.NextDouble(), inWater, _p.Enforcement.FatalityGivenCapsize);
            if (dead > 0) Kill(k, dead, DeathCause.Interception);
            TraceBoat(k, "interception_capsize", dead, "deaths_interception");
        }
        boat.MoveTo(BoatState.InterceptedFr);
        _interceptedFr += boat.Load;
        TraceBoat(k, "intercepted_fr", boat.Load, "back_to_camp");
        Fail(k, boat.Load);
    }

    // ---------------------------------------------------------------- crossing and French rescue

    private void StartCrossing(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = Today;
        var cp = _p.Crossing;
        var harm = _p.Harm;
        RandomStream harmRng = BoatRng(StreamId.Harm, k, 1);
        if (harmRng.NextDouble() < harm.CrushIncidentProbability(boat.Load))
        {
            int crushed = Math.Min(boat.Load, 1 + Samplers.Poisson(harmRng, harm.CrushDeathsPerIncidentMean - 1));
            Kill(k, crushed, DeathCause.Crush);
            TraceBoat(k, "crush_incident", crushed, "deaths_crush");
        }
        boat.MoveTo(BoatState.InFrenchWaters);
        RandomStream rng = BoatRng(StreamId.Crossing, k, 0);
        double distance = Math.Max(5, Samplers.Normal(rng, cp.TransitDistanceNmMean, cp.TransitDistanceNmSd));
        double speed = Math.Max(1.5, Samplers.Normal(rng, cp.SpeedKnotsMean, cp.SpeedKnotsSd));
        double transit = distance / speed;
        double frenchHours = transit * cp.FrenchWatersShare;
        double hazard = cp.DistressHazardPerHour(boat.Load, _waveHeightM[day]);
        double unitExposure = Samplers.Exponential(rng, 1);
        double distressIn = hazard > 0 ? unitExposure / hazard : double.PositiveInfinity;
        double now = _sim.NowHours;
        boat.UkWatersAtHours = now + frenchHours;
        boat.DistressAtHours = now + distressIn;
        TraceBoat(k, "crossing_started", boat.Load, "in_french_waters");
        if (distressIn < frenchHours)
            _sim.Schedule(distressIn, (int)EventKind.FrenchWatersDistress, k);
        else
            _sim.Schedule(frenchHours, (int)EventKind.EnterUkWaters, k);
    }

    private void OnFrenchWatersDistress(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = Today;
        RandomStream rng = BoatRng(StreamId.FrenchRescue, k, 0);
        double uRefuse = rng.NextDouble();
        double uUk = rng.NextDouble();
        double responseHours = Samplers.Exponential(rng, _p.Crossing.FrenchResponseHoursMean);
        TraceBoat(k, "distress", boat.Load, "french_waters");
        bool capsized = InWaterHarm(k, responseHours, _waterTemperatureC[day], 2);
        if (boat.Load == 0)
        {
            boat.MoveTo(BoatState.Lost);
            return;
        }
        if (!capsized && uRefuse < _p.Crossing.RefuseHelpProbability)
        {
            // Refusing help: escorted to the median line, where UK assets take over.
            boat.DistressAtHours = double.PositiveInfinity;
            TraceBoat(k, "refused_french_help", boat.Load, "escorted");
            _sim.ScheduleAt(Math.Max(boat.UkWatersAtHours, _sim.NowHours), (int)EventKind.EnterUkWaters, k);
            return;
        }
        var uk = _p.Uk;
        if (uk.OperateInFrenchWaters && uUk < uk.FrenchWatersResponseShare && _borderForce.InUse < _borderForce.Capacity)
        {
            _borderForce.Request((int)EventKind.BorderForceGranted, k);
            boat.RescueInFrenchWaters = true;
            boat.EnteredUkHours = _sim.NowHours;
            AssignVessel(k, ServiceBorderForce);
            return;
        }
        boat.MoveTo(BoatState.RescuedFr);
        _rescuedFr += boat.Load;
        TraceBoat(k, "rescued_fr", boat.Load, "back_to_camp");
        Fail(k, boat.Load);
    }

    // A boat in distress may capsize; people in the water drown or die of cold before recovery.
    private bool InWaterHarm(int k, double hoursInWater, double waterTemperatureC, int phase)
    {
        ref Boat boat = ref _boats[k];
        RandomStream rng = BoatRng(StreamId.Harm, k, phase);
        if (rng.NextDouble() >= _p.Harm.CapsizeGivenDistress) return false;
        int inWater = Samplers.Binomial(rng, boat.Load, _p.Harm.ShareInWaterGivenCapsize);
        int drowned = BinomialFromUniform(rng.NextDouble(), inWater, _p.Harm.DrowningProbabilityInWater);
        int cold = BinomialFromUniform(rng.NextDouble(), inWater - drowned, _p.Harm.HypothermiaProbability(hoursInWater, waterTemperatureC));
        if (drowned > 0) Kill(k, drowned, DeathCause.Drowning);
        if (cold > 0) Kill(k, cold, DeathCause.Hypothermia);
        TraceBoat(k, "capsize", drowned + cold, "deaths");
        return true;
    }

    // ---------------------------------------------------------------- UK response

    private void OnEnterUkWaters(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.MoveTo(BoatState.InUkWaters);
        boat.EnteredUkHours = _sim.NowHours;
        TraceBoat(k, "entered_uk_waters", boat.Load, "requests_uk_vessel");
        var uk = _p.Uk;
        RandomStream rng = BoatRng(StreamId.UkResponse, k, 0);
        double uNearest = rng.NextDouble();
        double uSelfLand = rng.NextDouble();
        if (uNearest < uk.RnliNearestAssetShare && _rnli.InUse < _rnli.Capacity)
        {
            _rnli.Request((int)EventKind.RnliGranted, k);
            AssignVessel(k, ServiceRnli);
            return;
        }
        if (_borderForce.Request((int)EventKind.BorderForceGranted, k))
        {
            AssignVessel(k, ServiceBorderForce);
            return;
        }
        if (uSelfLand < uk.SelfLandProbabilityWhenBusy)
        {
            _borderForce.Withdraw(k);
            HeadForBeach(k);
            return;
        }
        boat.Waiting = true;
        _sim.Schedule(uk.RnliWaitThresholdHours, (int)EventKind.RnliThreshold, k);
        _sim.Schedule(uk.MaxWaitHours, (int)EventKind.MaxWaitReached, k);
    }

    private void OnVesselGranted(int k, byte service)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
            throw new InvalidOperationException($"Boat {k} was granted a vessel in state {boat.State} without waiting.");
        TraceBoat(k, "vessel_granted", boat.Load, service == ServiceBorderForce ? "border_force" : "rnli");
        AssignVessel(k, service);
    }

    private void OnRnliThreshold(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            TraceBoat(k, "rnli_threshold", boat.Load, "already_served");
            return;
        }
        if (_rnli.InUse >= _rnli.Capacity)
        {
            TraceBoat(k, "rnli_threshold", boat.Load, "rnli_busy_keeps_waiting");
            return;
        }
        _rnli.Request((int)EventKind.RnliGranted, k);
        _borderForce.Withdraw(k);
        AssignVessel(k, ServiceRnli);
    }

    private void OnMaxWaitReached(int k)
    {
        ref Boat boat = ref _boats[k];
        if (!boat.IsWaitingForUkVessel)
        {
            TraceBoat(k, "max_wait", boat.Load, "already_served");
            return;
        }
        _borderForce.Withdraw(k);
        HeadForBeach(k);
    }

    private void HeadForBeach(int k)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.MoveTo(BoatState.HeadingForBeach);
        TraceBoat(k, "heading_for_beach", boat.Load, "no_vessel");
        _sim.Schedule(_p.Uk.BeachRunHours, (int)EventKind.SelfLanded, k);
    }

    private void AssignVessel(int k, byte service)
    {
        ref Boat boat = ref _boats[k];
        boat.Waiting = false;
        boat.Service = service;
        boat.HoldsVessel = true;
        boat.TaskedHours = _sim.NowHours;
        VesselServiceParameters v = service == ServiceBorderForce ? _p.Uk.BorderForce : _p.Uk.Rnli;
        double response = v.ResponseHours + (boat.RescueInFrenchWaters ? v.ResponseHours : 0);
        TraceBoat(k, service == ServiceBorderForce ? "tasked_border_force" : "tasked_rnli", boat.Load, "vessel_en_route");
        _sim.Schedule(response, (int)EventKind.VesselOnScene, k);
    }

    private void OnVesselOnScene(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = Today;
        double now = _sim.NowHours;
        var uk = _p.Uk;
        if (!boat.RescueInFrenchWaters)
        {
            // Distress while waiting in UK waters: the underway hazard keeps running and drifting adds its own.
            RandomStream rng = BoatRng(StreamId.UkResponse, k, 1);
            double waited = now - boat.EnteredUkHours;
            double waitDistress = uk.WaitingHazardPerHour > 0
                ? boat.EnteredUkHours + Samplers.Exponential(rng, 1) / uk.WaitingHazardPerHour : double.PositiveInfinity;
            double distressAt = Math.Min(boat.DistressAtHours, waitDistress);
            if (distressAt < now)
            {
                TraceBoat(k, "distress", boat.Load, "uk_waters");
                InWaterHarm(k, now - distressAt, _waterTemperatureC[day], 3);
            }
            _waitHoursSum += waited;
            _waitCount++;
        }
        VesselServiceParameters v = boat.Service == ServiceBorderForce ? uk.BorderForce : uk.Rnli;
        if (boat.Service == ServiceBorderForce) _responsesBorderForce++; else _responsesRnli++;
        boat.MoveTo(boat.Load == 0 ? BoatState.Lost : BoatState.AboardUkVessel);
        if (boat.Load == 0)
        {
            TraceBoat(k, "vessel_on_scene", 0, "no_survivors");
            _sim.Schedule(v.ReturnHours, (int)EventKind.VesselFree, k);
            return;
        }
        _rescuedUk += boat.Load;
        if (boat.Service == ServiceBorderForce)
        {
            RandomStream w = BoatRng(StreamId.Windspire, k, 0);
            double seek = boat.RescueInFrenchWaters ? uk.WindspireReturnProbabilityFrenchWaters : uk.WindspireReturnProbability;
            bool seeks = w.NextDouble() < seek;
            bool permitted = w.NextDouble() < uk.WindspirePermissionProbability;
            bool medical = w.NextDouble() < uk.WindspireMedicalEmergencyProbability;
            bool calmEnough = _waveHeightM[day] <= uk.WindspireMaxWaveHeightM;
            boat.ToFrance = seeks && permitted && !medical && calmEnough;
        }
        double toLanding = v.PickupToLandingHours(boat.Load) + (boat.ToFrance ? uk.WindspireExtraHours : 0);
        TraceBoat(k, "picked_up", boat.Load, boat.ToFrance ? "to_french_port" : "to_uk_port");
        _sim.Schedule(toLanding, (int)EventKind.PeopleLanded, k);
        _sim.Schedule(toLanding + v.TurnaroundHours, (int)EventKind.VesselFree, k);
    }

    private void OnPeopleLanded(int k)
    {
        ref Boat boat = ref _boats[k];
        if (boat.ToFrance)
        {
            boat.MoveTo(BoatState.ReturnedToFrance);
            _returnedWindspire += boat.Load;
            TraceBoat(k, "returned_windspire", boat.Load, "back_to_camp");
            Fail(k, boat.Load);
            return;
        }
        boat.MoveTo(BoatState.LandedUk);
        TraceBoat(k, "landed_uk", boat.Load, "arrived");
        Arrive(k);
    }

    private void OnSelfLanded(int k)
    {
        ref Boat boat = ref _boats[k];
        double now = _sim.NowHours;
        RandomStream rng = BoatRng(StreamId.UkResponse, k, 2);
        double waitDistress = _p.Uk.WaitingHazardPerHour > 0
            ? boat.EnteredUkHours + Samplers.Exponential(rng, 1) / _p.Uk.WaitingHazardPerHour : double.PositiveInfinity;
        double distressAt = Math.Min(boat.DistressAtHours, waitDistress);
        if (distressAt < now) InWaterHarm(k, now - distressAt, _waterTemperatureC[Today], 4);
        boat.MoveTo(BoatState.SelfLanded);
        _selfLanded++;
        TraceBoat(k, "self_landed", boat.Load, "arrived");
        if (boat.Load > 0) Arrive(k);
    }

    private void OnVesselFree(int k)
    {
        ref Boat boat = ref _boats[k];
        _vesselBusyHours += _sim.NowHours - boat.TaskedHours;
        boat.HoldsVessel = false;
        TraceBoat(k, "vessel_free", 0, boat.Service == ServiceBorderForce ? "border_force" : "rnli");
        if (boat.Service == ServiceBorderForce) _borderForce.Release(); else _rnli.Release();
    }

    // Vessel numbers can change on the timeline: pools are sized for the largest fleet and the
    // units not in service are held by a reserve (queued behind busy vessels if need be).
    private void SetVesselCounts()
    {
        AdjustReserve(_borderForce, _borderForceMax - _p.Uk.BorderForce.Vessels, ref _bfReserveHeld, ref _bfReserveQueued, ServiceBorderForce);
        AdjustReserve(_rnli, _rnliMax - _p.Uk.Rnli.Vessels, ref _rnliReserveHeld, ref _rnliReserveQueued, ServiceRnli);
    }

    private void AdjustReserve(Resource pool, int target, ref int held, ref int queued, byte service)
    {
        while (held + queued < target)
        {
            if (pool.Request((int)EventKind.ReserveGranted, -service)) held++; else queued++;
        }
        while (held + queued > target)
        {
            if (queued > 0 && pool.Withdraw(-service)) queued--;
            else
            {
                pool.Release();
                held--;
            }
        }
    }

    private void OnReserveGranted(int negativeService)
    {
        Trace?.Record(_sim.NowHours, -negativeService == ServiceBorderForce ? "border_force" : "rnli", "vessel_stood_down", 0, "timeline");
        if (-negativeService == ServiceBorderForce)
        {
            _bfReserveQueued--;
            _bfReserveHeld++;
        }
        else
        {
            _rnliReserveQueued--;
            _rnliReserveHeld++;
        }
    }

    // ---------------------------------------------------------------- outcomes and the people balance

    private void Arrive(int k)
    {
        ref Boat boat = ref _boats[k];
        int people = boat.Load;
        int day = Today;
        _atSea -= people;
        _arrivals += people;
        _boatsArrived++;
        _arrivedLoadSum += people;
        _result.Daily[(int)DailySeries.ArrivalsUk][day] += people;
        _daySuccess += people;
        if (boat.Taxi) _dayTaxiSuccess += people; else _dayBeachSuccess += people;
        ScheduleReturnsAfterArrival(people, day);
    }

    private void ScheduleReturnsAfterArrival(int people, int day)
    {
        var r = _p.Returns;
        int today = _startDate.DayNumber + day;
        int returned = 0;
        if (r.RemovalsEnabled && today >= r.RemovalsStart.DayNumber)
            returned += Samplers.Binomial(_returnsRng, people, r.RemovalsShare);
        if (r.OneInOneOutEnabled && today >= r.OneInOneOutStart.DayNumber)
        {
            int week = (today - r.OneInOneOutStart.DayNumber) / 7;
            if (week != _oneInOneOutWeek)
            {
                _oneInOneOutWeek = week;
                _oneInOneOutUsedThisWeek = 0;
            }
            int eligible = Samplers.Binomial(_returnsRng, people - returned, r.OneInOneOutEligibleShare);
            int take = (int)Math.Min(eligible, Math.Max(0, Math.Floor(r.OneInOneOutWeeklyCapPeople - _oneInOneOutUsedThisWeek)));
            _oneInOneOutUsedThisWeek += take;
            returned += take;
        }
        if (returned == 0) return;
        int backOn = day + Math.Max(1, (int)Math.Round(r.ReturnDelayDays));
        // Returns falling after the horizon stay arrivals: nobody is put back on the coast.
        if (backOn < Days) _returnBucket[backOn] += returned;
    }

    private void Kill(int k, int people, DeathCause cause)
    {
        ref Boat boat = ref _boats[k];
        boat.Load -= people;
        _atSea -= people;
        switch (cause)
        {
            case DeathCause.Drowning: _deathsDrowning += people; break;
            case DeathCause.Hypothermia: _deathsHypothermia += people; break;
            case DeathCause.Crush: _deathsCrush += people; break;
            default: _deathsInterception += people; break;
        }
        _result.Daily[(int)DailySeries.Deaths][Today] += people;
        CountFailure(k, people);
    }

    private void CountFailure(int k, int people)
    {
        _dayFailure += people;
        if (_boats[k].Taxi) _dayTaxiFailure += people; else _dayBeachFailure += people;
    }

    // A boat's people are back on the French coast after a failed attempt.
    private void Fail(int k, int people)
    {
        if (people <= 0) return;
        _atSea -= people;
        CountFailure(k, people);
        // The boat's own retry substream (one phase per failure of this boat) keeps give-up and
        // retry draws attached to the boat, whatever other boats did that day.
        ref Boat boat = ref _boats[k];
        RandomStream rng = BoatRng(StreamId.Retry, k, boat.Failures & 15);
        boat.Failures++;
        FailPeople(people, Today, rng);
    }

    // People on the coast after a failure either give up or retry after a delay.
    private void FailPeople(int people, int day) => FailPeople(people, day, _retryRng);

    private void FailPeople(int people, int day, RandomStream rng)
    {
        if (people <= 0) return;
        // Deterrence scales the odds of giving up inversely to the arrival-rate multiplier, so
        // perceived failure makes people leave and perceived success keeps them trying.
        double giveUp = _deterrenceMultiplier <= 0 ? 1 : Math.Min(1, _p.Demand.GiveUpProbability / _deterrenceMultiplier);
        int gaveUp = Samplers.Binomial(rng, people, giveUp);
        _gaveUp += gaveUp;
        int retry = people - gaveUp;
        if (retry == 0) return;
        int delay = 1 + Samplers.Poisson(rng, Math.Max(0, _p.Demand.RetryDelayDaysMean - 1));
        _retryBucket[Math.Min(day + delay, Days)] += retry;
    }

    private void WriteResult(double endHours)
    {
        // Vessels still busy at the end count their time up to the horizon.
        for (int k = 0; k < _boatCount; k++)
            if (_boats[k].HoldsVessel) _vesselBusyHours += endHours - _boats[k].TaskedHours;

        ReplicationResult r = _result;
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
        r[Metric.UkVesselUtilisation] = _vesselHoursAvailable <= 0 ? 0 : _vesselBusyHours / _vesselHoursAvailable;
        r[Metric.UkResponsesBorderForce] = _responsesBorderForce;
        r[Metric.UkResponsesRnli] = _responsesRnli;
        r[Metric.BoatsSelfLanded] = _selfLanded;
        r[Metric.MeanWaitForRescueHours] = _waitCount == 0 ? 0 : _waitHoursSum / _waitCount;
        r[Metric.GaveUp] = _gaveUp;
        r[Metric.PeopleOnCoastStart] = _timeline.Snapshots[0].Demand.InitialPeopleOnCoast;
        r[Metric.PeopleNewOnCoast] = _newOnCoast;
        r[Metric.PeopleOnCoastEnd] = _camp + (long)_retryBucket[Days];
        r[Metric.PeopleAtSeaEnd] = _atSea;
        r[Metric.PersonAttempts] = _personAttempts;
        r.EventsProcessed = _sim.ProcessedEvents;
    }

    private void TraceBoat(int k, string eventName, int people, string outcome)
    {
        if (Trace is null) return;
        Trace.Record(_sim.NowHours, "boat-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), eventName, people, outcome);
    }

    // Binomial draw from one uniform by inversion: one number per draw keeps common random numbers
    // aligned across variants, and for the small death probabilities it costs about n·p steps.
    private static int BinomialFromUniform(double u, int n, double p)
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
