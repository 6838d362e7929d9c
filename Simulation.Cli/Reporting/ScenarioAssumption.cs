namespace Simulation.Cli.Reporting;

/// <summary>A parameter of the resolved scenario with the source its author cited (empty if none).</summary>
public sealed record ScenarioAssumption(string Path, string Value, string Source, int Line);
