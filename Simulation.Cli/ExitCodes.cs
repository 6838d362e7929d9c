namespace Simulation.Cli;

/// <summary>Process exit codes, documented in --help and README.md.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>Unexpected internal error (a bug).</summary>
    public const int InternalError = 1;
    /// <summary>Invalid input: bad options or an invalid scenario file.</summary>
    public const int InvalidInput = 2;
    /// <summary>Interrupted (Ctrl+C); finished replications were kept and the output is marked partial.</summary>
    public const int Interrupted = 3;
}
