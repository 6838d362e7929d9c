using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Domain.Policy;

/// <summary>
/// A dated change reaching the mechanisms during a run (MODEL.md, policy timeline): the networks' tactic
/// is told of a new initial taxi-boat share on its date, and the trace marks the change.
/// </summary>
public class TimelineChangeTests
{
    [Fact]
    public void ANewInitialTaxiBoatShareOnADateSwitchesTheNetworksTacticFromThatDate()
    {
        // No adaptation, bounds 0 and 1: every boat is a beach launch until 11 Jul, every boat planned from
        // 11 Jul (day 10) on is a taxi-boat. Launches of day 9's plan may leave after midnight, so the
        // check leaves out hours 216-264.
        var p = TestParameters.With(TestParameters.Short(20), ("calendar.start_date", new DateOnly(2024, 7, 1)),
            ("smuggling.adaptation_rate_per_day", 0.0), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 1.0),
            ("smuggling.taxi_boat_share_initial", 0.0));
        p = p with { Timeline = [new TimelineChange(new DateOnly(2024, 7, 11), "smuggling.taxi_boat_share_initial", ParameterValue.Of(1.0))] };
        var model = new ChannelModel(p);
        var trace = new RecordingTrace();
        model.Trace = trace;
        model.RunReplication(ModelRunner.Seed, 0, new ReplicationResult(model.Days));

        int beachBefore = 0, taxiAfter = 0, changes = 0;
        foreach (var row in trace.Rows)
        {
            if (row.Event == "timeline_change")
            {
                Assert.Equal(("policy", 240.0, "snapshot-1"), (row.Entity, row.Hours, row.Outcome));
                changes++;
                continue;
            }
            if (row.Event != "launch") continue;
            if (row.Hours < 216)
            {
                Assert.Equal("beach", row.Outcome);
                beachBefore++;
            }
            else if (row.Hours >= 264)
            {
                Assert.Equal("taxi_boat", row.Outcome);
                taxiAfter++;
            }
        }
        Assert.Equal(1, changes);
        Assert.True(beachBefore > 10 && taxiAfter > 10, $"too few launches to tell ({beachBefore} before, {taxiAfter} after)");
    }
}
