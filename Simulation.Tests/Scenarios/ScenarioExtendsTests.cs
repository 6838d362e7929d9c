using System.Security.Cryptography;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ScenarioExtendsTests
{
    [Fact]
    public void AChainOfExtendsAppliesTheFurthestFileFirst()
    {
        using var dir = new TempScenarioDirectory();
        dir.Write("base.yaml", """
            schema_version: 1
            description: the base
            experiment: { replications: 40, seed: 7 }
            uk.vessels.count: 4
            weather.red_day_share: 0.2
            timeline:
              - date: 2024-06-01
                set: { french.maritime.doctrine: shallow_water }
            variants:
              ignored_here: {}
            """);
        dir.Write("sub/middle.yaml", "schema_version: 1\nextends: ../base.yaml\nuk.vessels.count: 5\nexperiment.seed: 8\n");
        var top = dir.Write("sub/top.yaml", """
            schema_version: 1
            extends: middle.yaml
            weather.red_day_share: 0.3
            timeline:
              - date: 2024-03-01
                set: { french.maritime.doctrine: full }
            """);
        var result = ScenarioLoader.Load(top, TestCatalog.Specs);
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        var scenario = result.Scenario!;
        var p = Assert.Single(scenario.Variants).Parameters;
        Assert.Equal(5, p.Integer("uk.vessels.count"));
        Assert.Equal(0.3, p.Number("weather.red_day_share"));
        Assert.Equal(new[] { "full", "shallow_water" }, p.Timeline.Select(c => c.Value.Text).ToArray());
        Assert.Equal((40, 8UL), (scenario.DefaultReplications, scenario.DefaultSeed));
        Assert.Equal("top", scenario.Name);
        Assert.Equal("", scenario.Description);

        // The hash covers this file, then the file it extends, and so on.
        var bytes = File.ReadAllBytes(top).Concat(File.ReadAllBytes(Path.Combine(dir.Root, "sub/middle.yaml")))
            .Concat(File.ReadAllBytes(Path.Combine(dir.Root, "base.yaml"))).ToArray();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), scenario.Sha256);
    }

    [Fact]
    public void ACycleOfExtendsIsAnErrorNotAHang()
    {
        using var dir = new TempScenarioDirectory();
        var a = dir.Write("a.yaml", "schema_version: 1\nextends: b.yaml\n");
        dir.Write("b.yaml", "schema_version: 1\nextends: a.yaml\n");
        var result = ScenarioLoader.Load(a, TestCatalog.Specs);
        var issue = Assert.Single(result.Issues);
        Assert.EndsWith("b.yaml", issue.File);
        Assert.Equal(("extends", 2, 10), (issue.KeyPath, issue.Line, issue.Column));
        Assert.Contains("cycle of extends (a.yaml -> b.yaml -> a.yaml)", issue.Rule);
    }

    [Fact]
    public void AFileExtendingItselfIsACycle()
    {
        using var dir = new TempScenarioDirectory();
        var a = dir.Write("a.yaml", "schema_version: 1\nextends: ./a.yaml\n");
        Assert.Contains("cycle", Assert.Single(ScenarioLoader.Load(a, TestCatalog.Specs).Issues).Rule);
    }

    [Fact]
    public void AMissingExtendedFileIsReportedAtTheExtendsKey()
    {
        using var dir = new TempScenarioDirectory();
        var a = dir.Write("a.yaml", "schema_version: 1\nextends: nowhere.yaml\n");
        var issue = Assert.Single(ScenarioLoader.Load(a, TestCatalog.Specs).Issues);
        Assert.Equal(("extends", "nowhere.yaml", 2), (issue.KeyPath, issue.Value, issue.Line));
        Assert.Contains("does not exist", issue.Rule);
    }

    [Fact]
    public void ProblemsInAnExtendedFileNameThatFile()
    {
        using var dir = new TempScenarioDirectory();
        var child = dir.Write("child.yaml", "schema_version: 1\nextends: parent.yaml\nuk.vessels.count: 500\n");
        dir.Write("parent.yaml", "schema_version: 1\nweather.red_day_share: 2\n");
        var issues = ScenarioLoader.Load(child, TestCatalog.Specs).Issues;
        Assert.Equal(2, issues.Length);
        Assert.EndsWith("child.yaml", issues[0].File);
        Assert.Equal("uk.vessels.count", issues[0].KeyPath);
        Assert.EndsWith("parent.yaml", issues[1].File);
        Assert.Equal(("weather.red_day_share", 2), (issues[1].KeyPath, issues[1].Line));
    }

    [Fact]
    public void ATimelineDateOfAnExtendedFileOutsideThePeriodNamesThatFile()
    {
        using var dir = new TempScenarioDirectory();
        dir.Write("parent.yaml", "schema_version: 1\ntimeline:\n  - date: 2024-03-01\n    set: { uk.vessels.count: 2 }\n");
        var child = dir.Write("child.yaml", "schema_version: 1\nextends: parent.yaml\ncalendar.horizon_days: 31\n");
        var issue = Assert.Single(ScenarioLoader.Load(child, TestCatalog.Specs).Issues);
        Assert.EndsWith("parent.yaml", issue.File);
        Assert.Equal(("timeline[0].date", 3), (issue.KeyPath, issue.Line));
        Assert.Contains("outside the simulated period, 2024-01-01 to 2024-01-31", issue.Rule);
    }
}
