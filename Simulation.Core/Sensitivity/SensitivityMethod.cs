namespace Simulation.Core.Sensitivity;

/// <summary>How a global sensitivity analysis samples the parameter space and what it estimates.</summary>
public enum SensitivityMethod
{
    /// <summary>Variance-based Sobol indices (S1, ST) from Saltelli sampling.</summary>
    Sobol,
    /// <summary>Morris elementary effects (μ*, σ) from one-at-a-time trajectories.</summary>
    Morris,
}
