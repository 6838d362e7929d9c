using Simulation.Core.Domain.UkResponse;

namespace Simulation.Tests.Domain.UkResponse;

/// <summary>
/// Windspire on its own: a Border Force pick-up goes back to France when the vessel seeks a return,
/// France permits it, nobody needs urgent care (nobody was in the water) and the sea is calm enough.
/// 20,000 boats with their own substreams; a share p has SE √(p(1 − p) / 20,000) ≤ 0.0035, so a 5%
/// error in a share above 0.3 is over 4 SE away. Tolerance 4 SE.
/// </summary>
public class WindspireTests
{
    private const int Boats = 20_000;

    private static (MechanismWorld World, Windspire Windspire) Build(double seek, double permission, double medical, double maxWave = 10.0,
        double seekFrenchWaters = 0.0)
    {
        var world = new MechanismWorld(TestParameters.Short(10, ("uk.windspire.return_probability", seek),
            ("uk.windspire.permission_probability", permission), ("uk.windspire.medical_emergency_probability", medical),
            ("uk.windspire.max_wave_height_m", maxWave), ("uk.windspire.return_probability_french_waters", seekFrenchWaters)));
        for (int i = 0; i < Boats; i++) world.AddBoat(i, 40);
        return (world, new Windspire(world.Ctx, world.Weather));
    }

    private static double ShareReturned(Windspire windspire, bool inFrenchWaters = false, int day = 0)
    {
        int returned = 0;
        for (int k = 0; k < Boats; k++) if (windspire.ReturnsToFrance(k, inFrenchWaters, day)) returned++;
        return returned / (double)Boats;
    }

    private static void AssertShare(double expected, double actual)
    {
        double se = Math.Sqrt(expected * (1 - expected) / Boats);
        Assert.InRange(actual, expected - 4 * se - 1e-12, expected + 4 * se + 1e-12);
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(1.0, 0.8, 0.0, 0.8)]
    [InlineData(1.0, 0.3, 0.0, 0.3)]
    [InlineData(0.5, 0.6, 0.0, 0.3)]      // seeking and permission are independent: 0.5 × 0.6
    [InlineData(1.0, 1.0, 0.25, 0.75)]    // a medical emergency sends the people to Dover
    [InlineData(0.8, 0.9, 0.1, 0.648)]    // 0.8 × 0.9 × 0.9
    public void TheShareReturnedIsSeekTimesPermissionTimesNoEmergency(double seek, double permission, double medical, double expected)
    {
        var (_, windspire) = Build(seek, permission, medical);
        AssertShare(expected, ShareReturned(windspire));
    }

    [Fact]
    public void NoPermissionOrNoSeekingMeansNoReturn()
    {
        Assert.Equal(0, ShareReturned(Build(1.0, 0.0, 0.0).Windspire));
        Assert.Equal(0, ShareReturned(Build(0.0, 1.0, 0.0).Windspire));
        Assert.Equal(1, ShareReturned(Build(1.0, 1.0, 0.0).Windspire));
    }

    [Fact]
    public void PeopleWhoWereInTheWaterAndRoughSeasAreNeverReturned()
    {
        var (world, windspire) = Build(1.0, 1.0, 0.0);
        for (int k = 0; k < 50; k++) world.Ctx.Boats[k].Capsized = true;
        for (int k = 0; k < 50; k++) Assert.False(windspire.ReturnsToFrance(k, false, 0));
        Assert.True(windspire.ReturnsToFrance(50, false, 0));

        // The sea of the day decides: a limit just below the day's wave height forbids, at it allows.
        double wave = world.Weather.WaveHeightM(3);
        Assert.True(wave > 1e-5, $"wave {wave}");
        var (_, below) = Build(1.0, 1.0, 0.0, maxWave: Math.Max(0, wave - 1e-6));
        var (_, at) = Build(1.0, 1.0, 0.0, maxWave: wave);
        Assert.False(below.ReturnsToFrance(60, false, 3));
        Assert.True(at.ReturnsToFrance(60, false, 3));
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void InFrenchWatersTheFrenchWatersProbabilityApplies()
    {
        var (_, windspire) = Build(0.0, 0.5, 0.0, seekFrenchWaters: 0.8);
        AssertShare(0.4, ShareReturned(windspire, inFrenchWaters: true));
        Assert.Equal(0, ShareReturned(windspire, inFrenchWaters: false));
    }
}
