namespace Simulation.Cli;

internal static class Program
{
    private static int Main(string[] args) => CliInvoker.Invoke(args);
}
