using System.Globalization;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Tests.Experiments;

namespace Simulation.Tests.Domain.Crossing;

/// <summary>
/// A boat crosses on the sea of the night it left: a taxi-boat that finishes its pick-ups after
/// midnight keeps the launch night's wave height, not the next day's. Before the fix the crossing
/// hazard read the day the clock had reached.
/// </summary>
public class LaunchNightSeaStateTests
{
    private static double DistressPerLaunch(string seriesPath)
    {
        // Taxi-boats only, launched late (22:00-23:00) with a long run to the pick-ups, so almost every
        // crossing starts after midnight; launches only on red nights; the only hazard is the sea state.
        var p = TestParameters.Short(60,
            ("weather.series_file", seriesPath), ("weather.wave_height_cv", 0.0),
            ("weather.wave_height_red_m", 0.5), ("weather.wave_height_green_m", 3.0),
            ("smuggling.attempt_share_red", 0.7), ("smuggling.attempt_share_amber", 0.0), ("smuggling.attempt_share_green", 0.0),
            ("smuggling.taxi_boat_share_initial", 1.0), ("smuggling.taxi_boat_share_min", 1.0), ("smuggling.taxi_boat_share_max", 1.0),
            ("smuggling.launch_window_start_hour", 22.0), ("smuggling.launch_window_hours", 1.0),
            ("taxi_boat.travel_hours_mean", 6.0), ("taxi_boat.land_prevention_factor", 0.0),
            ("crossing.engine_failure_rate_per_hour", 0.0), ("crossing.deflation_rate_per_hour", 0.0),
            ("crossing.overload_hazard_per_person_per_hour", 0.0), ("crossing.sea_state_hazard_per_metre_per_hour", 0.2));
        var model = new ChannelModel(p);
        var trace = new DistressCount();
        model.Trace = trace;
        double launches = 0;
        for (int r = 0; r < 6; r++)
        {
            var result = new ReplicationResult(model.Days);
            model.RunReplication(ModelRunner.Seed, r, result);
            launches += result[Metric.LaunchAttempts];
        }
        Assert.True(launches > 100, $"{launches} launches");
        return trace.Distress / launches;
    }

    private sealed class DistressCount : IEventTrace
    {
        public int Distress;

        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName == "distress") Distress++;
        }
    }

    private static string Series(TempDirectory temp, string name, Func<int, string> rating)
    {
        string path = Path.Combine(temp.Path, name);
        var lines = new List<string> { "date,rating" };
        for (int d = 0; d < 61; d++)
            lines.Add(new DateOnly(2024, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "," + rating(d));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void ATaxiBoatCrossingAfterMidnightKeepsTheSeaOfItsLaunchNight()
    {
        using var temp = new TempDirectory();
        // Every night red, against red nights followed by rough green days: boats launch only on the
        // red nights in both, so with the launch night's sea their distress rates are the same.
        double allRed = DistressPerLaunch(Series(temp, "red.csv", _ => "red"));
        double redThenGreen = DistressPerLaunch(Series(temp, "alternate.csv", d => d % 2 == 0 ? "red" : "green"));
        Assert.True(allRed > 0.02, $"distress per launch {allRed:F3}: too few to compare");
        // With the next day's sea (3 m instead of 0.5 m) the hazard would be six times higher.
        Assert.InRange(redThenGreen / allRed, 0.75, 1.33);
    }
}
