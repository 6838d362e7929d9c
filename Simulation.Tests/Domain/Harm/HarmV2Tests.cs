using Simulation.Core.Domain;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Engine.Random;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Harm;

/// <summary>Harm that depends on what kills people: crowding, sea state, over-dispersed incidents, every death traced.</summary>
public class HarmV2Tests
{
    [Fact]
    public void CrowdingMultipliesRiskOnlyAboveTheCrowdingLevelAndExponentially()
    {
        var h = HarmParameters.From(TestParameters.With(("harm.crowding_level_people", 45), ("harm.crowding_rate_per_person", 0.1),
            ("harm.capsize_given_distress_probability", 0.01), ("harm.capsize_sea_state_rate_per_metre", 0.5)));
        Assert.Equal(1.0, h.CrowdingFactor(20));
        Assert.Equal(1.0, h.CrowdingFactor(45));
        Assert.Equal(Math.Exp(1.0), h.CrowdingFactor(55), 12);
        Assert.Equal(Math.Exp(2.0), h.CrowdingFactor(65), 12);
        // Capsize: base × crowding × exp(rate × wave); capped at 0.95.
        Assert.Equal(0.01 * Math.Exp(1.0) * Math.Exp(0.5 * 2.0), h.CapsizeProbability(55, 2.0), 12);
        Assert.Equal(0.95, h.CapsizeProbability(200, 3.0));
    }

    [Fact]
    public void TheMeanDrowningShareAndCrushDeathsRiseWithTheLoad()
    {
        var h = HarmParameters.From(TestParameters.With(("harm.crowding_level_people", 45), ("harm.drowning_probability_in_water", 0.05),
            ("harm.drowning_increase_per_10_people", 0.4), ("harm.crush_threshold_people", 60), ("harm.crush_deaths_per_incident_mean", 2.0)));
        Assert.Equal(0.05, h.DrowningShareMean(30), 12);
        Assert.Equal(0.05 * (1 + 0.4 * 2), h.DrowningShareMean(65), 12);
        Assert.Equal(2.0, h.CrushDeathsMean(50), 12);
        Assert.Equal(2.0 * 90 / 60, h.CrushDeathsMean(90), 12);
    }

    // Deaths per boat rose ~8× from 2022 to 2024 while loads rose from 41 to 53 a boat: the model's
    // deaths per launched person must rise far faster than the load (a linear hazard gave 1.4×).
    [Fact]
    public void DeathsPerPersonAttemptRiseSteeplyWithTheLoad()
    {
        double Rate(double loadMean)
        {
            var results = Run(TestParameters.With(("smuggling.load_mean_people", loadMean), ("french.beach.launch_death_probability_per_person", 0.0)), 12);
            return Sum(results, Metric.Deaths) / Sum(results, Metric.PersonAttempts);
        }
        double light = Rate(44), heavy = Rate(64);
        Assert.True(heavy > 3 * light, $"deaths per person-attempt {light:E3} at a mean planned load of 44, {heavy:E3} at 64: rose only {heavy / light:F2}×");
    }

    // One capsize's deaths are over-dispersed (a Beta share of those in the water), so a crowded year
    // has incidents of 10 or more deaths (3 Sep 2024: 12), and a light one rarely does.
    [Fact]
    public void CrowdedYearsHaveMassCasualtyIncidentsAndLightYearsRarely()
    {
        static double Share(List<ReplicationResult> rs) => rs.Count(r => r[Metric.LargestIncidentDeaths] >= Tallies.MassCasualtyDeaths) / (double)rs.Count;
        var heavy = Run(TestParameters.With(("smuggling.load_mean_people", 64.0)), 20);
        var light = Run(TestParameters.With(("smuggling.load_mean_people", 44.0)), 20);
        Assert.True(Share(heavy) >= 0.3, $"share of crowded years with an incident of 10+ deaths: {Share(heavy):F2}");
        Assert.True(Share(light) <= 0.3, $"share of light years with an incident of 10+ deaths: {Share(light):F2}");
        foreach (var r in heavy)
        {
            Assert.True(r[Metric.LargestIncidentDeaths] <= r[Metric.Deaths]);
            Assert.True(r[Metric.MassCasualtyIncidents] * Tallies.MassCasualtyDeaths <= r[Metric.Deaths]);
        }
        // With a very large concentration the drowning share is nearly fixed, so incidents of 10+ become rare.
        var tight = Run(TestParameters.With(("smuggling.load_mean_people", 64.0), ("harm.incident_severity_concentration", 1000.0)), 20);
        Assert.True(Sum(tight, Metric.MassCasualtyIncidents) < Sum(heavy, Metric.MassCasualtyIncidents),
            $"mass-casualty incidents: {Sum(tight, Metric.MassCasualtyIncidents)} with a fixed share, {Sum(heavy, Metric.MassCasualtyIncidents)} over-dispersed");
    }

