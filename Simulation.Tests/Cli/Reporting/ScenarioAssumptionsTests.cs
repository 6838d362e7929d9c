using Simulation.Cli.Reporting;

namespace Simulation.Tests.Cli.Reporting;

public sealed class ScenarioAssumptionsTests
{
    private const string Yaml = """
        # top comment
        name: demo
        description: >-
          A long text: with a colon
          key_like: not a key
        demand:
          # source: Home Office table SB_01
          new_on_coast_per_day: 130
          season:
            peak_month: 8   # source: DATA.md section 2
        launch:
          prevented_on_land_share: 0.45
        """;

    [Fact]
    public void SourceCommentsAttachToTheNextKeyWithItsDottedPath()
    {
        var a = ScenarioAssumptions.WithSources(Yaml);
        Assert.Equal(2, a.Count);
        Assert.Equal(("demand.new_on_coast_per_day", "130", "Home Office table SB_01"), (a[0].Path, a[0].Value, a[0].Source));
        Assert.Equal(("demand.season.peak_month", "8", "DATA.md section 2"), (a[1].Path, a[1].Value, a[1].Source));
    }

    [Fact]
    public void WithoutSourcesEveryScalarParameterIsListedButNotBlockText()
    {
        var all = ScenarioAssumptions.AllValues(Yaml).Select(a => a.Path).ToList();
        Assert.Equal(["demand.new_on_coast_per_day", "demand.season.peak_month", "launch.prevented_on_land_share"], all);
    }
}
