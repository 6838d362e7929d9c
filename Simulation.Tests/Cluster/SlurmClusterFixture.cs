namespace Simulation.Tests.Cluster;

/// <summary>
/// Starts the single-node cluster once for the Slurm tests, on first use (a test that skips never starts it),
/// and stops it after the last one, also when a test failed.
/// </summary>
public sealed class SlurmClusterFixture : IDisposable
{
    private readonly Lazy<(SingleNodeSlurm? Cluster, string Problem)> _cluster = new(() =>
    {
        try
        {
            return (SingleNodeSlurm.Start(), "");
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
    });

    /// <summary>True when CI runs the tests: a cluster that cannot be set up is then a failure, never a skip.</summary>
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci is not ("0" or "false" or "False") ||
        Environment.GetEnvironmentVariable("CHANNELSIM_REQUIRE_SLURM") == "1";

    /// <summary>The running cluster; skips the test outside CI when this machine cannot run one, fails otherwise.</summary>
    internal SingleNodeSlurm Cluster()
    {
        if (!SingleNodeSlurm.CanRun(out string why))
        {
            Skip.IfNot(InContinuousIntegration, "Slurm test skipped: " + why + ". (In CI, with CI=true, this is a failure.)");
            Assert.Fail("The Slurm test cannot run: " + why + ". Run the other tests with --filter \"Category!=Slurm\".");
        }
        var (cluster, problem) = _cluster.Value;
        Assert.True(cluster is not null, "The single-node Slurm cluster did not start: " + problem);
        return cluster!;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_cluster.IsValueCreated) _cluster.Value.Cluster?.Dispose();
    }
}
