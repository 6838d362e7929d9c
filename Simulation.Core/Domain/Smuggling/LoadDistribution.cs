using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>Planned people per boat: minimum plus a gamma excess, capped at the maximum (right-skewed).</summary>
public static class LoadDistribution
{
    /// <summary>Draws one planned load.</summary>
    public static int Sample(SmugglingParameters s, RandomStream rng)
    {
        double load = s.LoadMinPeople + Samplers.Gamma(rng, s.LoadShape, s.LoadScale);
        return (int)Math.Min(Math.Round(load), s.LoadMaxPeople);
    }
}
