using Simulation.Cli.Commands.Bench;

namespace Simulation.Tests.Cli;

/// <summary>
/// The bench's speed-up: measured once at 1 thread, then once at all threads, it credited the
/// parallel run with the warm-up and read 2.18x on 2 cores. A fake clock-free "machine" makes the
/// schedule and the arithmetic checkable.
/// </summary>
public class BenchSpeedUpTests
{
    [Fact]
    public void WarmUpThenAlternatingPairsGiveTheMedianRatioNotTheColdStartOne()
    {
        var calls = new List<int>();
        // The machine does 100 replications/s on one thread and 180/s on two, but the first call of
        // the process runs cold at half speed; the fourth pair is disturbed by other work.
        (long, double) Measure(int threads, TimeSpan slice)
        {
            calls.Add(threads);
            double rate = threads == 1 ? 100 : 180;
            if (calls.Count == 1) rate /= 2;
            if (calls.Count == 9 && threads == 2) rate /= 3;
            return ((long)Math.Round(rate * slice.TotalSeconds), slice.TotalSeconds);
        }
        BenchHandler.SpeedUp result = BenchHandler.MeasureSpeedUp(Measure, 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), pairs: 5);
        Assert.Equal([2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2], calls);
        Assert.Equal(5, result.Ratios.Count);
        Assert.Equal(1.8, result.Median, 9);
        Assert.Equal(500, result.SingleReplications);
        Assert.Equal(5.0, result.SingleSeconds, 9);
    }
}
