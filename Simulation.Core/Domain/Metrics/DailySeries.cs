namespace Simulation.Core.Domain.Metrics;

/// <summary>Series recorded per simulated day.</summary>
public enum DailySeries
{
    /// <summary>People landed in the UK that day.</summary>
    ArrivalsUk,
    /// <summary>Boats that set off that day.</summary>
    LaunchAttempts,
    /// <summary>Person-attempts prevented on land that day.</summary>
    PreventedOnLand,
    /// <summary>Deaths that day.</summary>
    Deaths,
    /// <summary>Weather rating of the day: 0 green (crossing unlikely, rough sea), 1 amber, 2 red (crossing likely, calm sea).</summary>
    WeatherRating,
}
