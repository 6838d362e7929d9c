using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Weather;

/// <summary>Typed weather parameters (MODEL.md §2.1), read once per parameter snapshot.</summary>
public sealed record WeatherParameters
{
    /// <summary>Replayed series file, empty for the generator.</summary>
    public required string SeriesFile { get; init; }
    /// <summary>Year-average share of red days.</summary>
    public required double RedDayShare { get; init; }
    /// <summary>Year-average share of amber days.</summary>
    public required double AmberDayShare { get; init; }
    /// <summary>Relative seasonal swing of the red share.</summary>
    public required double SeasonalAmplitude { get; init; }
    /// <summary>Day of year with most red days.</summary>
    public required int PeakDayOfYear { get; init; }
    /// <summary>Probability a day keeps yesterday's rating.</summary>
    public required double PersistenceProbability { get; init; }
    /// <summary>Mean wave height by rating, indexed by <see cref="SeaRating"/>.</summary>
    public required double[] WaveHeightMeanM { get; init; }
    /// <summary>Coefficient of variation of wave height.</summary>
    public required double WaveHeightCv { get; init; }
    /// <summary>Mean sea temperature.</summary>
    public required double WaterTemperatureMeanC { get; init; }
    /// <summary>Seasonal swing of the sea temperature.</summary>
    public required double WaterTemperatureAmplitudeC { get; init; }
    /// <summary>Warmest day of year.</summary>
    public required int WaterTemperaturePeakDayOfYear { get; init; }

    /// <summary>Reads the weather parameters from a resolved set.</summary>
    public static WeatherParameters From(ParameterSet p) => new()
    {
        SeriesFile = p.Text("weather.series_file"),
        RedDayShare = p.Number("weather.red_day_share"),
        AmberDayShare = p.Number("weather.amber_day_share"),
        SeasonalAmplitude = p.Number("weather.seasonal_amplitude"),
        PeakDayOfYear = p.Integer("weather.peak_day_of_year"),
        PersistenceProbability = p.Number("weather.persistence_probability"),
        WaveHeightMeanM = [p.Number("weather.wave_height_green_m"), p.Number("weather.wave_height_amber_m"), p.Number("weather.wave_height_red_m")],
        WaveHeightCv = p.Number("weather.wave_height_cv"),
        WaterTemperatureMeanC = p.Number("weather.water_temperature_mean_c"),
        WaterTemperatureAmplitudeC = p.Number("weather.water_temperature_amplitude_c"),
        WaterTemperaturePeakDayOfYear = p.Integer("weather.water_temperature_peak_day_of_year"),
    };
}
