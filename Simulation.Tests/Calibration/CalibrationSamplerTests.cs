using Simulation.Core.Calibration;

namespace Simulation.Tests.Calibration;

/// <summary>The wave designs: wave 1 fills the box, later waves stay inside it and near the non-implausible points.</summary>
public class CalibrationSamplerTests
{
    [Fact]
    public void WaveOneIsALatinHypercubeOverThePriorBoxWithWholeNumbersRounded()
    {
        CalibrationSpec spec = CalibrationSpecs.Small();
        double[][] points = CalibrationSampler.FirstWave(spec, 42);
        Assert.Equal(40, points.Length);
        // Each of the 40 strata of x.unit holds exactly one point.
        Assert.Equal(Enumerable.Range(0, 40), points.Select(p => (int)Math.Floor(p[0] * 40)).Order());
        Assert.All(points, p => Assert.True(p[1] >= 10 && p[1] <= 20 && p[1] == Math.Round(p[1])));
        // Same seed, same points; another seed, other points.
        Assert.Equal(points, CalibrationSampler.FirstWave(spec, 42));
        Assert.NotEqual(points[0][0], CalibrationSampler.FirstWave(spec, 43)[0][0]);
    }

    [Fact]
    public void LaterWavesStayInsideThePriorBoxAndNearTheNonImplausiblePoints()
    {
        CalibrationSpec spec = CalibrationSpecs.Small();
        var earlier = new List<CalibrationPoint>();
        // Ten non-implausible points with x.unit in 0.005, 0.02, ..., 0.14 (one at the edge, where half the draws fall outside).
        for (int i = 0; i < 10; i++) earlier.Add(CalibrationSpecs.Point(spec, 1, i, [i == 0 ? 0.005 : 0.01 + 0.015 * i, 12], [100, 50, 10], [1, 1, 1]));
        // Twenty implausible points far away (t1 misses by 30 / 3 = 10).
        for (int i = 0; i < 20; i++) earlier.Add(CalibrationSpecs.Point(spec, 1, 10 + i, [0.9, 19], [130, 50, 10], [4, 0, 0]));
        List<CalibrationPoint> pool = CalibrationSampler.Pool(spec, earlier, out bool fallback);
        Assert.False(fallback);
        Assert.Equal(10, pool.Count);
        double[][] wave = CalibrationSampler.LaterWave(spec, 7, 2, pool, 2000);
        Assert.Equal(2000, wave.Length);
        Assert.All(wave, p =>
        {
            Assert.InRange(p[0], 0, 1);
            Assert.InRange(p[1], 10, 20);
            Assert.Equal(Math.Round(p[1]), p[1]);
        });
        // Pool sd of x.unit ≈ 0.045, so the kernel sd is max(0.5 × 0.045, 0.02) ≈ 0.023: every draw lies within
        // 0.14 + 8 sd < 0.35 (a miss has probability below 1e-15), nowhere near the implausible points at 0.9.
        Assert.All(wave, p => Assert.True(p[0] < 0.35, $"x.unit {p[0]} is far from every non-implausible point"));
        // Whole-number parameter: pool all at 12, kernel sd = 0.02 × 10 = 0.2, so rounding gives 12 (or 11/13 beyond 2.5 sd).
        Assert.True(wave.Count(p => p[1] == 12) > 1900);
    }

    [Fact]
    public void WithNoNonImplausiblePointTheLeastImplausibleFiveShareAreThePool()
    {
        CalibrationSpec spec = CalibrationSpecs.Small();
        var earlier = new List<CalibrationPoint>();
        // Point i misses t1 by 12 + i, so its implausibility is (12 + i) / 3 ≥ 4 and grows with i; listed in reverse.
        for (int i = 199; i >= 0; i--) earlier.Add(CalibrationSpecs.Point(spec, 1, i, [i / 200.0, 15], [112 + i, 50, 10], [4, 0, 0]));
        List<CalibrationPoint> pool = CalibrationSampler.Pool(spec, earlier, out bool fallback);
        Assert.True(fallback);
        // max(5, ⌈0.05 × 200⌉) = 10 points: those with indices 0..9.
        Assert.Equal(Enumerable.Range(0, 10), pool.Select(p => p.Index));
        Assert.Equal(Enumerable.Range(0, 5), CalibrationSampler.Pool(spec, earlier.Where(p => p.Index < 40).ToList(), out _).Select(p => p.Index));
    }
}
