namespace Simulation.Core.Engine;

/// <summary>
/// One scheduled event: a plain struct so the queue stores events inline and scheduling never
/// allocates. <see cref="Kind"/> and <see cref="Entity"/> are opaque to the engine; the model
/// switches on them.
/// </summary>
public readonly record struct SimEvent(double TimeHours, int Priority, long Token, int Kind, int Entity);
