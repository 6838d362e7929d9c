namespace Simulation.Tests.Cli;

/// <summary>A small scenario for the process-level tests, in the documented scenario format.</summary>
internal static class RealModelScenario
{
    /// <summary>A ten-day scenario with the catalog defaults.</summary>
    public const string TinyYaml =
        "schema_version: 1\n" +
        "name: shard-test\n" +
        "description: Ten days, for the shard and merge test.\n" +
        "experiment:\n" +
        "  replications: 8\n" +
        "  seed: 7\n" +
        "calendar:\n" +
        "  horizon_days: 10\n";

    /// <summary>Writes the tiny scenario (optionally with another horizon) into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, int horizonDays = 10)
    {
        string path = Path.Combine(directory, "shard-test.yaml");
        File.WriteAllText(path, TinyYaml.Replace("horizon_days: 10", "horizon_days: " + horizonDays, StringComparison.Ordinal));
        return path;
    }
}
