using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Engine.Random;

public class SeedDerivationTests
{
    // Expected values were computed once by an independent big-integer implementation of the same
    // SplitMix64 derivation. They must never change: every stored replication seed depends on them.
    [Fact]
    public void MixOfZeroIsTheFirstSplitMix64Output()
    {
        Assert.Equal(16294208416658607535UL, SeedDerivation.Mix(0));
    }

    [Fact]
    public void DerivedSeedsArePinnedToTheirCommittedValues()
    {
        Assert.Equal(6332618229526065668UL, SeedDerivation.ForReplication(42, 0));
        Assert.Equal(17532488217563185893UL, SeedDerivation.ForReplication(42, 1));
        Assert.Equal(1323127602563007055UL, SeedDerivation.For(42, 0, StreamId.Weather));
        Assert.Equal(726584877978215936UL, SeedDerivation.For(42, 3, StreamId.Crossing, 17));
        Assert.Equal(6434976646326048245UL, SeedDerivation.For(0, 0, StreamId.Demand));
    }

    [Fact]
    public void ForEqualsForStreamOfTheReplicationSeed()
    {
        ulong replicationSeed = SeedDerivation.ForReplication(99, 7);
        Assert.Equal(SeedDerivation.For(99, 7, StreamId.Harm, 5), SeedDerivation.ForStream(replicationSeed, StreamId.Harm, 5));
    }

    [Fact]
    public void DifferentStreamsReplicationsEntitiesAndMasterSeedsGiveDifferentSeeds()
    {
        var seen = new HashSet<ulong>();
        int count = 0;
        foreach (ulong master in new ulong[] { 0, 1, 42 })
            for (long replication = 0; replication < 20; replication++)
                foreach (StreamId stream in Enum.GetValues<StreamId>())
                    for (long entity = 0; entity < 20; entity++)
                    {
                        seen.Add(SeedDerivation.For(master, replication, stream, entity));
                        count++;
                    }
        Assert.Equal(count, seen.Count);
    }

    [Fact]
    public void MixIsTheSplitMix64Output()
    {
        // The published SplitMix64 sequence from state 0 (Steele, Lea and Flood 2014; Vigna's
        // reference C code): output k is the finaliser applied to k times the golden gamma.
        const ulong golden = 0x9E3779B97F4A7C15UL;
        Assert.Equal(0xE220A8397B1DCDAFUL, SeedDerivation.Mix(0));
        Assert.Equal(0x6E789E6AA1B965F4UL, SeedDerivation.Mix(golden));
        Assert.Equal(0x06C45D188009454FUL, SeedDerivation.Mix(unchecked(2 * golden)));
        Assert.Equal(0xF88BB8A8724C81ECUL, SeedDerivation.Mix(unchecked(3 * golden)));
    }

    [Fact]
    public void DerivationMatchesAnIndependentBigIntegerImplementationOnRandomInputs()
    {
        // The documented derivation, written again with arbitrary-precision arithmetic reduced
        // modulo 2^64 (no reliance on ulong wrap-around), on 2,000 random inputs.
        var rng = new System.Random(2024);
        StreamId[] streams = Enum.GetValues<StreamId>();
        for (int i = 0; i < 2000; i++)
        {
            ulong master = (ulong)rng.NextInt64() ^ ((ulong)rng.Next(2) << 63);
            long replication = rng.Next(0, 10_000_000);
            StreamId stream = streams[rng.Next(streams.Length)];
            long entity = rng.Next(0, 1_000_000);
            ulong expected = ReferenceDerivation.For(master, replication, stream, entity);
            Assert.True(expected == SeedDerivation.For(master, replication, stream, entity),
                $"For({master}, {replication}, {stream}, {entity})");
            Assert.Equal(ReferenceDerivation.ForReplication(master, replication), SeedDerivation.ForReplication(master, replication));
        }
    }

    /// <summary>SeedDerivation's documented formulas over System.Numerics.BigInteger.</summary>
    private static class ReferenceDerivation
    {
        private static readonly System.Numerics.BigInteger Modulus = System.Numerics.BigInteger.One << 64;

        private static System.Numerics.BigInteger Mix(System.Numerics.BigInteger v)
        {
            var z = (v + 0x9E3779B97F4A7C15UL) % Modulus;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL % Modulus;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL % Modulus;
            return z ^ (z >> 31);
        }

        public static ulong ForReplication(ulong master, long replication) => (ulong)Replication(master, replication);

        private static System.Numerics.BigInteger Replication(ulong master, long replication) => Mix(Mix(master) ^ replication);

        public static ulong For(ulong master, long replication, StreamId stream, long entity)
        {
            var streamKey = new System.Numerics.BigInteger((uint)stream) << 32;
            return (ulong)Mix(Mix(Replication(master, replication) ^ streamKey) ^ entity);
        }
    }
}
