using MathNet.Numerics.Distributions;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Domain.Smuggling;

/// <summary>Loads and launch slots: the truncated-normal load rule, and random numbers tied to the launch slot.</summary>
public class LaunchMechanismTests
{
    [Fact]
    [Trait("Category", "Statistical")]
    public void ATruncatedLoadSpreadsItsMassOverTheRangeInsteadOfPilingItAtTheLimits()
    {
        // Rule: planned loads are a normal (mean 50, sd 0.27 × 50 = 13.5) truncated to [40, 60] and rounded,
        // so P(load = v) = [Φ(v + ½) − Φ(v − ½)] / [Φ(60.5) − Φ(39.5)]. Clamping an untruncated normal instead
        // would put P(X > 59.5) = 0.24 on 60 alone instead of 0.045. 100,000 draws: SE of a share p is
        // √(p(1 − p) / n) ≤ 0.0016; tolerance 4 SE.
        var s = SmugglingParameters.From(TestParameters.With(("smuggling.load_mean_people", 50.0), ("smuggling.load_cv", 0.27),
            ("smuggling.load_min_people", 40), ("smuggling.load_max_people", 60)));
        const int n = 100_000;
        var counts = new int[61];
        var rng = new RandomStream(SeedDerivation.ForStream(ModelRunner.Seed, StreamId.Smuggling, 77));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            int load = LoadDistribution.Sample(s, rng);
            Assert.InRange(load, 40, 60);
            counts[load]++;
            sum += load;
        }
        var normal = new Normal(50, 13.5);
        double z = normal.CumulativeDistribution(60.5) - normal.CumulativeDistribution(39.5);
        double mean = 0, second = 0;
        foreach (int v in new[] { 40, 45, 50, 55, 60 })
        {
            double p = (normal.CumulativeDistribution(v + 0.5) - normal.CumulativeDistribution(v - 0.5)) / z;
            double se = Math.Sqrt(p * (1 - p) / n);
            Assert.True(Math.Abs(counts[v] / (double)n - p) < 4 * se, $"P(load = {v}) {counts[v] / (double)n:F4}, rule {p:F4} ± {4 * se:F4}");
        }
        for (int v = 40; v <= 60; v++)
        {
            double p = (normal.CumulativeDistribution(v + 0.5) - normal.CumulativeDistribution(v - 0.5)) / z;
            mean += v * p;
            second += v * (double)v * p;
        }
        double sd = Math.Sqrt(second - mean * mean);
        Assert.InRange(sum / n, mean - 4 * sd / Math.Sqrt(n), mean + 4 * sd / Math.Sqrt(n));
    }

    [Fact]
    public void TheIthLaunchOfADayDrawsTheSameNumbersWhateverHappenedOnEarlierDays()
    {
        // Two worlds that differ only in the people on the coast on day 0, so day 0 launches different
        // numbers of boats and the boats of day 1 get different serial numbers. Day 1's launch times are
        // drawn from each boat's launch-slot substream: the world with fewer launches on day 1 launches at
        // a subset of the other's times, to the last bit. Nobody dies, nobody is stopped, the networks do
        // not learn and loads do not depend on the stock, so only the slots' own draws decide the times.
        static List<double> DayOneLaunchHours(int onCoast)
        {
            var p = TestParameters.With(TestParameters.With(TestParameters.NoHazards), ("calendar.horizon_days", 2),
                ("calendar.start_date", new DateOnly(2024, 8, 1)), ("demand.initial_people_on_coast", onCoast),
                ("french.beach.officers_per_night", 0.0), ("french.maritime.doctrine", "none"),
                ("smuggling.launch_window_start_hour", 20.0), ("smuggling.launch_window_hours", 3.0),
                ("smuggling.adaptation_rate_per_day", 0.0), ("smuggling.scarcity_load_increase", 0.0),
                ("smuggling.boat_stock_initial", 5000), ("smuggling.attempt_share_green", 0.3), ("smuggling.attempt_share_amber", 0.3),
                ("smuggling.attempt_share_red", 0.3));
            var model = new ChannelModel(p);
            var trace = new LaunchTrace();
            model.Trace = trace;
            model.RunReplication(ModelRunner.Seed, 0, new ReplicationResult(model.Days));
            return trace.Hours.Where(h => h >= 24).ToList();
        }

        List<double> fewer = DayOneLaunchHours(3000), more = DayOneLaunchHours(6000);
        Assert.True(fewer.Count >= 5, $"{fewer.Count} launches on day 1");
        Assert.True(more.Count > fewer.Count, $"{more.Count} vs {fewer.Count} launches on day 1");
        var all = new HashSet<double>(more);
        foreach (double h in fewer) Assert.True(all.Contains(h), $"a day-1 launch at {h:R} h has no twin in the busier world");
    }

    private sealed class LaunchTrace : IEventTrace
    {
        public List<double> Hours { get; } = new();
        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName == "launch") Hours.Add(timeHours);
        }
    }
}
