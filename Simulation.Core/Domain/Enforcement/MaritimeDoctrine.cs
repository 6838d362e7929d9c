namespace Simulation.Core.Domain.Enforcement;

/// <summary>French rules of engagement at sea (MODEL.md §2.6).</summary>
public enum MaritimeDoctrine
{
    /// <summary>Rescue only (pre-2025).</summary>
    None,
    /// <summary>Act in shallow water near the shore.</summary>
    ShallowWater,
    /// <summary>Stop taxi-boats before passengers board (includes shallow water).</summary>
    BeforeBoarding,
    /// <summary>Intercept loaded boats near the coast and take people back (includes the other two).</summary>
    Full,
}
