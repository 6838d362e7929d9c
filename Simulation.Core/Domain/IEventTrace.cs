namespace Simulation.Core.Domain;

/// <summary>
/// Receives a readable record of every model event when an analyst traces one replication
/// (<c>channelsim trace</c>). The model calls it only when a trace is attached, so normal runs
/// pay nothing.
/// </summary>
public interface IEventTrace
{
    /// <summary>Records one event: when, which entity (e.g. "boat-12"), what happened, how many people, and the outcome.</summary>
    void Record(double timeHours, string entity, string eventName, int people, string outcome);
}
