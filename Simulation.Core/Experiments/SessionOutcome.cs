namespace Simulation.Core.Experiments;

/// <summary>How a session ended.</summary>
public enum SessionStatus
{
    /// <summary>All replications ran; outputs are complete.</summary>
    Complete,
    /// <summary>Interrupted; outputs cover the completed prefix and are marked partial.</summary>
    Partial,
    /// <summary>Refused before running (directory in use, existing results, mismatched checkpoint...); nothing changed.</summary>
    Refused,
}

/// <summary>Result of a run, compare or merge session.</summary>
public sealed record SessionOutcome(SessionStatus Status, string Message, ExperimentResults? Results)
{
    /// <summary>A refusal with its reason.</summary>
    public static SessionOutcome Refuse(string message) => new(SessionStatus.Refused, message, null);
}
