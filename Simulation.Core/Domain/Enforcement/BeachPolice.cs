using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Enforcement;

/// <summary>French police on the beaches: a beach launch is stopped on land, and the boat usually seized.</summary>
internal sealed class BeachPolice
{
    private readonly ReplicationContext _ctx;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly BoatStock _stock;
    private readonly BoatOutcomes _outcomes;

    public BeachPolice(ReplicationContext ctx, BoatStock stock, BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _stock = stock;
        _outcomes = outcomes;
    }

    /// <summary>True when boat k's launch was prevented: its people are back on the coast.</summary>
    public bool TryPrevent(int k, int day)
    {
        RandomStream rng = _ctx.BoatRng(StreamId.LandEnforcement, k, 0);
        if (rng.NextDouble() < _ctx.P.Enforcement.BeachPreventionProbability)
        {
            ref Boat boat = ref _boats[k];
            boat.MoveTo(BoatState.PreventedOnLand);
            _tallies.Prevented(day, boat.Load);
            // The seizure is the next number of the same substream.
            if (rng.NextDouble() >= _ctx.P.Enforcement.SeizureProbability) _stock.GiveBack();
            _ctx.TraceBoat(k, "prevented_on_land", boat.Load, "back_to_camp");
            _outcomes.Fail(k, boat.Load);
            return true;
        }
        return false;
    }
}
