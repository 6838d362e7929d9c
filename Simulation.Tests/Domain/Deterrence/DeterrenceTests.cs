using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Deterrence;

public class DeterrenceTests
{
    [Fact]
    public void ZeroElasticityNeverChangesBehaviour()
    {
        var d = DeterrenceParameters.From(TestParameters.With());
        Assert.Equal(1, d.Multiplier(0.0));
        Assert.Equal(1, d.Multiplier(0.9));
    }

    [Fact]
    public void PositiveElasticityDetersWhenSuccessFallsBelowTheReference()
    {
        var d = DeterrenceParameters.From(TestParameters.With(("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", 0.5)));
        Assert.Equal(0.5, d.Multiplier(0.25), 12);
        Assert.Equal(2, d.Multiplier(1.0), 12);
    }

    [Fact]
    public void PerceptionForgetsOldOutcomes()
    {
        var p = new Perception(0.5, 100);
        for (int i = 0; i < 200; i++) p.AddDay(0, 10, 10);
        Assert.True(p.Share < 0.01);
    }

    [Fact]
    public void WithDeterrenceRemovalsCutNewArrivalsOnTheCoast()
    {
        var removals = TestParameters.With(("returns.removals.enabled", true), ("returns.removals.share_of_arrivals_probability", 0.5),
            ("returns.return_delay_days", 7.0));
        var without = Run(removals, 5);
        var with = Run(TestParameters.With(removals, ("deterrence.elasticity", 1.5)), 5);
        Assert.True(Mean(with, Metric.PeopleNewOnCoast) < 0.95 * Mean(without, Metric.PeopleNewOnCoast));
    }
}
