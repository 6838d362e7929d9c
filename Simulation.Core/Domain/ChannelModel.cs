using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Policy;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Domain.UkResponse;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain;

/// <summary>
/// The Channel model (MODEL.md §2) as a composition of mechanisms: camps, smuggling networks,
/// French enforcement on land and at sea, taxi-boat pick-ups, the crossing, French rescue, UK
/// response with limited vessels and chartered joint-operations ships, Windspire returns, returns
/// after arrival, deterrence and harm, driven by a dated policy timeline. This class builds the
/// mechanisms for one parameter set, owns the clock, the boat pool and the tallies through a
/// shared context, hands each event to its mechanism and writes the result. One instance per
/// thread; it reuses its buffers across replications.
/// </summary>
public sealed class ChannelModel : IReplicationModel
{
    private const int PriorityTimeline = -20;
    private const int PriorityDay = -10;

    private readonly PolicyTimeline _timeline;
    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly DailyWeather _weather;
    private readonly DeterrenceEffect _deterrence;
    private readonly TacticChoice _tactics;
    private readonly Camp _camp;
    private readonly ReturnsAfterArrival _returns;
    private readonly BoatOutcomes _outcomes;
    private readonly HarmModel _harm;
    private readonly UkFleet _fleet;
    private readonly JointOperationsShips _ships;
    private readonly UkResponder _uk;
    private readonly CrossingHazards _crossing;
    private readonly FrenchRescue _frenchRescue;
    private readonly MaritimeInterception _interception;
    private readonly TaxiPickup _taxiPickup;
    private readonly LaunchPlanner _planner;
    private ReplicationResult _result = null!;

    /// <summary>Builds the model for one validated parameter set (timeline compiled, weather series loaded once).</summary>
    public ChannelModel(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        DateOnly startDate = parameters.Date("calendar.start_date");
        Days = parameters.Integer("calendar.horizon_days");
        _timeline = new PolicyTimeline(parameters, startDate, Days);
        _weather = new DailyWeather(_timeline, startDate, Days);
        _ctx = new ReplicationContext(startDate, Days, _timeline.Snapshots[0]);
        _sim = _ctx.Sim;

        // Each mechanism gets the few others it reports to; none reaches into another's state.
        _deterrence = new DeterrenceEffect(_ctx);
        _tactics = new TacticChoice(_ctx);
        _camp = new Camp(_ctx, _weather, _deterrence);
        _returns = new ReturnsAfterArrival(_ctx, _camp);
        _outcomes = new BoatOutcomes(_ctx, _camp, _deterrence, _tactics, _returns);
        _harm = new HarmModel(_ctx, _outcomes, _weather);
        _fleet = new UkFleet(_ctx, _timeline);
        var windspire = new Windspire(_ctx, _weather);
        _ships = new JointOperationsShips(_ctx, _fleet, windspire);
        _uk = new UkResponder(_ctx, _weather, _fleet, windspire, _ships, _harm, _outcomes);
        _crossing = new CrossingHazards(_ctx, _weather, _harm);
        _frenchRescue = new FrenchRescue(_ctx, _weather, _harm, _uk, _ships, _outcomes);
        _interception = new MaritimeInterception(_ctx, _harm, _outcomes);
        var stock = new BoatStock(Days);
        _taxiPickup = new TaxiPickup(_ctx, _weather, stock, _harm, _interception, _crossing, _outcomes);
        _planner = new LaunchPlanner(_ctx, _camp, stock, _tactics, _outcomes, _harm,
            new BeachPolice(_ctx, stock, _outcomes), _interception, _taxiPickup, _crossing);
    }

    /// <inheritdoc />
    public int Days { get; }

    /// <summary>Optional event trace for one replication; when null nothing is formatted.</summary>
    public IEventTrace? Trace
    {
        get => _ctx.Trace;
        set => _ctx.AttachTrace(value);
    }

    /// <summary>Parameters in force on the first day (typed).</summary>
    public ModelParameters InitialParameters => _timeline.Snapshots[0];

    /// <summary>Weather rating of each day in the last replication (0 green, 1 amber, 2 red).</summary>
    public ReadOnlySpan<SeaRating> WeatherRatings => _weather.Ratings;

    /// <summary>Wave height of each day in the last replication.</summary>
    public ReadOnlySpan<double> WaveHeightsM => _weather.WaveHeightsM;

    /// <inheritdoc />
    public void RunReplication(ulong masterSeed, long replication, ReplicationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Days != Days) throw new ArgumentException($"The result holds {result.Days} days; the model runs {Days}.", nameof(result));
        result.Clear();
        _result = result;
        ulong replicationSeed = SeedDerivation.ForReplication(masterSeed, replication);
        Reset(replicationSeed, result);
        _weather.Generate(replicationSeed);

        for (int s = 1; s < _timeline.Snapshots.Length; s++)
            _sim.ScheduleAt(_timeline.StartDays[s] * ReplicationContext.HoursPerDay, (int)EventKind.TimelineChange, s, PriorityTimeline);
        for (int d = 0; d < Days; d++)
            _sim.ScheduleAt(d * ReplicationContext.HoursPerDay, (int)EventKind.DayStart, d, PriorityDay);

