using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Domain;

public class ModelAllocationTests
{
    // The model keeps its boats, buffers and streams between replications, so once its pools have
    // grown to the size a replication needs, running one allocates nothing at all.
    [Theory]
    [InlineData("french.maritime.doctrine", "none")]
    [InlineData("french.maritime.doctrine", "full")]
    [InlineData("uk.windspire.operate_in_french_waters", "true")]
    [InlineData("uk.joint_operations.ships", "2")]
    public void AWarmModelRunsAReplicationWithoutAllocating(string path, string value)
    {
        object typed = value == "true" ? true : int.TryParse(value, out int whole) ? whole : value;
        var model = new ChannelModel(TestParameters.With((path, typed), ("uk.border_force.vessels", 3)) with
        {
            Timeline = [new Simulation.Core.Domain.Parameters.TimelineChange(new DateOnly(2024, 6, 1), "uk.border_force.vessels",
                Simulation.Core.Domain.Parameters.ParameterValue.Of(5))],
        });
        var result = new ReplicationResult(model.Days);
        for (int round = 0; round < 2; round++)
            for (int r = 0; r < 4; r++) model.RunReplication(ModelRunner.Seed, r, result);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < 4; r++) model.RunReplication(ModelRunner.Seed, r, result);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated over 4 replications");
    }
}
