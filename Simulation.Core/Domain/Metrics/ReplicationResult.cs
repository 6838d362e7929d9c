namespace Simulation.Core.Domain.Metrics;

/// <summary>
/// Outcomes of one replication: totals indexed by <see cref="Metric"/> and daily series indexed
/// by <see cref="DailySeries"/> then day. Owned by the caller, so a runner can reuse one per thread.
/// </summary>
public sealed class ReplicationResult
{
    /// <summary>Creates storage for a run of <paramref name="days"/> days.</summary>
    public ReplicationResult(int days)
    {
        Days = days;
        Totals = new double[MetricNames.Count];
        Daily = new double[MetricNames.Daily.Length][];
        for (int i = 0; i < Daily.Length; i++) Daily[i] = new double[days];
    }

    /// <summary>Days in the horizon.</summary>
    public int Days { get; }
    /// <summary>Totals by <see cref="Metric"/>.</summary>
    public double[] Totals { get; }
    /// <summary>Daily values by <see cref="DailySeries"/>, then day index.</summary>
    public double[][] Daily { get; }
    /// <summary>Events the simulator processed in this replication.</summary>
    public long EventsProcessed { get; set; }

    /// <summary>Value of one metric.</summary>
    public double this[Metric metric]
    {
        get => Totals[(int)metric];
        set => Totals[(int)metric] = value;
    }

    /// <summary>Zeroes every value for reuse.</summary>
    public void Clear()
    {
        Array.Clear(Totals);
        foreach (double[] series in Daily) Array.Clear(series);
        EventsProcessed = 0;
    }
}
