using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary>Loads scenario files for the commands, printing every issue of an invalid file.</summary>
internal static class ScenarioFiles
{
    /// <summary>Loads and validates a file; on failure prints the issues to <paramref name="error"/> and returns null.</summary>
    public static Scenario? TryLoad(string path, TextWriter error)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"{path}: file not found");
            return null;
        }
        ScenarioLoadResult result = ScenarioLoader.Load(path);
        if (result.IsValid) return result.Scenario;
        foreach (ScenarioIssue issue in result.Issues) error.WriteLine(issue.ToString());
        if (result.Issues.IsEmpty) error.WriteLine($"{path}: the scenario is not valid");
        return null;
    }
}
