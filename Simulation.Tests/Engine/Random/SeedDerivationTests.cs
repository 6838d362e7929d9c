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
    public void DerivationIsAPureFunction()
    {
        Assert.Equal(SeedDerivation.For(42, 3, StreamId.Crossing, 17), SeedDerivation.For(42, 3, StreamId.Crossing, 17));
    }
}