        var handler = new Dispatcher(this);
        double endHours = Days * ReplicationContext.HoursPerDay;
        _sim.Run(ref handler, endHours);
        WriteResult(endHours);
    }

    /// <summary>
    /// A boat of a hand-built world: where it is at a given hour and how many people it carries. A boat in
    /// distress in French waters reaches the median line <paramref name="MedianLineAfterHours"/> later if it goes on.
    /// </summary>
    internal readonly record struct PlacedBoat(double Hours, int Load, bool DistressInFrenchWaters = false, double MedianLineAfterHours = 0);

    /// <summary>
    /// A hand-built world for tests of the sea-side mechanisms: no launches from the coast, only the
    /// given boats, each entering UK waters (or in distress in French waters) at its hour, with no
    /// underway hazard; boat i's random substreams are keyed by i.
    /// </summary>
    internal void RunPlacedBoats(ulong masterSeed, ReplicationResult result, ReadOnlySpan<PlacedBoat> placed)
    {
        result.Clear();
        _result = result;
        ulong replicationSeed = SeedDerivation.ForReplication(masterSeed, 0);
        Reset(replicationSeed, result);
        _weather.Generate(replicationSeed);
        for (int s = 1; s < _timeline.Snapshots.Length; s++)
            _sim.ScheduleAt(_timeline.StartDays[s] * ReplicationContext.HoursPerDay, (int)EventKind.TimelineChange, s, PriorityTimeline);
        for (int i = 0; i < placed.Length; i++)
        {
            int k = _ctx.Boats.Add();
            ref Crossing.Boat boat = ref _ctx.Boats[k];
            boat.State = BoatState.InFrenchWaters;
            boat.RandomKey = i;
            boat.Load = placed[i].Load;
            boat.UkWatersAtHours = placed[i].Hours + placed[i].MedianLineAfterHours;
            boat.DistressAtHours = double.PositiveInfinity;
            _outcomes.PutToSea(placed[i].Load);
            _sim.ScheduleAt(placed[i].Hours, (int)(placed[i].DistressInFrenchWaters ? EventKind.FrenchWatersDistress : EventKind.EnterUkWaters), k);
        }
        var handler = new Dispatcher(this);
        double endHours = Days * ReplicationContext.HoursPerDay;
        _sim.Run(ref handler, endHours);
        WriteResult(endHours);
    }

    private readonly struct Dispatcher(ChannelModel model) : IEventHandler
    {
        public void Handle(Simulator simulator, in SimEvent simEvent) => model.Handle(simEvent);
    }

    private void Reset(ulong replicationSeed, ReplicationResult result)
    {
        _ctx.Begin(replicationSeed, result, _timeline.Snapshots[0]);
        _camp.Reset();
        _planner.Reset();
        _interception.Reset();
        _returns.Reset();
        _fleet.Reset();
        _ships.Reset();
        _uk.Reset();
        _outcomes.Reset();
        _tactics.Reset();
        _deterrence.Reset();
    }

    private void Handle(in SimEvent e)
    {
        int k = e.Entity;
        switch ((EventKind)e.Kind)
        {
            case EventKind.TimelineChange: OnTimelineChange(k); break;
            case EventKind.DayStart: OnDayStart(k); break;
            case EventKind.BoatLaunch: _planner.OnLaunch(k); break;
            case EventKind.TaxiPickup: _taxiPickup.OnPickup(k); break;
            case EventKind.FrenchWatersDistress: _frenchRescue.OnDistress(k); break;
            case EventKind.EnterUkWaters: _uk.OnEnterUkWaters(k); break;
            case EventKind.RnliThreshold: _uk.OnRnliThreshold(k); break;
            case EventKind.MaxWaitReached: _uk.OnMaxWaitReached(k); break;
            case EventKind.VesselOnScene: _uk.OnVesselOnScene(k); break;
            case EventKind.PeopleLanded: _uk.OnPeopleLanded(k); break;
            case EventKind.VesselFree: _uk.OnVesselFree(k); break;
            case EventKind.SelfLanded: _uk.OnSelfLanded(k); break;
            case EventKind.JointOperationsShipFree: _uk.OnShipFree(k); break;
            default: throw new InvalidOperationException($"Unknown event kind {e.Kind}.");
        }
    }

    private void OnTimelineChange(int snapshot)
    {
        ModelParameters previous = _ctx.P;
        _ctx.UseParameters(_timeline.Snapshots[snapshot]);
        _tactics.ParametersChanged(previous);
        _uk.ServeWaiting();
        if (_ctx.Trace is not null) _ctx.Trace.Record(_sim.NowHours, "policy", "timeline_change", 0, "snapshot-" + snapshot.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    // The order of the day matters for the random streams and the trace: perceptions of yesterday
    // first, then the camp, the boat stock, the weather record and the night's launches.
    private void OnDayStart(int day)
    {
        _deterrence.StartDay();
        _tactics.StartDay();
        _returns.StartDay(day);
        _camp.StartDay(day);
        _planner.StartDay(day);
        SeaRating rating = _weather.Rating(day);
        _ctx.Tallies.Weather(day, rating);
        _camp.TraceDayStart(rating);
        _planner.PlanNight(day, rating);
    }

    private void WriteResult(double endHours)
    {
        ReplicationResult r = _result;
        _ctx.Tallies.WriteTo(r);
        r[Metric.UkVesselUtilisation] = _fleet.Utilisation(endHours);
        r[Metric.UkBusyNightUtilisation] = _uk.BusyNightUtilisation();
        r[Metric.PeopleOnCoastStart] = _timeline.Snapshots[0].Demand.InitialPeopleOnCoast;
        // Boats loaded on the last night whose launch falls after the horizon have not left the coast.
        long notLaunched = _outcomes.PeopleNotLaunched();
        r[Metric.PeopleOnCoastEnd] = _camp.PeopleAtEnd + notLaunched;
        r[Metric.PeopleAtSeaEnd] = _outcomes.PeopleAtSea - notLaunched;
        r.EventsProcessed = _sim.ProcessedEvents;
    }
}
