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
    public void AReferenceShareOfZeroMakesAnyPerceivedSuccessAttractAtTheCap()
    {
        // (perceived / 0)^e has no finite value: every perceived share, even 0, is at or above a reference of 0,
        // so the multiplier is the cap. A reference of 0.5 gives the formula's values below the cap.
        var zero = DeterrenceParameters.From(TestParameters.With(("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", 0.0),
            ("deterrence.max_multiplier", 3.0)));
        Assert.Equal(3.0, zero.Multiplier(0.0));
        Assert.Equal(3.0, zero.Multiplier(0.4));
        var half = DeterrenceParameters.From(TestParameters.With(("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", 0.5),
            ("deterrence.max_multiplier", 3.0)));
        Assert.Equal(0.0, half.Multiplier(0.0));
        Assert.Equal(0.8, half.Multiplier(0.4), 12);
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

public class PerceivedSuccessTests
{
    [Fact]
    public void AReturnAfterArrivalTakesBackTheSuccessAndCountsAFailure()
    {
        // Prior of 100 person-outcomes at the reference share r, memory m: day 1 adds 100 arrivals,
        // day 2 returns them. Successes s = 100 r k² + 100 k − 100, failures f = 100 (1 − r) k² + 100.
        const double r = 0.5, m = 30;
        var p = TestParameters.With(("deterrence.elasticity", 1.0), ("deterrence.reference_success_share", r), ("deterrence.memory_days", m));
        var model = new Simulation.Core.Domain.ChannelModel(p);
        var ctx = new Simulation.Core.Domain.ReplicationContext(new DateOnly(2024, 1, 1), 10, model.InitialParameters);
        var effect = new DeterrenceEffect(ctx);
        effect.Reset();
        effect.Success(100);
        effect.StartDay();
        effect.ReturnedAfterArrival(100);
        effect.StartDay();
        double k = Math.Exp(-1 / m);
        double s = 100 * r * k * k + 100 * k - 100, f = 100 * (1 - r) * k * k + 100;
        Assert.Equal(s / (s + f) / r, effect.Multiplier, 12);
    }
}
