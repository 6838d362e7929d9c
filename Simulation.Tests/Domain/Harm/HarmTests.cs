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
    public void EveryDeathHasACause()
    {
        foreach (var r in Run(TestParameters.With(), 5))
            Assert.Equal(r[Metric.Deaths], r[Metric.DeathsDrowning] + r[Metric.DeathsHypothermia] + r[Metric.DeathsCrush] + r[Metric.DeathsInterception]);
    }
}
