namespace Simulation.Core.Domain.Weather;

/// <summary>
/// Home Office / Met Office daily rating of how likely crossings are. Red means crossings are
/// likely (calm sea), green unlikely (rough sea). Values match <c>DailySeries.WeatherRating</c>.
/// </summary>
public enum SeaRating : byte
{
    /// <summary>Crossings unlikely (rough sea).</summary>
    Green = 0,
    /// <summary>Crossings possible.</summary>
    Amber = 1,
    /// <summary>Crossings likely (calm sea).</summary>
    Red = 2,
}
