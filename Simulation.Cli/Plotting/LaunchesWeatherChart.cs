using ScottPlot;
using Simulation.Cli.Reporting;

namespace Simulation.Cli.Plotting;

/// <summary>Daily launch attempts per variant (left axis) against the baseline's daily weather rating (right axis).</summary>
public static class LaunchesWeatherChart
{
    private static readonly Color[] RatingColors = [Color.FromHex("#4daf4a"), Color.FromHex("#ffb000"), Color.FromHex("#e41a1c")];
    private static readonly string[] RatingNames = ["green", "amber", "red"];

    /// <summary>Draws the chart, or returns null and adds a note when the series are missing.</summary>
    public static RenderedChart? Render(ResultsDirectory results, string directory, ICollection<string> notes)
    {
        var variants = results.VariantNames;
        string baseline = variants[0];
        var weather = results.DailySeries(baseline, "weather_rating");
        if (weather.Count == 0 || variants.Any(v => results.DailySeries(v, "launch_attempts").Count == 0))
        {
            notes.Add($"Launches-versus-weather chart not drawn: {ResultsReader.DailyFile} lacks 'launch_attempts' or 'weather_rating'.");
            return null;
        }
        const string title = "Daily launch attempts and the weather rating";
        var plt = ChartStyle.NewPlot(title, "Date", "Launch attempts per day (boats, median across replications)");
        bool dates = weather.All(r => r.Date.HasValue) &&
            variants.All(v => results.DailySeries(v, "launch_attempts").All(r => r.Date.HasValue));
        double X(DailyQuantiles r) => dates ? r.Date!.Value.ToDateTime(TimeOnly.MinValue).ToOADate() : r.Day;
        // Replacing the bottom axis resets every axis limit, so it must come before the limits below are set.
        if (dates)
        {
            ChartStyle.DateAxis(plt, weather.Select(r => r.Date!.Value));
        }
        else
        {
            plt.XLabel("Day of the run (day 0 = start date)", 16);
        }

        // Weather first so that the launch lines are drawn over it. Bars are offset by one so a green day stays visible.
        var bars = new List<Bar>();
        foreach (var r in weather)
        {
            int rating = Math.Clamp((int)Math.Round(r.Median, MidpointRounding.AwayFromZero), 0, 2);
            bars.Add(new Bar
            {
                Position = X(r), Value = rating + 1, Size = weather.Count > 60 ? 1.0 : 0.8,
                FillColor = RatingColors[rating].WithAlpha(0.35), LineWidth = 0,
            });
        }
        var weatherBars = plt.Add.Bars(bars);
        weatherBars.Axes.YAxis = plt.Axes.Right;
        var rightTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < 3; k++)
        {
            rightTicks.AddMajor(k + 1, RatingNames[k]);
        }
        plt.Axes.Right.TickGenerator = rightTicks;
        plt.Axes.Right.Label.Text = $"Weather rating ({baseline}, median across replications)";
        plt.Axes.Right.Label.FontSize = 16;
        plt.Axes.Right.Label.Bold = true;
        // Ratings occupy the lower 40% so that most of the launch lines stand clear of them.
        plt.Axes.SetLimitsY(0, 7.5, plt.Axes.Right);

        for (int i = 0; i < variants.Count; i++)
        {
            var rows = results.DailySeries(variants[i], "launch_attempts");
            double[] xs = rows.Select(X).ToArray();
            var c = ChartStyle.VariantColor(i);
            if (i == 0)
            {
                var band = plt.Add.FillY(xs, rows.Select(r => r.P25).ToArray(), rows.Select(r => r.P75).ToArray());
                band.FillColor = c.WithAlpha(0.2);
                band.LineWidth = 0;
                band.LegendText = $"{variants[i]} 25th-75th percentile";
            }
            var line = plt.Add.Scatter(xs, rows.Select(r => r.Median).ToArray(), c);
            // The baseline is drawn widest, so it still shows where a policy's median coincides with it.
            // Markers only while days are far enough apart to tell them apart.
            line.MarkerSize = xs.Length > 60 ? 0 : i == 0 ? 9 : 5;
            line.LineWidth = i == 0 ? (xs.Length > 60 ? 3 : 5) : 2;
            line.LegendText = $"{variants[i]} (median)";
        }
        double maxLaunch = variants.SelectMany(v => results.DailySeries(v, "launch_attempts")).Max(r => Math.Max(r.Median, r.P75));
        plt.Axes.SetLimitsY(0, Math.Max(1, maxLaunch * 1.1), plt.Axes.Left);
        // Half a day of margin each side: the first tick then falls inside the horizon, not on the day before it.
        double firstX = weather.Min(X), lastX = weather.Max(X);
        plt.Axes.SetLimitsX(firstX - 0.5, lastX + 0.5);
        ChartStyle.LegendBelow(plt);
        string caption = $"Lines: median daily launch attempts per variant across replications (band: baseline 25th-75th percentile). Shaded columns: the baseline's daily weather rating (median across replications; green = calm, red = crossing likely), right axis. Source: {ResultsReader.DailyFile}.";
        return ChartStyle.Save(plt, directory, "launches_weather", title, caption);
    }
}
