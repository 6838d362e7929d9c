using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Demand;

public class DemandTests
{
    [Fact]
    public void ArrivalRateIsSeasonalAroundItsMean()
    {
        var d = DemandParameters.From(TestParameters.With());
        Assert.True(d.RatePerDay(d.PeakDayOfYear) > d.RatePerDay((d.PeakDayOfYear + 182) % 365 + 1) * 2);
        double sum = 0;
        for (int doy = 1; doy <= 365; doy++) sum += d.RatePerDay(doy);
        Assert.InRange(sum / 365, 0.99 * d.NewArrivalsRatePerDay, 1.01 * d.NewArrivalsRatePerDay);
    }

    [Fact]
    public void HigherGiveUpProbabilityMeansFewerArrivalsAndMoreGivingUp()
    {
        var low = Run(TestParameters.With(("demand.give_up_probability", 0.02)), 5);
        var high = Run(TestParameters.With(("demand.give_up_probability", 0.4)), 5);
        Assert.True(Mean(high, Metric.GaveUp) > 3 * Mean(low, Metric.GaveUp));
        Assert.True(Mean(high, Metric.ArrivalsUk) < Mean(low, Metric.ArrivalsUk));
    }
}
