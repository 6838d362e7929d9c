using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// The end of an attempt for the people on a boat: arrival in the UK, death, or back on the
/// French coast. Holds the count of people at sea and tells the perceptions (deterrence, tactic
/// choice) how each attempt ended, so the people balance closes in one place.
/// </summary>
internal sealed class BoatOutcomes
{
    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly Camp _camp;
    private readonly DeterrenceEffect _deterrence;
    private readonly TacticChoice _tactics;
    private readonly ReturnsAfterArrival _returns;

    public BoatOutcomes(ReplicationContext ctx, Camp camp, DeterrenceEffect deterrence, TacticChoice tactics, ReturnsAfterArrival returns)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _camp = camp;
        _deterrence = deterrence;
        _tactics = tactics;
        _returns = returns;
    }

    /// <summary>People afloat (launched and not yet landed, returned or dead).</summary>
    public long PeopleAtSea { get; private set; }

    public void Reset() => PeopleAtSea = 0;

    public void PutToSea(int people) => PeopleAtSea += people;

    /// <summary>Boat k's people landed in the UK (at a port or on a beach).</summary>
    public void Arrive(int k)
    {
        ref Boat boat = ref _boats[k];
        int people = boat.Load;
        int day = _ctx.Today;
        PeopleAtSea -= people;
        _tallies.Arrival(day, people);
        _tallies.RepeatArrivals(SettleReturned(k, people));
        _deterrence.Success(people);
        _tactics.Success(boat.Taxi, people);
        _returns.AfterArrival(people, day);
    }

    /// <summary>People of boat k died (the harm model has taken them off the boat).</summary>
    public void Died(int k, int people)
    {
        PeopleAtSea -= people;
        SettleReturned(k, people);
        CountFailure(k, people);
    }

    /// <summary>People of boat k are back on the French coast after a failed attempt.</summary>
    public void Fail(int k, int people)
    {
        if (people <= 0) return;
        PeopleAtSea -= people;
        CountFailure(k, people);
        // The boat's own retry substream (one phase per failure of this boat) keeps give-up and
        // retry draws attached to the boat, whatever other boats did that day.
        ref Boat boat = ref _boats[k];
        int returned = SettleReturned(k, people);
        RandomStream rng = _ctx.BoatRng(StreamId.Retry, k, boat.Failures & 15);
        boat.Failures++;
        _camp.BackOnCoast(people, returned, _ctx.Today, rng);
    }

    /// <summary>People loaded on boats whose launch falls after the horizon: still on the coast, not at sea.</summary>
    public long PeopleNotLaunched()
    {
        long people = 0;
        for (int k = 0; k < _boats.Count; k++)
            if (_boats[k].State == BoatState.Staging) people += _boats[k].Unsettled;
        return people;
    }

    // The returned people among n of boat k's people whose attempt ends now: all of them when the
    // whole boat ends, else their share of the people still unsettled, rounded (half up) so that the
    // returned left aboard never exceed the people left aboard and never go negative.
    private int SettleReturned(int k, int people)
    {
        ref Boat boat = ref _boats[k];
        int before = boat.Unsettled;
        int after = Math.Max(0, before - people);
        int keep = before <= 0 ? 0 : (int)(((long)boat.Returned * after * 2 + before) / (2L * before));
        int settled = boat.Returned - keep;
        boat.Returned = keep;
        boat.Unsettled = after;
        return settled;
    }

    private void CountFailure(int k, int people)
    {
        _deterrence.Failure(people);
        _tactics.Failure(_boats[k].Taxi, people);
    }
}
