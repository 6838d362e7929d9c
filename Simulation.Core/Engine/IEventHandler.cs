namespace Simulation.Core.Engine;

/// <summary>
/// Receives events from <see cref="Simulator.Run{THandler}(ref THandler, double)"/>. Implement it on a
/// struct (or a sealed class) so the JIT specialises the loop and the call is not virtual.
/// </summary>
public interface IEventHandler
{
    /// <summary>Handles one event; <see cref="Simulator.NowHours"/> already equals its time.</summary>
    void Handle(Simulator simulator, in SimEvent simEvent);
}
