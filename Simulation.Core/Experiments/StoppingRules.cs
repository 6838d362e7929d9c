namespace Simulation.Core.Experiments;

/// <summary>The stable names of the rule that ended a run, as written to summary.json and manifest.json.</summary>
public static class StoppingRules
{
    /// <summary>The requested number of replications was run.</summary>
    public const string FixedReplications = "fixed_replications";
    /// <summary>The precision target was met.</summary>
    public const string PrecisionReached = "precision_reached";
    /// <summary>The precision target was not met before --max-replications.</summary>
    public const string MaxReplications = "max_replications";
    /// <summary>The run was interrupted (Ctrl+C, SIGTERM); outputs cover the completed prefix.</summary>
    public const string Interrupted = "interrupted";
}
