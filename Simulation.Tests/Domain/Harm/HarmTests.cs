using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Harm;

public class HarmTests
{
    [Fact]
    public void ColdWaterKillsFasterAndWarmWaterNotAtAll()
    {
        var h = HarmParameters.From(TestParameters.With());
        Assert.Equal(0, h.HypothermiaProbability(3, 21));
        Assert.True(h.HypothermiaProbability(2, 8) > h.HypothermiaProbability(1, 8));
        Assert.True(h.HypothermiaProbability(1, 6) > h.HypothermiaProbability(1, 14));
    }

    [Fact]
    public void CrushRiskStartsAboveTheThreshold()
    {
        var h = HarmParameters.From(TestParameters.With());
        Assert.Equal(0, h.CrushIncidentProbability(h.CrushThresholdPeople));
        Assert.True(h.CrushIncidentProbability(h.CrushThresholdPeople + 30) > 0);
    }

    [Fact]
    public void EveryDeathIsCountedOnTheDayItHappened()
    {
        // The deaths total is written as the sum of the four causes, so comparing it with that sum
        // would prove nothing. The daily deaths series is counted separately, death by death, so
        // its sum is an independent count of the same people: a cause left out of the total (or a
        // death counted by cause but not as a death) shows up here.
        var results = Run(TestParameters.With(), 5);
        foreach (var r in results)
        {
            double daily = r.Daily[(int)DailySeries.Deaths].Sum();
            Assert.Equal(daily, r[Metric.Deaths]);
        }
        Assert.True(Sum(results, Metric.Deaths) > 0, "no deaths in 5 replications: the check compared zeros");
    }
}
