using Xunit.Abstractions;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.UkResponse;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.UkResponse;

public class UkResponseTests(ITestOutputHelper output)
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
    public void EightBorderForceVesselsInsteadOfFiveMeanFewerBoatsWaitingAndNoLongerWaits()
    {
        // Common random numbers (same seed and replications): per replication the difference is the
        // three extra vessels'. Tolerances in standard errors of the paired mean difference.
        const int reps = 30;
        var five = Run(TestParameters.With(), reps);
        var eight = Run(TestParameters.With(("uk.border_force.vessels", 8)), reps);
        (double Mean, double Se) Diff(Metric m)
        {
            double[] d = new double[reps];
            for (int r = 0; r < reps; r++) d[r] = eight[r][m] - five[r][m];
            double mean = d.Average();
            double sd = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (reps - 1));
            return (mean, sd / Math.Sqrt(reps));
        }
        var waited = Diff(Metric.BoatsWaitedShare);
        var p90 = Diff(Metric.WaitP90Minutes);
        var deaths = Diff(Metric.Deaths);
        output.WriteLine($"8 vs 5 Border Force, {reps} paired replications: boats_waited_share {waited.Mean:F4} (se {waited.Se:F4}); " +
            $"wait_p90_minutes {Mean(five, Metric.WaitP90Minutes):F1} -> {Mean(eight, Metric.WaitP90Minutes):F1}, diff {p90.Mean:F2} (se {p90.Se:F2}); " +
            $"deaths {Mean(five, Metric.Deaths):F1} -> {Mean(eight, Metric.Deaths):F1}, diff {deaths.Mean:F2} (se {deaths.Se:F2})");
        Assert.True(waited.Mean < -3 * waited.Se, "more vessels must leave fewer boats finding none free");
        Assert.True(p90.Mean <= 2 * p90.Se, "more vessels must not lengthen the 90th-percentile wait");
        Assert.True(deaths.Mean <= 3 * deaths.Se, "more vessels must not raise deaths");
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
