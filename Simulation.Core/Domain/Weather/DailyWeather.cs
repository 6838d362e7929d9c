using Simulation.Core.Domain.Policy;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Weather;

/// <summary>
/// The weather of every day of one replication, drawn before the first event: sea rating, wave
/// height and water temperature. Other mechanisms only read it.
/// </summary>
internal sealed class DailyWeather
{
    private readonly PolicyTimeline _timeline;
    private readonly DateOnly _startDate;
    private readonly WeatherSeries? _series;
    private readonly RandomStream _rng = new(0);
    private readonly SeaRating[] _rating;
    private readonly double[] _waveHeightM;
    private readonly double[] _waterTemperatureC;
    private readonly int[] _dayOfYear;

    /// <summary>Sizes the days and loads the replayed series, if any, once per model.</summary>
    public DailyWeather(PolicyTimeline timeline, DateOnly startDate, int days)
    {
        _timeline = timeline;
        _startDate = startDate;
        string seriesFile = timeline.Snapshots[0].Weather.SeriesFile;
        if (seriesFile.Length > 0) _series = WeatherSeries.Load(seriesFile);
        _rating = new SeaRating[days];
        _waveHeightM = new double[days];
        _waterTemperatureC = new double[days];
        _dayOfYear = new int[days];
        for (int d = 0; d < days; d++) _dayOfYear[d] = startDate.AddDays(d).DayOfYear;
    }

    public ReadOnlySpan<SeaRating> Ratings => _rating;
    public ReadOnlySpan<double> WaveHeightsM => _waveHeightM;

    public SeaRating Rating(int day) => _rating[day];
    public double WaveHeightM(int day) => _waveHeightM[day];
    public double WaterTemperatureC(int day) => _waterTemperatureC[day];
    public int DayOfYear(int day) => _dayOfYear[day];

    // Weather comes from its own stream and depends only on the weather parameters, so every
    // policy variant of a replication sees the same days.
    public void Generate(ulong replicationSeed)
    {
        _rng.Reseed(SeedDerivation.ForStream(replicationSeed, StreamId.Weather));
        SeaRating? yesterday = null;
        for (int d = 0; d < _rating.Length; d++)
        {
            WeatherParameters w = _timeline.On(d).Weather;
            SeaRating rating = WeatherGenerator.NextRating(w, _dayOfYear[d], yesterday, _rng);
            if (_series is not null && _series.TryGet(_startDate.AddDays(d), out SeaRating replayed)) rating = replayed;
            _rating[d] = rating;
            _waveHeightM[d] = WeatherGenerator.WaveHeightM(w, rating, _rng);
            _waterTemperatureC[d] = WeatherGenerator.WaterTemperatureC(w, _dayOfYear[d]);
            yesterday = rating;
        }
    }
}
