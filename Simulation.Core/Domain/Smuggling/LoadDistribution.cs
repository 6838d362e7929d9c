using MathNet.Numerics.Distributions;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>
/// Planned people per boat: a normal distribution with the year's mean and spread (sd = cv · mean),
/// truncated to [min, max] and drawn by inversion from one uniform. The Home Office occupancy bands
/// (boats of 51-60, 61-70, 71-80 and over 80 people, FY2022-23 to FY2024-25) fall off like a normal
/// tail with a coefficient of variation near 0.27 in each year; a gamma with the same mean and spread
/// put three times too many boats above 80 people.
/// </summary>
public static class LoadDistribution
{
    /// <summary>Draws one planned load; <paramref name="meanMultiplier"/> scales the mean (networks short of boats load more).</summary>
    public static int Sample(SmugglingParameters s, RandomStream rng, double meanMultiplier = 1.0)
    {
        double mean = s.LoadMeanPeople * meanMultiplier;
        double sd = Math.Max(1e-9, s.LoadCv * mean);
        double lo = Normal.CDF(mean, sd, s.LoadMinPeople - 0.5);
        double hi = Normal.CDF(mean, sd, s.LoadMaxPeople + 0.5);
        double u = lo + (hi - lo) * rng.NextDouble();
        double load = hi - lo < 1e-12 ? mean : Normal.InvCDF(mean, sd, u);
        return (int)Math.Clamp(Math.Round(load), s.LoadMinPeople, s.LoadMaxPeople);
    }

    /// <summary>
    /// The networks' load multiplier for a night: when the boats in stock cannot carry the people
    /// they mean to send at the usual load, they pack each boat fuller, up to 1 + increase.
    /// </summary>
    public static double ScarcityMultiplier(SmugglingParameters s, int peopleToLaunch, int boatsInStock)
    {
        if (s.ScarcityLoadIncrease <= 0 || peopleToLaunch <= 0) return 1.0;
        double boatsNeeded = peopleToLaunch / s.LoadMeanPeople;
        double shortfall = boatsNeeded <= 0 ? 0 : Math.Max(0, 1 - boatsInStock / boatsNeeded);
        return 1 + s.ScarcityLoadIncrease * shortfall;
    }
}
