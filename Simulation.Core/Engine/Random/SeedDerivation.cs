namespace Simulation.Core.Engine.Random;

/// <summary>
/// Pure derivation of 64-bit seeds from (master seed, replication, stream, entity) with SplitMix64.
/// The result depends on nothing else (not the variant, the thread or the process), which is what
/// makes common random numbers and exact re-runs of one replication possible.
/// </summary>
public static class SeedDerivation
{
    /// <summary>The SplitMix64 finaliser: a bijection on 64-bit values with full avalanche.</summary>
    public static ulong Mix(ulong value)
    {
        ulong z = value + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Seed of one replication (written to output so a single replication can be re-run).</summary>
    public static ulong ForReplication(ulong masterSeed, long replication) => Mix(Mix(masterSeed) ^ (ulong)replication);

    /// <summary>Seed of one named stream of one replication, optionally for one entity (boat k, group k).</summary>
    public static ulong For(ulong masterSeed, long replication, StreamId stream, long entityIndex = 0) =>
        ForStream(ForReplication(masterSeed, replication), stream, entityIndex);

    /// <summary>Seed of a stream given an already derived replication seed.</summary>
    public static ulong ForStream(ulong replicationSeed, StreamId stream, long entityIndex = 0) =>
        Mix(Mix(replicationSeed ^ ((ulong)(uint)stream << 32)) ^ (ulong)entityIndex);
}
