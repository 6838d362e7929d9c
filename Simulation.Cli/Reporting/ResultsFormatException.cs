namespace Simulation.Cli.Reporting;

/// <summary>A results directory or one of its files cannot be read; the message names the file and what is wrong.</summary>
public sealed class ResultsFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ResultsFormatException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public ResultsFormatException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception.</summary>
    public ResultsFormatException() { }
}
