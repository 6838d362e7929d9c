namespace Simulation.Core.Engine.Examples;

/// <summary>Outcome of one PHOLD run: events processed, FNV-1a checksum of the LP order, last event time.</summary>
public readonly record struct PholdResult(long Events, ulong Checksum, double LastEventHours);
