using Simulation.Core.Experiments;

namespace Simulation.Core.Sensitivity;

/// <summary>
/// Saltelli's sampling plan for Sobol indices, on the unit cube: base matrices A and B (N rows each) are the
/// first and last k columns of a 2k-dimensional Sobol sequence, and A_B^(i) is A with column i taken from B.
/// Rows are stored block by block: A, B, A_B^(1), ..., A_B^(k), so the design has N·(k+2) points.
/// </summary>
public sealed class SaltelliDesign
{
    /// <summary>Most parameters: the Sobol table covers 2k dimensions.</summary>
    public const int MaxParameters = SobolSequence.MaxDimensions / 2;

    private SaltelliDesign(int parameters, int baseSamples, double[][] unitPoints)
    {
        Parameters = parameters;
        BaseSamples = baseSamples;
        UnitPoints = unitPoints;
    }

    /// <summary>Number of varied parameters, k.</summary>
    public int Parameters { get; }

    /// <summary>Rows of A (and of B), N.</summary>
    public int BaseSamples { get; }

    /// <summary>Every design point in [0,1)^k, block order A, B, A_B^(1), ..., A_B^(k).</summary>
    public IReadOnlyList<double[]> UnitPoints { get; }

    /// <summary>Model evaluations the design needs, N·(k+2).</summary>
    public int Runs => BaseSamples * (Parameters + 2);

    /// <summary>Index of row <paramref name="row"/> of A.</summary>
    public int IndexA(int row) => row;

    /// <summary>Index of row <paramref name="row"/> of B.</summary>
    public int IndexB(int row) => BaseSamples + row;

    /// <summary>Index of row <paramref name="row"/> of A_B^(parameter).</summary>
    public int IndexAB(int parameter, int row) => (2 + parameter) * BaseSamples + row;

    /// <summary>
    /// The design for <paramref name="parameters"/> inputs and <paramref name="baseSamples"/> base rows. The
    /// sequence starts at its first point (the origin), so A and B together keep the balance of a
    /// power-of-two prefix; a power of two for N is therefore recommended, though not required.
    /// </summary>
    public static SaltelliDesign Create(int parameters, int baseSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parameters, MaxParameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        int k = parameters;
        double[][] sequence = SobolSequence.Generate(2 * k, baseSamples);
        var points = new double[baseSamples * (k + 2)][];
        for (int j = 0; j < baseSamples; j++)
        {
            double[] s = sequence[j];
            points[j] = s[..k];
            points[baseSamples + j] = s[k..];
            for (int i = 0; i < k; i++)
            {
                double[] ab = s[..k];
                ab[i] = s[k + i];
                points[(2 + i) * baseSamples + j] = ab;
            }
        }
        return new SaltelliDesign(parameters, baseSamples, points);
    }
}
