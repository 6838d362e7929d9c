namespace Simulation.Core.Experiments;

/// <summary>How a sweep chooses its points.</summary>
public enum SweepDesignKind
{
    /// <summary>Cartesian product of every axis's grid values.</summary>
    Grid,
    /// <summary>Latin hypercube: n points, each axis's range cut into n equal strata, each stratum used exactly once.</summary>
    LatinHypercube,
}
