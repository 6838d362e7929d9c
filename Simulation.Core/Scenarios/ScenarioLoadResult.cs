using System.Collections.Immutable;

namespace Simulation.Core.Scenarios;

/// <summary>Either a validated <see cref="Scenario"/> or every problem found (never both).</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, ImmutableArray<ScenarioIssue> Issues)
{
    /// <summary>True when the file is valid.</summary>
    public bool IsValid => Scenario is not null && Issues.IsEmpty;
}
