using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// scenarios/README.md (between its markers) and docs/scenario.schema.json must match the parameter
/// catalog. Run with CHANNELSIM_UPDATE_DOCS=1 to rewrite them instead of failing.
/// </summary>
public class GeneratedScenarioDocsTests
{
    private const string Regenerate =
        "Regenerate with: CHANNELSIM_UPDATE_DOCS=1 dotnet test ChannelSim.sln -c Release --filter \"FullyQualifiedName~GeneratedScenarioDocs\"";

    private static bool Updating => Environment.GetEnvironmentVariable("CHANNELSIM_UPDATE_DOCS") == "1";

    [Fact]
    public void TheScenarioReadmeReferenceMatchesTheCatalog()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "scenarios", "README.md");
        var current = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = ScenarioDocumentation.ReplaceReference(current, ScenarioDocumentation.RenderMarkdown());
        Assert.True(expected is not null, $"scenarios/README.md lacks the lines {ScenarioDocumentation.BeginMarker} and {ScenarioDocumentation.EndMarker}.");
        if (Updating && expected != current) File.WriteAllText(path, expected);
        else Assert.True(expected == current, "The reference in scenarios/README.md is out of date with the parameter catalog. " + Regenerate);
    }

    [Fact]
    public void TheScenarioJsonSchemaMatchesTheCatalog()
    {
        var path = Path.Combine(RepositoryPaths.Root(), "docs", "scenario.schema.json");
        var expected = JsonSchemaWriter.Write();
        var current = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (Updating && expected != current) File.WriteAllText(path, expected);
        else Assert.True(expected == current, "docs/scenario.schema.json is out of date with the parameter catalog. " + Regenerate);
    }
}
