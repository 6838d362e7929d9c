using MathNet.Numerics.Distributions;
using Simulation.Core.Engine.Examples;

namespace Simulation.Tests.Engine.Examples;

/// <summary>
/// The engine and <see cref="Simulation.Core.Engine.Resource"/> reproduce queueing theory. Method: R
/// independent replications (seeds from SeedDerivation, each run starts empty), one estimate per
/// replication, and a 95% Student-t confidence interval across them; the theoretical value must lie inside.
/// The start-up bias from the empty start is far below the half-width (the relaxation time of these queues is
/// a few hundred customers, each replication serves 100k-150k). At a fixed seed the outcome is
/// deterministic; a correct model would miss a 95% interval for 1 seed in 20, so a failure after a change is
/// worth investigating, not re-seeding.
/// </summary>
[Trait("Category", "Statistical")]
public class QueueingTheoryTests
{
    private static (double Mean, double HalfWidth) ConfidenceInterval(double[] estimates)
    {
        int n = estimates.Length;
        double mean = 0;
        foreach (double e in estimates) mean += e;
        mean /= n;
        double ss = 0;
        foreach (double e in estimates) ss += (e - mean) * (e - mean);
        double sd = Math.Sqrt(ss / (n - 1));
        return (mean, StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n));
    }

    private static void AssertInside(double theory, (double Mean, double HalfWidth) ci, string what)
    {
        Assert.True(Math.Abs(ci.Mean - theory) <= ci.HalfWidth,
            $"{what}: theory {theory} outside {ci.Mean} ± {ci.HalfWidth}");
        // Guards against an interval so wide it would accept anything.
        Assert.True(ci.HalfWidth < 0.05 * theory, $"{what}: half-width {ci.HalfWidth} too wide to be a check");
    }

    [Fact]
    public void MM1MeanWaitAtNinetyPercentLoadMatchesTheory()
    {
        const double lambda = 0.9, mu = 1.0;
        const int replications = 20;
        var waits = new double[replications];
        var utilisation = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            MmcResult result = MmcQueue.Run(lambda, mu, servers: 1, customers: 150_000, seed: 2024, replication: r);
            waits[r] = result.MeanWaitHours;
            utilisation[r] = result.Utilisation;
        }
        AssertInside(lambda / (mu * (mu - lambda)), ConfidenceInterval(waits), "Wq");
        AssertInside(lambda / mu, ConfidenceInterval(utilisation), "utilisation");
    }

    [Fact]
    public void MMcWaitingProbabilityAndMeanWaitMatchErlangC()
    {
        const double lambda = 4.0, mu = 1.0;
        const int servers = 5, replications = 20;
        double a = lambda / mu, rho = a / servers;
        double term = 1, sum = 0;
        for (int k = 0; k < servers; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        double queued = term / (1 - rho);
        double erlangC = queued / (sum + queued);
        double wq = erlangC / (servers * mu - lambda);
        Assert.Equal(0.55411, erlangC, 4); // hand calculation: (1024/120/0.2) / (103/3 + 1024/24)

        var waitedFraction = new double[replications];
        var waits = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            MmcResult result = MmcQueue.Run(lambda, mu, servers, customers: 100_000, seed: 77, replication: r);
            waitedFraction[r] = result.WaitedFraction;
            waits[r] = result.MeanWaitHours;
        }
        AssertInside(erlangC, ConfidenceInterval(waitedFraction), "P(wait)");
        AssertInside(wq, ConfidenceInterval(waits), "Wq");
    }

    /// <summary>
    /// Utilisation is λ·E[S]/c exactly (work arriving per server), so it measures the mean service
    /// time directly. Sized so that a 1% error in the mean service time cannot pass: the standard
    /// error across replications must be below 0.2% of ρ (a 1% error is then at least 5 standard
    /// errors away), and the estimate must lie within 4 standard errors of ρ (a correct engine
    /// fails that with probability about 6e-5, or a little more with 29 degrees of freedom).
    /// </summary>
    [Fact]
    public void MMcUtilisationPinsTheMeanServiceTimeToWithinAFractionOfOnePercent()
    {
        const double lambda = 4.0, mu = 1.0;
        const int servers = 5, replications = 30;
        double rho = lambda / (servers * mu);
        var utilisation = new double[replications];
        for (int r = 0; r < replications; r++)
        {
            utilisation[r] = MmcQueue.Run(lambda, mu, servers, customers: 100_000, seed: 4242, replication: r).Utilisation;
        }
        double mean = utilisation.Average();
        double se = Math.Sqrt(utilisation.Sum(u => (u - mean) * (u - mean)) / (replications - 1) / replications);
        Assert.True(se < 0.002 * rho, $"standard error {se} is too large to see a 1% error in the mean service time");
        Assert.True(Math.Abs(mean - rho) <= 4 * se, $"utilisation {mean} vs ρ = {rho}: {(mean - rho) / se:F1} standard errors ({100 * (mean / rho - 1):F2}%)");
    }

    [Fact]
    public void MM1RunIsReproducibleAndCountsThreeEngineEventsPerWaitingCustomer()
    {
        MmcResult a = MmcQueue.Run(0.9, 1.0, 1, 10_000, seed: 5);
        MmcResult b = MmcQueue.Run(0.9, 1.0, 1, 10_000, seed: 5);
        Assert.Equal(a, b);
        // Arrival + departure per customer, plus one hand-over event per customer who waited.
        Assert.Equal(2L * 10_000 + (long)Math.Round(a.WaitedFraction * 10_000), a.EngineEvents);
    }
}
