namespace Simulation.Core.Engine.Examples;

/// <summary>
/// Outcome of one M/M/c run: mean wait in queue (hours) over all customers, share of customers who had to
/// wait, server utilisation, and the engine events processed (arrivals, departures and hand-overs).
/// </summary>
public readonly record struct MmcResult(int Customers, double MeanWaitHours, double WaitedFraction, double Utilisation, long EngineEvents, double EndHours);
