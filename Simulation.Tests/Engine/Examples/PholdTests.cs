using Simulation.Core.Engine.Examples;

namespace Simulation.Tests.Engine.Examples;

public class PholdTests
{
    [Fact]
    public void PholdIsReproducibleAndSeedSensitive()
    {
        PholdResult a = Phold.Run(100, 500, seed: 42);
        Assert.Equal(a, Phold.Run(100, 500, seed: 42));
        Assert.NotEqual(a.Checksum, Phold.Run(100, 500, seed: 43).Checksum);
    }

    [Fact]
    public void PholdProcessesAboutOneEventPerProcessPerTimeUnit()
    {
        // With lookahead 0 each of the N event chains is a Poisson process of rate 1, so the count of
        // events before T is Poisson(N·T): 100 000 ± 316; five standard deviations allowed.
        PholdResult r = Phold.Run(100, 1000, seed: 42);
        Assert.InRange(r.Events, 100_000 - 5 * 316, 100_000 + 5 * 316);
        Assert.InRange(r.LastEventHours, 999.0, 1000.0);
    }
}
