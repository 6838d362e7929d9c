using Simulation.Core.Engine.Random;

namespace Simulation.Core.Sensitivity;

/// <summary>
/// Morris's elementary-effects plan on the unit cube: <see cref="Trajectories"/> one-at-a-time paths of k+1
/// points on a grid of <see cref="Levels"/> levels {0, 1/(p−1), ..., 1}; each step moves one parameter by
/// ±Δ with Δ = p/(2(p−1)), every parameter exactly once per path, in a random order. Points are stored
/// trajectory by trajectory, r·(k+1) in all.
/// </summary>
public sealed class MorrisDesign
{
    /// <summary>Default number of grid levels.</summary>
    public const int DefaultLevels = 4;

    private readonly int[][] _moved;

    private MorrisDesign(int parameters, int trajectories, int levels, double[][] unitPoints, int[][] moved)
    {
        Parameters = parameters;
        Trajectories = trajectories;
        Levels = levels;
        UnitPoints = unitPoints;
        _moved = moved;
    }

    /// <summary>Number of varied parameters, k.</summary>
    public int Parameters { get; }

    /// <summary>Number of trajectories, r.</summary>
    public int Trajectories { get; }

    /// <summary>Grid levels, p.</summary>
    public int Levels { get; }

    /// <summary>Step of every move on the unit scale, Δ = p/(2(p−1)).</summary>
    public double Delta => Levels / (2.0 * (Levels - 1));

    /// <summary>Every design point in [0,1]^k, trajectory by trajectory.</summary>
    public IReadOnlyList<double[]> UnitPoints { get; }

    /// <summary>Model evaluations the design needs, r·(k+1).</summary>
    public int Runs => Trajectories * (Parameters + 1);

    /// <summary>Index of point <paramref name="step"/> (0..k) of trajectory <paramref name="trajectory"/>.</summary>
    public int Index(int trajectory, int step) => trajectory * (Parameters + 1) + step;

    /// <summary>The parameter that moves between point <paramref name="step"/> and the next in a trajectory.</summary>
    public int MovedAt(int trajectory, int step) => _moved[trajectory][step];

    /// <summary>
    /// Draws the plan from a stream seeded with <paramref name="seed"/>: for every parameter a start level in
    /// {0, ..., p/2 − 1} (so both ends of the move are on the grid), a direction (up from the level, or down
    /// to it from level + Δ), and a random order of moves.
    /// </summary>
    public static MorrisDesign Create(int parameters, int trajectories, int levels, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), "Levels must be an even number of at least 2, so that Δ = p/(2(p−1)) joins grid points.");
        int k = parameters;
        double delta = levels / (2.0 * (levels - 1));
        var random = new RandomStream(seed);
        var points = new double[trajectories * (k + 1)][];
        var moved = new int[trajectories][];
        var low = new double[k];
        var up = new bool[k];
        for (int t = 0; t < trajectories; t++)
        {
            var start = new double[k];
            for (int i = 0; i < k; i++)
            {
                low[i] = random.NextInt(levels / 2) / (double)(levels - 1);
                up[i] = random.NextInt(2) == 0;
                start[i] = up[i] ? low[i] : low[i] + delta;
            }
            var order = new int[k];
            for (int i = 0; i < k; i++) order[i] = i;
            for (int i = k - 1; i > 0; i--)
            {
                int j = random.NextInt(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
            points[t * (k + 1)] = start;
            double[] current = start;
            for (int s = 0; s < k; s++)
            {
                int i = order[s];
                var next = (double[])current.Clone();
                next[i] = up[i] ? low[i] + delta : low[i];
                points[t * (k + 1) + s + 1] = next;
                current = next;
            }
            moved[t] = order;
        }
        return new MorrisDesign(parameters, trajectories, levels, points, moved);
    }
}
