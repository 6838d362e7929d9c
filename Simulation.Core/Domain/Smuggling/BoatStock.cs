using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>The networks' boats ready to launch: restocked daily, spent by launches, given back when not seized.</summary>
internal sealed class BoatStock
{
    public int Boats { get; private set; }

    public void Reset(int initial) => Boats = initial;

    public void Restock(SmugglingParameters sm, RandomStream rng) =>
        Boats = Math.Min(sm.BoatStockMax, Boats + Samplers.Poisson(rng, sm.BoatRestockRatePerDay));

    public void Take() => Boats--;

    public void GiveBack() => Boats++;
}
