using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Crossing;

public class CrossingTests
{
    [Fact]
    public void HigherHazardsSendMoreBoatsToFrenchRescue()
    {
        var calm = Run(TestParameters.Short(150, ("crossing.engine_failure_rate_per_hour", 0.005)), 4);
        var rough = Run(TestParameters.Short(150, ("crossing.engine_failure_rate_per_hour", 0.05)), 4);
        // Engine failure is one hazard among several (deflation, overload, sea state), so a tenfold
        // rise in it roughly doubles French rescues; 1.5x leaves room for sampling noise at 4 replications.
        Assert.True(Mean(rough, Metric.RescuedFr) > 1.5 * Mean(calm, Metric.RescuedFr));
    }

    [Fact]
    public void PeopleWhoRefuseFrenchHelpContinueToTheUk()
    {
        var accept = Run(TestParameters.Short(150, ("french.rescue.refuse_help_probability", 0.0)), 4);
        var refuse = Run(TestParameters.Short(150, ("french.rescue.refuse_help_probability", 1.0)), 4);
        // Refusing boats are only "rescued" when they capsize, so French rescues fall by far more than half.
        Assert.True(Mean(refuse, Metric.RescuedFr) < 0.3 * Mean(accept, Metric.RescuedFr));
        Assert.True(Mean(refuse, Metric.ArrivalsUk) > Mean(accept, Metric.ArrivalsUk));
    }

    [Fact]
    public void SlowerBoatsSpendLongerAtSeaAndNeedMoreRescues()
    {
        var fast = Run(TestParameters.Short(150, ("crossing.speed_knots_mean", 6.0)), 4);
        var slow = Run(TestParameters.Short(150, ("crossing.speed_knots_mean", 2.5)), 4);
        Assert.True(Mean(slow, Metric.RescuedFr) > Mean(fast, Metric.RescuedFr));
    }
}
