namespace Simulation.Cli;

internal static class Program
{
    private static int Main(string[] args) => CliApp.BuildRootCommand().Parse(args).Invoke();
}
