namespace Simulation.Core.Scenarios;

/// <summary>
/// One problem found in a scenario file: where (file, key path, line, column), what value, and
/// which rule it breaks. A user's mistake is data, not an exception.
/// </summary>
public sealed record ScenarioIssue(string File, string KeyPath, int Line, int Column, string Value, string Rule)
{
    /// <summary>"file:line:column: key.path = value: rule", the form printed by the command line.</summary>
    /// <remarks>
    /// A command-line override has no file or line: "--set key.path=value: rule".
    /// </remarks>
    public override string ToString() => File == ScenarioLoader.OverrideOrigin
        ? $"{File} {KeyPath}={Value}: {Rule}"
        : $"{File}:{Line}:{Column}: {(KeyPath.Length == 0 ? "(document)" : KeyPath)}{(Value.Length == 0 ? "" : " = " + Value)}: {Rule}";
}
