namespace Simulation.Tests.Cli.Plotting;

/// <summary>
/// ScottPlot's ErrorBar takes the positive (right, up) extent before the negative one. Our charts draw
/// asymmetric ranges (the ensemble's p05–p95 around its median), so a swapped pair mirrors the range
/// about its centre without any error; this pins the library's order the charts rely on.
/// </summary>
public class ErrorBarDirectionTests
{
    [Fact]
    public void ThePositiveExtentComesFirstForBothAxes()
    {
        // A point at 0 whose range runs from -1 to +3.
        var horizontal = new ScottPlot.Plottables.ErrorBar([0.0], [0.0], [3.0], [1.0], null, null);
        ScottPlot.AxisLimits x = horizontal.GetAxisLimits();
        Assert.Equal(-1.0, x.Left, 9);
        Assert.Equal(3.0, x.Right, 9);

        var vertical = new ScottPlot.Plottables.ErrorBar([0.0], [0.0], null, null, [3.0], [1.0]);
        ScottPlot.AxisLimits y = vertical.GetAxisLimits();
        Assert.Equal(-1.0, y.Bottom, 9);
        Assert.Equal(3.0, y.Top, 9);
    }
}
