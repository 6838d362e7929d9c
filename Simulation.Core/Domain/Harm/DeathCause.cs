namespace Simulation.Core.Domain.Harm;

/// <summary>Cause of a death (MODEL.md §2.12).</summary>
public enum DeathCause
{
    /// <summary>Drowning after a capsize, deflation or fall.</summary>
    Drowning,
    /// <summary>Hypothermia or exposure.</summary>
    Hypothermia,
    /// <summary>Crush or asphyxiation on an overloaded boat or in a launch.</summary>
    Crush,
    /// <summary>Linked to an interception.</summary>
    Interception,
}
