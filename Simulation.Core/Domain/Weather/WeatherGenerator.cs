using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Weather;

/// <summary>
/// Seasonal three-state Markov chain for the daily sea rating. Each day keeps yesterday's rating
/// with the persistence probability, otherwise it is drawn afresh from the seasonal shares; the
/// chain's stationary distribution is therefore the seasonal shares and calm spells cluster.
/// </summary>
public static class WeatherGenerator
{
    /// <summary>Red-day share on a day of the year (cosine seasonality around the year mean).</summary>
    public static double RedShare(WeatherParameters w, int dayOfYear)
    {
        double phase = 2 * Math.PI * (dayOfYear - w.PeakDayOfYear) / 365.25;
        double share = w.RedDayShare * (1 + w.SeasonalAmplitude * Math.Cos(phase));
        return Math.Clamp(share, 0, 1);
    }

    /// <summary>Amber-day share on a day of the year (what is left after red, at most the year mean).</summary>
    public static double AmberShare(WeatherParameters w, double redShare) => Math.Min(w.AmberDayShare, 1 - redShare);

    /// <summary>Draws today's rating given yesterday's (null on the first day).</summary>
    public static SeaRating NextRating(WeatherParameters w, int dayOfYear, SeaRating? yesterday, RandomStream rng)
    {
        double u = rng.NextDouble();
        if (yesterday is SeaRating y && rng.NextDouble() < w.PersistenceProbability) return y;
        double red = RedShare(w, dayOfYear);
        double amber = AmberShare(w, red);
        return u < red ? SeaRating.Red : u < red + amber ? SeaRating.Amber : SeaRating.Green;
    }

    /// <summary>Draws the day's significant wave height from a log-normal around the rating mean.</summary>
    public static double WaveHeightM(WeatherParameters w, SeaRating rating, RandomStream rng)
    {
        double mean = w.WaveHeightMeanM[(int)rating];
        if (w.WaveHeightCv <= 0) return mean;
        double sigma2 = Math.Log(1 + w.WaveHeightCv * w.WaveHeightCv);
        return Samplers.LogNormal(rng, Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2));
    }

    /// <summary>Sea temperature on a day of the year.</summary>
    public static double WaterTemperatureC(WeatherParameters w, int dayOfYear) =>
        w.WaterTemperatureMeanC + w.WaterTemperatureAmplitudeC *
        Math.Cos(2 * Math.PI * (dayOfYear - w.WaterTemperaturePeakDayOfYear) / 365.25);
}
