using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Deterrence;

/// <summary>Typed deterrence parameters (MODEL.md §2.11).</summary>
public sealed record DeterrenceParameters
{
    /// <summary>Elasticity to perceived success (0 = none).</summary>
    public required double Elasticity { get; init; }
    /// <summary>Memory of the perception.</summary>
    public required double MemoryDays { get; init; }
    /// <summary>Neutral perceived success share.</summary>
    public required double ReferenceSuccessShare { get; init; }
    /// <summary>Cap on the multiplier.</summary>
    public required double MaxMultiplier { get; init; }

    /// <summary>Reads the deterrence parameters.</summary>
    public static DeterrenceParameters From(ParameterSet p) => new()
    {
        Elasticity = p.Number("deterrence.elasticity"),
        MemoryDays = p.Number("deterrence.memory_days"),
        ReferenceSuccessShare = p.Number("deterrence.reference_success_share"),
        MaxMultiplier = p.Number("deterrence.max_multiplier"),
    };

    /// <summary>
    /// Multiplier on the arrival rate (and divisor of the give-up probability) for a perceived
    /// success share: (perceived / reference)^elasticity, between 0 and the cap.
    /// </summary>
    public double Multiplier(double perceivedSuccessShare)
    {
        if (Elasticity == 0) return 1;
        if (ReferenceSuccessShare <= 0) return MaxMultiplier;
        return Math.Clamp(Math.Pow(Math.Max(perceivedSuccessShare, 0) / ReferenceSuccessShare, Elasticity), 0, MaxMultiplier);
    }
}
