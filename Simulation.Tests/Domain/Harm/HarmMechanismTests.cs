using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain.Harm;

/// <summary>
/// The harm model on its own, boat by boat with each boat's own substreams; expected values are worked
/// out here from the parameter values and the rules of MODEL.md (harm), not taken from the code.
/// </summary>
public class HarmMechanismTests
{
    [Fact]
    [Trait("Category", "Statistical")]
    public void ABeachLaunchCrushesEachPersonWithTheLaunchDeathProbability()
    {
        // 20,000 launches of 50 with p = 0.01: 10,000 deaths expected, SE √(10⁶ × 0.01 × 0.99) = 99.5; a 5%
        // error (500) is 5 SE away. Tolerance 4 SE.
        var world = new MechanismWorld(TestParameters.Short(5, ("french.beach.launch_death_probability_per_person", 0.01)));
        var (_, outcomes, harm) = world.Outcomes();
        for (int i = 0; i < 20_000; i++)
        {
            int k = world.AddBoat(i, 50);
            world.Ctx.Boats[k].Unsettled = 50;
            outcomes.PutToSea(50);
            harm.CrushAtLaunch(k);
        }
        var r = world.Tallied();
        double se = Math.Sqrt(1e6 * 0.01 * 0.99);
        Assert.InRange(r[Metric.DeathsCrush], 10_000 - 4 * se, 10_000 + 4 * se);
        Assert.Equal(r[Metric.DeathsCrush], r[Metric.Deaths]);
        Assert.Equal(1_000_000 - r[Metric.DeathsCrush], outcomes.PeopleAtSea);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void ACapsizeDrownsTheSeverityShareOfThoseInTheWaterAndColdTakesSomeOfTheRest()
    {
        // Load 40 (below the crowding level of 45, so no crowding factor), no sea-state effect: a boat in
        // distress capsizes with probability 0.2. Half of the people go into the water; the drowned share has
        // mean 0.3; of the rest, cold kills 1 − e^(−0.1 × coldness 1 × 2 h) = 0.181 (water at 10 °C).
        // Per capsize: drowned 40 × 0.5 × 0.3 = 6, cold 40 × 0.5 × 0.7 × 0.181 = 2.54.
        // 40,000 boats: capsize share SE 0.002 (5% error = 5 SE); death means use the sample's SE; tolerance 4 SE.
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.capsize_given_distress_probability", 0.2), ("harm.crowding_level_people", 45),
            ("harm.capsize_sea_state_rate_per_metre", 0.0), ("harm.share_in_water_given_capsize", 0.5), ("harm.drowning_probability_in_water", 0.3),
            ("harm.incident_severity_concentration", 6.0), ("harm.hypothermia_rate_per_hour", 0.1)));
        var (_, outcomes, harm) = world.Outcomes();
        const int boats = 40_000;
        int capsized = 0;
        double drownedSum = 0, drowned2 = 0, coldSum = 0, cold2 = 0;
        for (int i = 0; i < boats; i++)
        {
            int k = world.AddBoat(i, 40);
            world.Ctx.Boats[k].Unsettled = 40;
            outcomes.PutToSea(40);
            double drownedBefore = world.Tallied()[Metric.DeathsDrowning], coldBefore = world.Result[Metric.DeathsHypothermia];
            bool c = harm.InWaterHarm(k, 2.0, 10.0, 2);
            double drowned = world.Tallied()[Metric.DeathsDrowning] - drownedBefore, cold = world.Result[Metric.DeathsHypothermia] - coldBefore;
            if (!c)
            {
                Assert.Equal(0, drowned + cold);
                continue;
            }
            capsized++;
            drownedSum += drowned;
            drowned2 += drowned * drowned;
            coldSum += cold;
            cold2 += cold * cold;
            Assert.Equal(40 - drowned - cold, world.Ctx.Boats[k].Load);
        }
        double share = capsized / (double)boats, seShare = Math.Sqrt(0.2 * 0.8 / boats);
        Assert.InRange(share, 0.2 - 4 * seShare, 0.2 + 4 * seShare);
        static (double Mean, double Se) Moments(double sum, double sum2, int n) =>
            (sum / n, Math.Sqrt((sum2 / n - sum / n * (sum / n)) / n));
        var (drownMean, drownSe) = Moments(drownedSum, drowned2, capsized);
        var (coldMean, coldSe) = Moments(coldSum, cold2, capsized);
        Assert.InRange(drownMean, 6 - 4 * drownSe, 6 + 4 * drownSe);
        double coldExpected = 40 * 0.5 * 0.7 * (1 - Math.Exp(-0.2));
        Assert.InRange(coldMean, coldExpected - 4 * coldSe, coldExpected + 4 * coldSe);
        Assert.True(drownSe < 0.05 * 6 / 4 && coldSe < 0.05 * coldExpected / 4, $"SEs {drownSe:F3} {coldSe:F3} too wide to see a 5% error");
    }

    [Fact]
    public void WarmWaterKillsNobodyByColdAndNoCapsizeKillsNobody()
    {
        var world = new MechanismWorld(TestParameters.Short(5, ("harm.capsize_given_distress_probability", 0.5), ("harm.capsize_sea_state_rate_per_metre", 0.0),
            ("harm.hypothermia_rate_per_hour", 1.0)));
        var (_, outcomes, harm) = world.Outcomes();
        for (int i = 0; i < 2000; i++)
        {
            int k = world.AddBoat(i, 30);
            world.Ctx.Boats[k].Unsettled = 30;
            outcomes.PutToSea(30);
            harm.InWaterHarm(k, 5.0, 20.0, 2);   // coldness (20 − 20) / 10 = 0
        }
        Assert.Equal(0, world.Tallied()[Metric.DeathsHypothermia]);
        Assert.True(world.Result[Metric.DeathsDrowning] > 0);

        var calm = new MechanismWorld(TestParameters.Short(5, ("harm.capsize_given_distress_probability", 0.0), ("harm.capsize_sea_state_rate_per_metre", 0.0)));
        var (_, calmOutcomes, calmHarm) = calm.Outcomes();
        for (int i = 0; i < 2000; i++)
        {
            int k = calm.AddBoat(i, 80);
            calmOutcomes.PutToSea(80);
            Assert.False(calmHarm.InWaterHarm(k, 5.0, 5.0, 2));
        }
        Assert.Equal(0, calm.Tallied()[Metric.Deaths]);
    }
}