    private sealed class DeathTrace : IEventTrace
    {
        public readonly Dictionary<string, long> ByCause = new(StringComparer.Ordinal);

        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName == "death") ByCause[outcome] = ByCause.GetValueOrDefault(outcome) + people;
        }
    }

    // Deaths at a beach launch and while boarding a taxi-boat used to have no trace event (833 of 1,022
    // deaths in nine traces): every death now is one "death" event with its cause.
    [Theory]
    [InlineData("none")]
    [InlineData("full")]
    public void EveryDeathIsTracedWithItsCause(string doctrine)
    {
        var parameters = TestParameters.With(("french.maritime.doctrine", doctrine), ("smuggling.taxi_boat_share_initial", 0.6));
        var model = new ChannelModel(parameters);
        for (int r = 0; r < 3; r++)
        {
            var trace = new DeathTrace();
            model.Trace = trace;
            var result = new ReplicationResult(model.Days);
            model.RunReplication(Seed, r, result);
            Assert.True(result[Metric.Deaths] > 0);
            Assert.Equal(result[Metric.DeathsDrowning], trace.ByCause.GetValueOrDefault("drowning"));
            Assert.Equal(result[Metric.DeathsHypothermia], trace.ByCause.GetValueOrDefault("hypothermia"));
            Assert.Equal(result[Metric.DeathsCrush], trace.ByCause.GetValueOrDefault("crush"));
            Assert.Equal(result[Metric.DeathsInterception], trace.ByCause.GetValueOrDefault("interception"));
        }
    }

    // A boat that refuses French help after a distress is escorted to the median line but is still at
    // sea: its hazard runs on. Before, refusing help made the rest of the crossing hazard-free.
    [Fact]
    public void BoatsThatRefuseFrenchHelpCanStillGetIntoDistressLater()
    {
        var parameters = TestParameters.Short(120, ("french.rescue.refuse_help_probability", 1.0),
            ("crossing.engine_failure_rate_per_hour", 0.3), ("uk.response.waiting_hazard_per_hour", 0.0));
        var model = new ChannelModel(parameters);
        var trace = new DistressTrace();
        model.Trace = trace;
        model.RunReplication(Seed, 0, new ReplicationResult(model.Days));
        Assert.True(trace.Refused > 20, $"{trace.Refused} refusals");
        Assert.True(trace.UkWatersDistress > 0, $"{trace.UkWatersDistress} distress events in UK waters of the {trace.Refused} boats that refused help");
    }

    private sealed class DistressTrace : IEventTrace
    {
        private readonly HashSet<string> _refused = new(StringComparer.Ordinal);
        public int Refused => _refused.Count;
        public int UkWatersDistress;

        // Counts distress in UK waters of boats that had refused French help, not of the others.
        public void Record(double timeHours, string entity, string eventName, int people, string outcome)
        {
            if (eventName == "refused_french_help") _refused.Add(entity);
            if (eventName == "distress" && outcome == "uk_waters" && _refused.Contains(entity)) UkWatersDistress++;
        }
    }

    [Fact]
    public void LoadsFollowATruncatedNormalWithTheYearsMeanAndSpread()
    {
        var s = SmugglingParameters.From(TestParameters.With(("smuggling.load_mean_people", 50.0), ("smuggling.load_cv", 0.2),
            ("smuggling.load_min_people", 15), ("smuggling.load_max_people", 125)));
        var rng = new RandomStream(SeedDerivation.ForStream(Seed, StreamId.Smuggling));
        const int n = 200_000;
        double sum = 0, sum2 = 0, sum3 = 0;
        int over70 = 0, over80 = 0;
        var draws = new int[n];
        for (int i = 0; i < n; i++)
        {
            int x = LoadDistribution.Sample(s, rng);
            draws[i] = x;
            sum += x;
            if (x > 70) over70++;
            if (x > 80) over80++;
        }
        double mean = sum / n;
        foreach (int x in draws) { double d = x - mean; sum2 += d * d; sum3 += d * d * d; }
        double sd = Math.Sqrt(sum2 / n), skew = sum3 / n / (sd * sd * sd);
        // sd 10 → SE of the mean 0.022; tolerance 5 SE. Rounding to whole people adds 1/12 to the variance.
        Assert.InRange(mean, 50 - 0.11, 50 + 0.11);
        Assert.InRange(sd, 10 * 0.99, 10 * 1.02);
        // A symmetric load distribution: a gamma with this mean and spread has skewness 0.4.
        Assert.InRange(skew, -0.05, 0.05);
        // Normal tail: P(X > 70.5) = 1 − Φ(2.05) = 0.0202, P(X > 80.5) = 1 − Φ(3.05) = 0.00114 (5 SE each).
        Assert.InRange(over70 / (double)n, 0.0202 - 5 * Math.Sqrt(0.0202 * 0.98 / n), 0.0202 + 5 * Math.Sqrt(0.0202 * 0.98 / n));
        Assert.InRange(over80 / (double)n, 0.00114 - 5 * Math.Sqrt(0.00114 / n), 0.00114 + 5 * Math.Sqrt(0.00114 / n));
    }

    [Fact]
    public void NetworksShortOfBoatsLoadMore()
    {
        var s = SmugglingParameters.From(TestParameters.With(("smuggling.load_mean_people", 50.0), ("smuggling.scarcity_load_increase", 0.2)));
        Assert.Equal(1.0, LoadDistribution.ScarcityMultiplier(s, 1000, 20));   // 20 boats needed, 20 in stock
        Assert.Equal(1.0 + 0.2 * 0.5, LoadDistribution.ScarcityMultiplier(s, 1000, 10), 12);
        Assert.Equal(1.2, LoadDistribution.ScarcityMultiplier(s, 1000, 0), 12);
        var scarce = Run(TestParameters.With(("smuggling.boat_stock_initial", 5), ("smuggling.supply_capacity_boats_per_day", 1.0)), 4);
        var scarceFlat = Run(TestParameters.With(("smuggling.boat_stock_initial", 5), ("smuggling.supply_capacity_boats_per_day", 1.0),
            ("smuggling.scarcity_load_increase", 0.0)), 4);
        Assert.True(Mean(scarce, Metric.PeoplePerBoat) > Mean(scarceFlat, Metric.PeoplePerBoat) + 2,
            $"people per boat {Mean(scarce, Metric.PeoplePerBoat):F1} with scarcity loading, {Mean(scarceFlat, Metric.PeoplePerBoat):F1} without");
    }
}
