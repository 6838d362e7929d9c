using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// Per-replication outcomes of every variant: one row of <see cref="MetricNames.Count"/> totals per
/// (variant, replication), and the daily series of the first <see cref="DailyReplicationCap"/>
/// replications only. Memory is therefore linear in replications with a small constant
/// (28 doubles per variant) and never holds per-event data. Rows are written by worker threads at
/// distinct indices (no locks) and read after the workers have joined.
/// </summary>
public sealed class ReplicationStore
{
    private readonly int[] _days;
    private double[][] _totals;
    private readonly double[][] _daily;
    private bool[] _done;

    /// <summary>Creates an empty store for variants with the given horizons (days).</summary>
    public ReplicationStore(IReadOnlyList<int> daysByVariant, int dailyReplicationCap, long initialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dailyReplicationCap);
        _days = daysByVariant.ToArray();
        DailyReplicationCap = dailyReplicationCap;
        _totals = new double[_days.Length][];
        _daily = new double[_days.Length][];
        for (int v = 0; v < _days.Length; v++)
        {
            _totals[v] = [];
            _daily[v] = [];
        }
        _done = [];
        EnsureCapacity(initialCapacity);
    }

    /// <summary>Number of variants.</summary>
    public int VariantCount => _days.Length;

    /// <summary>Replications that fit without growing.</summary>
    public long Capacity => _done.Length;

    /// <summary>Daily series are kept for replications below this index only (quantile bands use them).</summary>
    public int DailyReplicationCap { get; }

    /// <summary>Days of a variant's horizon.</summary>
    public int Days(int variant) => _days[variant];

    /// <summary>Values per replication in a variant's daily block (series × days).</summary>
    public int DailyWidth(int variant) => MetricNames.Daily.Length * _days[variant];

    /// <summary>Grows storage to hold at least <paramref name="replications"/> rows (not thread-safe; call between batches).</summary>
    public void EnsureCapacity(long replications)
    {
        if (replications <= _done.Length) return;
        // Geometric growth keeps loading a checkpoint row by row linear overall.
        int capacity = checked((int)Math.Max(replications, Math.Min(int.MaxValue / MetricNames.Count, 2L * _done.Length)));
        Array.Resize(ref _done, capacity);
        for (int v = 0; v < _days.Length; v++)
        {
            Array.Resize(ref _totals[v], checked(capacity * MetricNames.Count));
            int dailyRows = Math.Min(capacity, DailyReplicationCap);
            if (dailyRows * DailyWidth(v) > _daily[v].Length)
            {
                double[] grown = new double[checked(dailyRows * DailyWidth(v))];
                _daily[v].CopyTo(grown, 0);
                _daily[v] = grown;
            }
        }
    }

    /// <summary>Copies one variant's result of replication <paramref name="replication"/> into the store.</summary>
    public void Put(int variant, long replication, ReplicationResult result)
    {
        result.Totals.AsSpan().CopyTo(TotalsSpan(variant, replication));
        if (replication < DailyReplicationCap)
        {
            Span<double> daily = DailySpan(variant, replication);
            int days = _days[variant];
            for (int s = 0; s < MetricNames.Daily.Length; s++)
            {
                result.Daily[s].AsSpan(0, days).CopyTo(daily.Slice(s * days, days));
            }
        }
    }

    /// <summary>Marks a replication complete for every variant.</summary>
    public void MarkDone(long replication) => _done[replication] = true;

    /// <summary>True when every variant of the replication is stored.</summary>
    public bool IsDone(long replication) => replication < _done.Length && _done[replication];

    /// <summary>Writable totals row (also used by checkpoint loading).</summary>
    public Span<double> TotalsSpan(int variant, long replication) =>
        _totals[variant].AsSpan(checked((int)replication * MetricNames.Count), MetricNames.Count);

    /// <summary>Writable daily block (series-major: series s, day d at s × days + d); only below the cap.</summary>
    public Span<double> DailySpan(int variant, long replication)
    {
        if (replication >= DailyReplicationCap) throw new ArgumentOutOfRangeException(nameof(replication), "Daily series are kept only below the cap.");
        int width = DailyWidth(variant);
        return _daily[variant].AsSpan(checked((int)replication * width), width);
    }

    /// <summary>One metric of one replication.</summary>
    public double Value(int variant, long replication, int metric) =>
        _totals[variant][(int)replication * MetricNames.Count + metric];

    /// <summary>One daily value (series, day) of one replication below the cap.</summary>
    public double DailyValue(int variant, long replication, int series, int day) =>
        _daily[variant][(int)replication * DailyWidth(variant) + series * _days[variant] + day];

    /// <summary>Length of the prefix 0..n-1 of complete replications, looking at the first <paramref name="limit"/>.</summary>
    public long CompletePrefix(long limit)
    {
        long n = Math.Min(limit, _done.Length);
        for (long r = 0; r < n; r++)
        {
            if (!_done[r]) return r;
        }
        return n;
    }
}
