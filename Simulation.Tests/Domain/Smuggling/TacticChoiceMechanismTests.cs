using Simulation.Core.Domain.Smuggling;

namespace Simulation.Tests.Domain.Smuggling;

/// <summary>
/// The networks' tactic choice on its own. Each tactic's outcomes are perceived through a tally that
/// starts at 25 successes and 25 failures and keeps e^(−1/memory) of itself a day; the taxi-boat share
/// moves each day by rate × (taxi perceived − beach perceived), within [min, max].
/// </summary>
public class TacticChoiceMechanismTests
{
    private static (MechanismWorld World, TacticChoice Tactics) Build(double rate, double initial = 0.5, double min = 0.0, double max = 1.0)
    {
        var world = new MechanismWorld(TestParameters.Short(10, ("smuggling.adaptation_rate_per_day", rate), ("smuggling.tactic_memory_days", 10.0),
            ("smuggling.taxi_boat_share_initial", initial), ("smuggling.taxi_boat_share_min", min), ("smuggling.taxi_boat_share_max", max)));
        var tactics = new TacticChoice(world.Ctx);
        tactics.Reset();
        return (world, tactics);
    }

    [Fact]
    public void TheShareMovesByTheRateTimesTheDifferenceInPerceivedSuccess()
    {
        var (_, tactics) = Build(0.1);
        Assert.Equal(0.5, tactics.TaxiShare);
        tactics.Success(taxi: true, 50);
        tactics.Failure(taxi: false, 30);
        tactics.Success(taxi: false, 10);
        tactics.StartDay();
        double keep = Math.Exp(-1.0 / 10);
        double taxi = (25 * keep + 50) / (50 * keep + 50);
        double beach = (25 * keep + 10) / (50 * keep + 40);
        Assert.Equal(0.5 + 0.1 * (taxi - beach), tactics.TaxiShare, 12);

        // A day without outcomes keeps moving the share by the (aged) difference.
        tactics.StartDay();
        double taxi2 = (25 * keep + 50) * keep / ((50 * keep + 50) * keep);
        double beach2 = (25 * keep + 10) * keep / ((50 * keep + 40) * keep);
        Assert.Equal(0.5 + 0.1 * (taxi - beach) + 0.1 * (taxi2 - beach2), tactics.TaxiShare, 12);
    }

    [Fact]
    public void TheShareStaysWithinItsBoundsAndIgnoresOutcomesWithoutAdaptation()
    {
        var (_, bounded) = Build(1.0, initial: 0.5, min: 0.2, max: 0.6);
        bounded.Success(taxi: true, 1000);
        bounded.Failure(taxi: false, 1000);
        bounded.StartDay();
        Assert.Equal(0.6, bounded.TaxiShare);
        for (int d = 0; d < 5; d++) { bounded.Failure(taxi: true, 100_000); bounded.Success(taxi: false, 100_000); bounded.StartDay(); }
        Assert.Equal(0.2, bounded.TaxiShare);

        var (_, still) = Build(0.0, initial: 0.35);
        still.Success(taxi: true, 1000);
        still.StartDay();
        Assert.Equal(0.35, still.TaxiShare);
    }

    [Fact]
    public void ADatedChangeOfTheInitialShareResetsTheShareAndOtherChangesDoNot()
    {
        var (world, tactics) = Build(0.1, initial: 0.4);
        tactics.Success(taxi: true, 100);
        tactics.StartDay();
        double learned = tactics.TaxiShare;
        Assert.NotEqual(0.4, learned);
        var previous = world.Ctx.P;
        var otherRate = new MechanismWorld(TestParameters.Short(10, ("smuggling.adaptation_rate_per_day", 0.3), ("smuggling.tactic_memory_days", 10.0),
            ("smuggling.taxi_boat_share_initial", 0.4), ("smuggling.taxi_boat_share_min", 0.0), ("smuggling.taxi_boat_share_max", 1.0))).Ctx.P;
        world.Ctx.UseParameters(otherRate);
        tactics.ParametersChanged(previous);
        Assert.Equal(learned, tactics.TaxiShare);
        var newShare = new MechanismWorld(TestParameters.Short(10, ("smuggling.taxi_boat_share_initial", 0.7))).Ctx.P;
        world.Ctx.UseParameters(newShare);
        tactics.ParametersChanged(otherRate);
        Assert.Equal(0.7, tactics.TaxiShare);
    }
}
