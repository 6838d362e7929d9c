using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Domain.Weather;

public class WeatherTests
{
    private static WeatherParameters Params(double persistence, double amplitude = 0) =>
        WeatherParameters.From(TestParameters.With(("weather.persistence_probability", persistence), ("weather.seasonal_amplitude", amplitude)));

    [Fact]
    public void GeneratorReproducesTheRedShareAndPersistenceMakesSpellsLonger()
    {
        // 20 years of days: the standard error of a share near 0.29 with persistence 0.55 is about 0.01, so ±0.03 is safe.
        var rng = new RandomStream(1);
        var w = Params(0.55);
        int red = 0, same = 0, n = 7300;
        SeaRating? y = null;
        for (int d = 0; d < n; d++)
        {
            var r = WeatherGenerator.NextRating(w, d % 365 + 1, y, rng);
            if (r == SeaRating.Red) red++;
            if (y == r) same++;
            y = r;
        }
        Assert.InRange(red / (double)n, 0.26, 0.32);
        // Without persistence, P(same) = Σπ² ≈ 0.38; with 0.55 it is 0.55 + 0.45·0.38 ≈ 0.72.
        Assert.InRange(same / (double)n, 0.68, 0.76);
    }

    [Fact]
    public void SeasonalityPutsMoreRedDaysInLateSummerThanInWinter()
    {
        var w = Params(0, 0.35);
        Assert.True(WeatherGenerator.RedShare(w, w.PeakDayOfYear) > 1.3 * WeatherGenerator.RedShare(w, (w.PeakDayOfYear + 182) % 365));
    }

    [Fact]
    public void SeriesFileIsParsedAndBadRowsNameLineAndValue()
    {
        var s = WeatherSeries.Parse(["date,rating", "2024-01-01,red", "2024-01-02,Green"], "w.csv");
        Assert.True(s.TryGet(new DateOnly(2024, 1, 1), out var r1));
        Assert.Equal(SeaRating.Red, r1);
        Assert.True(s.TryGet(new DateOnly(2024, 1, 2), out var r2));
        Assert.Equal(SeaRating.Green, r2);
        // Blank lines and comment lines are skipped, and line numbers still count them.
        var commented = WeatherSeries.Parse(["date,rating", "# from the Met Office record", "", "2024-01-03,amber"], "w.csv");
        Assert.True(commented.TryGet(new DateOnly(2024, 1, 3), out var r3));
        Assert.Equal(SeaRating.Amber, r3);
        var late = Assert.Throws<InvalidDataException>(() => WeatherSeries.Parse(["date,rating", "# note", "", "2024-01-01,purple"], "w.csv"));
        Assert.Contains("w.csv:4", late.Message);
        var ex = Assert.Throws<InvalidDataException>(() => WeatherSeries.Parse(["date,rating", "2024-01-01,purple"], "w.csv"));
        Assert.Contains("w.csv:2", ex.Message);
        Assert.Contains("purple", ex.Message);
    }

    [Theory]
    [InlineData("2024-01-05", "w.csv:3: '2024-01-05': expected two columns date,rating.")]
    [InlineData("05/01/2024,red", "w.csv:3: '05/01/2024': date must be yyyy-MM-dd.")]
    [InlineData("2024-01-01,amber", "w.csv:3: '2024-01-01': date appears twice.")]
    [InlineData("date,rating", "w.csv:3: 'date': date must be yyyy-MM-dd.")]   // a header is allowed on the first line only
    public void ABadRowIsRefusedWithItsLineAndValue(string row, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => WeatherSeries.Parse(["date,rating", "2024-01-01,red", row], "w.csv"));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void AMissingSeriesFileIsNamed()
    {
        string path = Path.Combine(Path.GetTempPath(), "channelsim-no-such-series-" + Guid.NewGuid().ToString("N") + ".csv");
        var ex = Assert.Throws<InvalidDataException>(() => WeatherSeries.Load(path));
        Assert.Equal($"{path}: weather.series_file: file not found.", ex.Message);
    }

    [Fact]
    public void ReplayedSeriesDecidesTheDailyRatings()
    {
        string path = Path.Combine(Path.GetTempPath(), "channelsim-weather-" + Guid.NewGuid().ToString("N") + ".csv");
        var lines = new List<string> { "date,rating" };
        for (int d = 0; d < 10; d++) lines.Add(new DateOnly(2024, 1, 1).AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (d % 2 == 0 ? ",red" : ",green"));
        File.WriteAllLines(path, lines);
        try
        {
            var model = new Simulation.Core.Domain.ChannelModel(TestParameters.Short(10, ("weather.series_file", path)));
            var r = new Simulation.Core.Domain.Metrics.ReplicationResult(10);
            model.RunReplication(1, 0, r);
            Assert.Equal(5, r[Simulation.Core.Domain.Metrics.Metric.RedDays]);
            Assert.Equal(SeaRating.Green, model.WeatherRatings[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
