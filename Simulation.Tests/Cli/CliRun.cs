using Simulation.Cli;

namespace Simulation.Tests.Cli;

/// <summary>The command line run in-process through the same entry point as the executable.</summary>
internal static class CliRun
{
    /// <summary>Runs <paramref name="args"/> and returns the exit code and what went to stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliInvoker.Invoke(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <paramref name="args"/> and fails the test, showing stderr, unless the exit code is 0.</summary>
    public static void Succeed(params string[] args)
    {
        var (code, _, err) = Invoke(args);
        Assert.True(code == 0, string.Join(' ', args) + "\n" + err);
    }
}
