using MathNet.Numerics.Distributions;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Harm;

/// <summary>
/// The two harm rules no capsize reaches: a crush incident aboard an overloaded boat as it sets off, and
/// the deaths of a group boarding a taxi-boat from the water. Expected values come from MODEL.md (harm)
/// and the parameter values set here; draws are checked against MathNet's distributions.
/// </summary>
public class HarmIncidentTests
{
    // Threshold 60, probability 0.01 per person above it: at load 80 an incident has probability 0.2 before
    // crowding. A crowding level of 300 switches the crowding factor off; level 70 at rate 0.05 makes it
    // e^(0.05 × 10) = 1.6487; 0.1 per person gives 2.0, capped at 0.9.
    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(0.01, 300, 0.05, 0.2)]
    [InlineData(0.01, 70, 0.05, 0.32974425414002564)]
    [InlineData(0.1, 300, 0.05, 0.9)]
    public void ACrushIncidentAboardHappensWithTheProbabilityPerPersonAboveTheThresholdTimesCrowding(
        double perExtraPerson, int crowdingLevel, double crowdingRate, double expected)
    {
        // 20,000 boats: SE √(p(1 − p) / n) ≤ 0.0035; a 5% error in p is at least 2.9 SE at p = 0.2 and 5.7 SE at
        // p = 0.9. Tolerance 4 SE. (The 0.2 case is the one the mean-deaths test below checks at 40,000 boats.)
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.crush_threshold_people", 60),
            ("harm.crush_incident_probability_per_extra_person", perExtraPerson), ("harm.crowding_level_people", crowdingLevel),
            ("harm.crowding_rate_per_person", crowdingRate)));
        var (_, outcomes, harm) = world.Outcomes();
        const int boats = 20_000;
        int incidents = 0;
        for (int i = 0; i < boats; i++)
        {
            int k = world.AddBoat(i, 80);
            world.Ctx.Boats[k].Unsettled = 80;
            outcomes.PutToSea(80);
            harm.CrushAboard(k);
            if (world.Ctx.Boats[k].Load < 80) incidents++;
        }
        double se = Math.Sqrt(expected * (1 - expected) / boats);
        Assert.InRange(incidents / (double)boats, expected - 4 * se, expected + 4 * se);
    }

    [Fact]
    public void NoCrushIncidentAtOrBelowTheThresholdLoad()
    {
        // At the threshold the number of people above it is 0, so the probability is 0 whatever the crowding.
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.crush_threshold_people", 60),
            ("harm.crush_incident_probability_per_extra_person", 1.0), ("harm.crowding_level_people", 10)));
        var (_, outcomes, harm) = world.Outcomes();
        for (int i = 0; i < 5000; i++)
        {
            int load = 1 + i % 60;
            int k = world.AddBoat(i, load);
            world.Ctx.Boats[k].Unsettled = load;
            outcomes.PutToSea(load);
            harm.CrushAboard(k);
            Assert.Equal(load, world.Ctx.Boats[k].Load);
        }
        Assert.Equal(0, world.Tallied()[Metric.Deaths]);
        Assert.Equal(0, world.Result[Metric.LargestIncidentDeaths]);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void ACrushIncidentKillsOnePlusANegativeBinomialWhoseMeanGrowsWithTheLoad()
    {
        // Load 80, threshold 60, mean 2 at the threshold: mean deaths 2 × 80 / 60 = 2.667, so the deaths beyond
        // the first are negative binomial with mean m = 1.667 and shape r = 0.5: variance m + m²/r = 7.222,
        // P(only one dies) = (r / (r + m))^r = 0.4804. About 8,000 incidents: SE of the mean √(7.222 / 8000) =
        // 0.030 (a 5% error, 0.133, is 4.4 SE); SE of P(one) 0.0056 (5%: 4.3 SE); the variance is checked
        // against its own sample SE. Tolerance 4 SE for each.
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.crush_threshold_people", 60),
            ("harm.crush_incident_probability_per_extra_person", 0.01), ("harm.crowding_level_people", 300),
            ("harm.crush_deaths_per_incident_mean", 2.0), ("harm.crush_deaths_dispersion_shape", 0.5)));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        var (_, outcomes, harm) = world.Outcomes();
        const int boats = 40_000;
        var deaths = new List<double>();
        long total = 0, largest = 0, massCasualty = 0;
        for (int i = 0; i < boats; i++)
        {
            int k = world.AddBoat(i, 80);
            world.Ctx.Boats[k].Unsettled = 80;
            outcomes.PutToSea(80);
            trace.Rows.Clear();   // keeps ForBoat's scan to this boat's rows
            harm.CrushAboard(k);
            int died = 80 - world.Ctx.Boats[k].Load;
            var events = trace.ForBoat(k);
            if (died == 0)
            {
                Assert.Empty(events);
                continue;
            }
            deaths.Add(died);
            total += died;
            largest = Math.Max(largest, died);
            if (died >= 10) massCasualty++;
            Assert.Equal([("crush_incident", died, "deaths_crush"), ("death", died, "crush")], events);
        }
        double m = 2.0 * 80 / 60 - 1, r = 0.5;
        double mean = 0, one = 0;
        foreach (double d in deaths) { mean += d; if (d == 1) one++; }
        int n = deaths.Count;
        mean /= n;
        one /= n;
        double m2 = 0, m4 = 0;
        foreach (double d in deaths) { double e = d - mean; m2 += e * e; m4 += e * e * e * e; }
        double variance = m2 / (n - 1), varianceSe = Math.Sqrt((m4 / n - (m2 / n) * (m2 / n)) / n);
        double expectedVariance = m + m * m / r;
        Assert.InRange(mean, 1 + m - 4 * Math.Sqrt(expectedVariance / n), 1 + m + 4 * Math.Sqrt(expectedVariance / n));
        double pOne = NegativeBinomial.PMF(r, r / (r + m), 0);
        Assert.InRange(one, pOne - 4 * Math.Sqrt(pOne * (1 - pOne) / n), pOne + 4 * Math.Sqrt(pOne * (1 - pOne) / n));
        Assert.InRange(variance, expectedVariance - 4 * varianceSe, expectedVariance + 4 * varianceSe);

        var result = world.Tallied();
        Assert.Equal(total, result[Metric.DeathsCrush]);
        Assert.Equal(total, result[Metric.Deaths]);
        Assert.Equal(largest, result[Metric.LargestIncidentDeaths]);
        Assert.Equal(massCasualty, result[Metric.MassCasualtyIncidents]);
        Assert.True(massCasualty > 0, "an over-dispersed incident size should reach 10 deaths in 8,000 incidents");
        Assert.Equal(80L * boats - total, outcomes.PeopleAtSea);
    }

    [Fact]
    public void ACrushIncidentNeverKillsMoreThanAreAboard()
    {
        // Mean 50 deaths at the threshold on a boat of 62 (2 above a threshold of 60): 1 + NB(mean 50.7) is
        // above 62 often enough, and then everyone aboard dies and no more.
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.crush_threshold_people", 60),
            ("harm.crush_incident_probability_per_extra_person", 0.45), ("harm.crowding_level_people", 300),
            ("harm.crush_deaths_per_incident_mean", 50.0), ("harm.crush_deaths_dispersion_shape", 1.0)));
        var (_, outcomes, harm) = world.Outcomes();
        int wholeBoat = 0;
        for (int i = 0; i < 2000; i++)
        {
            int k = world.AddBoat(i, 62);
            world.Ctx.Boats[k].Unsettled = 62;
            outcomes.PutToSea(62);
            harm.CrushAboard(k);
            Assert.InRange(world.Ctx.Boats[k].Load, 0, 62);
            if (world.Ctx.Boats[k].Load == 0) wholeBoat++;
        }
        // P(1 + NB ≥ 62) with mean 49.67, shape 1 (geometric): (m / (1 + m))^61 = 0.29; × incident probability 0.9.
        Assert.InRange(wholeBoat, 2000 * 0.9 * 0.29 * 0.8, 2000 * 0.9 * 0.29 * 1.2);
    }

    // The smallest x with F(x) ≥ u for Binomial(n, p): the inversion the harm model's single-uniform draw does.
    private static int Inverse(double u, int n, double p)
    {
        if (p <= 0) return 0;
        if (p >= 1) return n;
        int x = 0;
        while (x < n && Binomial.CDF(p, n, x) < u) x++;
        return x;
    }

    [Theory]
    [InlineData(30, 40, 1.5, 10.0, 0.1, 0.5)]
    [InlineData(30, 40, 1.5, 10.0, 0.9, 0.97)]
    [InlineData(30, 60, 1.5, 10.0, 0.5, 0.5)]
    [InlineData(25, 70, 3.0, 5.0, 0.95, 0.99)]
    [InlineData(20, 90, 0.5, 20.0, 0.99, 0.999)]
    public void AGroupBoardingFromTheWaterLosesPeopleToColdThenToDrowningInTheCrowd(
        int group, int plannedLoad, double waitHours, double waterC, double uCold, double uDrown)
    {
        // Cold: Binomial(group, 1 − e^(−0.2 × coldness × wait)), coldness (20 − T) / 10. Drowning among the rest:
        // Binomial(group − cold, min(1, 0.05 × e^(0.09 × max(0, planned − 45)))). Each drawn from its uniform by
        // inversion, so the counts are exact.
        var world = new MechanismWorld(TestParameters.Short(5, ("taxi_boat.hypothermia_rate_per_hour", 0.2),
            ("taxi_boat.boarding_drowning_probability_per_person", 0.05), ("harm.crowding_level_people", 45),
            ("harm.crowding_rate_per_person", 0.09)));
        var trace = new RecordingTrace();
        world.Ctx.AttachTrace(trace);
        var (_, outcomes, harm) = world.Outcomes();
        int k = world.AddBoat(1, plannedLoad);
        world.Ctx.Boats[k].Unsettled = plannedLoad;
        outcomes.PutToSea(plannedLoad);

        int aboard = harm.BoardingDeaths(k, group, plannedLoad, waitHours, waterC, uCold, uDrown);

        double coldP = 1 - Math.Exp(-0.2 * Math.Max(0, (20 - waterC) / 10) * waitHours);
        int cold = Inverse(uCold, group, coldP);
        int drowned = Inverse(uDrown, group - cold, Math.Min(1, 0.05 * Math.Exp(0.09 * Math.Max(0, plannedLoad - 45))));
        Assert.Equal(group - cold - drowned, aboard);
        var r = world.Tallied();
        Assert.Equal(cold, r[Metric.DeathsHypothermia]);
        Assert.Equal(drowned, r[Metric.DeathsDrowning]);
        Assert.Equal(cold + drowned, r[Metric.LargestIncidentDeaths]);
        Assert.Equal(plannedLoad - cold - drowned, world.Ctx.Boats[k].Load);
        Assert.Equal(plannedLoad - cold - drowned, outcomes.PeopleAtSea);
        var expectedEvents = new List<(string, int, string)>();
        if (cold > 0) expectedEvents.Add(("death", cold, "hypothermia"));
        if (drowned > 0) expectedEvents.Add(("death", drowned, "drowning"));
        Assert.Equal(expectedEvents, trace.ForBoat(k));
    }
}
