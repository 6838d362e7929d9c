using System.Globalization;

namespace Simulation.Core.Domain.Weather;

/// <summary>
/// A replayed daily rating series (CSV with columns <c>date,rating</c>, rating green/amber/red),
/// loaded once when the model is built. Days the file does not cover fall back to the generator.
/// </summary>
public sealed class WeatherSeries
{
    private readonly Dictionary<DateOnly, SeaRating> _ratings;

    private WeatherSeries(Dictionary<DateOnly, SeaRating> ratings) => _ratings = ratings;

    /// <summary>Days in the file.</summary>
    public int Count => _ratings.Count;

    /// <summary>Rating on a date, if the file has it.</summary>
    public bool TryGet(DateOnly date, out SeaRating rating) => _ratings.TryGetValue(date, out rating);

    /// <summary>Reads a series file; throws <see cref="InvalidDataException"/> naming the file, line and value on bad input.</summary>
    public static WeatherSeries Load(string path)
    {
        if (!File.Exists(path))
            throw new InvalidDataException($"{path}: weather.series_file: file not found.");
        return Parse(File.ReadAllLines(path), path);
    }

    /// <summary>Parses the lines of a series file (the first line may be the header <c>date,rating</c>).</summary>
    public static WeatherSeries Parse(IReadOnlyList<string> lines, string source)
    {
        var ratings = new Dictionary<DateOnly, SeaRating>();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            string[] parts = line.Split(',');
            if (i == 0 && parts[0].Trim().Equals("date", StringComparison.OrdinalIgnoreCase)) continue;
            if (parts.Length < 2)
                throw new InvalidDataException($"{source}:{i + 1}: '{line}': expected two columns date,rating.");
            if (!DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
                throw new InvalidDataException($"{source}:{i + 1}: '{parts[0].Trim()}': date must be yyyy-MM-dd.");
            SeaRating rating = parts[1].Trim().ToLowerInvariant() switch
            {
                "green" => SeaRating.Green,
                "amber" => SeaRating.Amber,
                "red" => SeaRating.Red,
                _ => throw new InvalidDataException($"{source}:{i + 1}: '{parts[1].Trim()}': rating must be green, amber or red."),
            };
            if (!ratings.TryAdd(date, rating))
                throw new InvalidDataException($"{source}:{i + 1}: '{parts[0].Trim()}': date appears twice.");
        }
        return new WeatherSeries(ratings);
    }
}
