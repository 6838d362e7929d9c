using Simulation.Core.Domain.Parameters;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary>Loads scenario files for the commands, printing every issue of an invalid file.</summary>
internal static class ScenarioFiles
{
    /// <summary>
    /// Loads and validates a file with the command line's <c>--set</c> overrides (none by default);
    /// on failure prints the issues to <paramref name="error"/> and returns null.
    /// </summary>
    public static Scenario? TryLoad(string path, TextWriter error, IReadOnlyList<string>? overrides = null)
    {
        overrides ??= [];
        if (!File.Exists(path))
        {
            error.WriteLine($"{path}: file not found");
            return null;
        }
        ScenarioLoadResult result = ScenarioLoader.Load(path, overrides);
        if (result.IsValid)
        {
            NoteOverrides(result.Scenario!, error);
            return result.Scenario;
        }
        foreach (ScenarioIssue issue in result.Issues) error.WriteLine(issue.ToString());
        if (result.Issues.IsEmpty) error.WriteLine($"{path}: the scenario is not valid");
        return null;
    }

    /// <summary>
    /// An override replaces the value for the whole run, but a dated timeline change to the same key
    /// still happens; say so, as the sweep does for its axes, so the one-off question is not misread.
    /// </summary>
    private static void NoteOverrides(Scenario scenario, TextWriter error)
    {
        foreach (string assignment in scenario.Overrides)
        {
            string key = assignment[..assignment.IndexOf('=', StringComparison.Ordinal)];
            foreach (ScenarioVariant variant in scenario.Variants)
            {
                foreach (TimelineChange change in variant.Parameters.Timeline.Where(c => c.Path == key).Take(1))
                {
                    error.WriteLine($"note: --set {assignment} holds in variant '{variant.Name}' only until {InvariantFormat.Date(change.Date)}, when its timeline sets {key} again");
                }
            }
        }
    }
}
