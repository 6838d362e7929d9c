using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Tests.Experiments;

public class DailyOutputSeriesTests
{
    [Fact]
    public void CumulativeArrivalBandsAreQuantilesOfEachReplicationsRunningTotal()
    {
        using var temp = new TempDirectory();
        ExperimentResults results = TestScenarios.Run(TestScenarios.Request(temp.Path, replications: 9)).Results!;
        DailyBand[] bands = results.Daily[0][DailyOutputSeries.CumulativeArrivalsUkIndex];
        int days = bands.Length;
        var totals = new double[9];
        for (int d = 0; d < days; d++)
        {
            for (int r = 0; r < 9; r++) totals[r] += results.Store.DailyValue(0, r, (int)DailySeries.ArrivalsUk, d);
            double[] sorted = (double[])totals.Clone();
            Array.Sort(sorted);
            // With 9 values the R7 median is exactly the 5th smallest, p25 the 3rd and p75 the 7th.
            Assert.Equal(sorted[4], bands[d].Median);
            Assert.Equal(sorted[2], bands[d].P25);
            Assert.Equal(sorted[6], bands[d].P75);
        }
        // The last day's band is the band of replication totals, which differ between replications.
        Assert.True(bands[days - 1].P95 > bands[days - 1].P05);
    }

    [Fact]
    public void DailyCsvNamesTheDerivedSeriesAfterTheRecordedOnes()
    {
        Assert.Equal(MetricNames.Daily.Length + 2, DailyOutputSeries.Names.Length);
        Assert.Equal("cumulative_arrivals_uk", DailyOutputSeries.Names[DailyOutputSeries.CumulativeArrivalsUkIndex]);
        Assert.Equal("red_day_share", DailyOutputSeries.Names[DailyOutputSeries.RedDayShareIndex]);
    }
}
