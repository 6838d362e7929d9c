using System.Globalization;

namespace Simulation.Core.Experiments;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as written on the command line
/// "--shard k/n"). A shard owns the replications r with r % n == k - 1: interleaving keeps every
/// shard's work similar when replication cost drifts with r and lets one plan grow without reshuffling.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole run as one shard.</summary>
    public static ShardSpec Whole => new(1, 1);

    /// <summary>True when this is the only shard.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True when replication <paramref name="replication"/> belongs to this shard.</summary>
    public bool Owns(long replication) => replication % Count == Index - 1;

    /// <summary>Replications of this shard among the first <paramref name="replications"/>.</summary>
    public long CountOwned(long replications) =>
        replications <= Index - 1 ? 0 : (replications - Index) / Count + 1;

    /// <summary>"k/n".</summary>
    public override string ToString() => Index.ToString(CultureInfo.InvariantCulture) + "/" + Count.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "k/n" with 1 ≤ k ≤ n.</summary>
    public static bool TryParse(string? text, out ShardSpec shard, out string error)
    {
        shard = Whole;
        error = "";
        string[] parts = (text ?? "").Split('/');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            error = $"--shard must look like k/n, e.g. 2/4 (was '{text}')";
            return false;
        }
        if (n < 1 || k < 1 || k > n)
        {
            error = $"--shard k/n needs 1 <= k <= n (was '{text}')";
            return false;
        }
        shard = new ShardSpec(k, n);
        return true;
    }
}
