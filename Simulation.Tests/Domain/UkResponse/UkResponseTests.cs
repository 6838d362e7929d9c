using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.UkResponse;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.UkResponse;

public class UkResponseTests
{
    [Fact]
    public void OverCapacityLoadsNeedShuttles()
    {
        var bf = UkResponseParameters.From(TestParameters.With()).BorderForce;
        Assert.Equal(bf.TransferHours + bf.ReturnHours, bf.PickupToLandingHours(bf.CapacityPeople), 12);
        Assert.Equal(2 * bf.TransferHours + 3 * bf.ReturnHours, bf.PickupToLandingHours(bf.CapacityPeople + 1), 12);
    }

    [Fact]
    public void OneBorderForceVesselShiftsWorkToTheRnliAndLengthensWaits()
    {
        var baseline = Run(TestParameters.With(), 3);
        var scarce = Run(TestParameters.With(("uk.border_force.vessels", 1)), 3);
        Assert.True(Mean(scarce, Metric.UkResponsesRnli) > 2 * Mean(baseline, Metric.UkResponsesRnli));
        Assert.True(Mean(scarce, Metric.MeanWaitForRescueHours) > Mean(baseline, Metric.MeanWaitForRescueHours));
    }

    [Fact]
    public void WithNoUkVesselsBoatsLandThemselves()
    {
        var none = Run(TestParameters.Short(90, ("uk.border_force.vessels", 0), ("uk.rnli.lifeboats", 0)), 2);
        Assert.Equal(0, Sum(none, Metric.RescuedUk));
        Assert.Equal(Sum(none, Metric.BoatsArrived), Sum(none, Metric.BoatsSelfLanded));
        Assert.True(Sum(none, Metric.BoatsSelfLanded) > 0);
    }

    [Fact]
    public void WindspireInFrenchWatersReturnsMorePeople()
    {
        // At the 2024 default return probability (rare returns from UK waters), letting UK vessels
        // answer distress in French waters, where returns are sought far more often, must raise returns.
        var ukWatersOnly = Run(TestParameters.With(), 3);
        var frenchWaters = Run(TestParameters.With(("uk.windspire.operate_in_french_waters", true)), 3);
        var rule = Run(TestParameters.With(("uk.windspire.return_probability", 1.0)), 3);
        Assert.True(Mean(rule, Metric.ReturnedWindspire) > 1000);
        Assert.True(Mean(frenchWaters, Metric.ReturnedWindspire) > 2 * Mean(ukWatersOnly, Metric.ReturnedWindspire));
    }
}
