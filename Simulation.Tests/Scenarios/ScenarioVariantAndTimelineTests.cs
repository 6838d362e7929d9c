using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Scenarios;

public class ScenarioVariantAndTimelineTests
{
    private const string Header = "schema_version: 1\n";

    [Fact]
    public void VariantsOverrideTheBaseAndAnImplicitBaselineComesFirst()
    {
        var scenario = TestCatalog.LoadValid(Header + """
            uk.vessels.count: 6
            variants:
              windspire_rule:
                description: UK vessels return every permitted rescue.
                uk:
                  windspire:
                    return_probability: 1.0
              more_ships:
                uk.vessels.count: 10
            """);
        Assert.Equal(new[] { "baseline", "windspire_rule", "more_ships" }, scenario.Variants.Select(v => v.Name).ToArray());
        var (baseline, windspire, ships) = (scenario.Variants[0].Parameters, scenario.Variants[1].Parameters, scenario.Variants[2].Parameters);
        Assert.Equal(6, baseline.Integer("uk.vessels.count"));
        Assert.Equal(0.0, baseline.Number("uk.windspire.return_probability"));
        Assert.Equal(1.0, windspire.Number("uk.windspire.return_probability"));
        Assert.Equal(6, windspire.Integer("uk.vessels.count"));
        Assert.Equal(10, ships.Integer("uk.vessels.count"));
        Assert.Equal("UK vessels return every permitted rescue.", scenario.Variants[1].Description);
    }

    [Fact]
    public void AVariantNamedBaselineIsPlacedFirstAndMayOverrideTheBase()
    {
        var scenario = TestCatalog.LoadValid(Header + """
            variants:
              high:
                weather.red_day_share: 0.5
              baseline:
                weather.red_day_share: 0.1
            """);
        Assert.Equal(new[] { "baseline", "high" }, scenario.Variants.Select(v => v.Name).ToArray());
        Assert.Equal(0.1, scenario.Variants[0].Parameters.Number("weather.red_day_share"));
    }

    [Fact]
    public void AVariantWithAnEmptyBodyEqualsTheBase()
    {
        var scenario = TestCatalog.LoadValid(Header + "uk.vessels.count: 3\nvariants:\n  same:\n");
        Assert.Equal(scenario.Variants[0].Parameters.Values, scenario.Variants[1].Parameters.Values);
    }

    [Theory]
    [InlineData("MoreShips")]
    [InlineData("more-ships")]
    [InlineData("2ships")]
    public void VariantNamesMustBeSnakeCase(string name)
    {
        var issue = TestCatalog.SingleIssue(Header + "variants:\n  " + name + ": {}\n");
        Assert.Equal("variants." + name, issue.KeyPath);
        Assert.Contains("snake_case", issue.Rule);
    }

    [Fact]
    public void VariantNamesMustBeUnique()
    {
        var issue = TestCatalog.SingleIssue(Header + "variants:\n  a: {}\n  a: {}\n");
        Assert.Equal(("variants.a", 4), (issue.KeyPath, issue.Line));
        Assert.Contains("duplicate", issue.Rule);
    }

    [Fact]
    public void ScenarioKeysCannotBeSetInsideAVariant()
    {
        var issue = TestCatalog.SingleIssue(Header + "variants:\n  a:\n    experiment:\n      replications: 3\n");
        Assert.Equal("variants.a.experiment", issue.KeyPath);
        Assert.Contains("cannot be set inside a variant", issue.Rule);
    }

    [Fact]
    public void AnUnknownKeyInAVariantIsReportedWithTheFullPath()
    {
        var issue = TestCatalog.SingleIssue(Header + "variants:\n  windspire_rule:\n    uk:\n      windspire:\n        return_probability: 1.5\n");
        Assert.Equal("variants.windspire_rule.uk.windspire.return_probability", issue.KeyPath);
        Assert.Equal((6, 29), (issue.Line, issue.Column));
    }

    [Fact]
    public void TimelineChangesAreSortedAndVariantChangesAppendedStablyByDate()
    {
        var scenario = TestCatalog.LoadValid(Header + """
            timeline:
              - date: 2024-07-01
                set:
                  french.maritime.doctrine: shallow_water
              - date: 2024-11-28
                set:
                  french.maritime.doctrine: before_boarding
            variants:
              early_full:
                timeline:
                  - date: 2024-03-01
                    set: { french.maritime.doctrine: full, uk.vessels.count: 8 }
                  - date: 2024-07-01
                    set:
                      french:
                        maritime.doctrine: full
            """);
        var baseline = scenario.Variants[0].Parameters.Timeline;
        Assert.Equal(new[] { "shallow_water", "before_boarding" }, baseline.Select(c => c.Value.Text).ToArray());
        var variant = scenario.Variants[1].Parameters.Timeline;
        Assert.Equal(new[]
        {
            new TimelineChange(new DateOnly(2024, 3, 1), "french.maritime.doctrine", ParameterValue.Of("full")),
            new TimelineChange(new DateOnly(2024, 3, 1), "uk.vessels.count", ParameterValue.Of(8)),
            // Same date: the base change stays before the variant's.
            new TimelineChange(new DateOnly(2024, 7, 1), "french.maritime.doctrine", ParameterValue.Of("shallow_water")),
            new TimelineChange(new DateOnly(2024, 7, 1), "french.maritime.doctrine", ParameterValue.Of("full")),
            new TimelineChange(new DateOnly(2024, 11, 28), "french.maritime.doctrine", ParameterValue.Of("before_boarding")),
        }, variant.ToArray());
    }

    [Fact]
    public void TimelineDatesOutOfOrderAreAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + """
            timeline:
              - date: 2024-05-01
                set: { uk.vessels.count: 5 }
              - date: 2024-04-01
                set: { uk.vessels.count: 6 }
            """);
        Assert.Equal(("timeline[1].date", "2024-04-01", 5, 11), (issue.KeyPath, issue.Value, issue.Line, issue.Column));
        Assert.Contains("earlier than the entry before it (timeline[0].date = 2024-05-01)", issue.Rule);
    }

    [Fact]
    public void ATimelineDateOutsideTheSimulatedPeriodIsAnError()
    {
        var result = TestCatalog.Load(Header + """
            calendar: { start_date: 2024-01-01, horizon_days: 31 }
            timeline:
              - date: 2023-12-31
                set: { uk.vessels.count: 5 }
              - date: 2024-01-31
                set: { uk.vessels.count: 6 }
              - date: 2024-02-01
                set: { uk.vessels.count: 7 }
            """);
        Assert.Equal(new[] { "timeline[0].date", "timeline[2].date" }, result.Issues.Select(i => i.KeyPath).ToArray());
        Assert.Contains("outside the simulated period, 2024-01-01 to 2024-01-31", result.Issues[0].Rule);
    }

    [Fact]
    public void AVariantThatShortensTheHorizonIsCheckedAgainstItsOwnPeriod()
    {
        var issue = TestCatalog.SingleIssue(Header + """
            timeline:
              - date: 2024-06-01
                set: { uk.vessels.count: 5 }
            variants:
              short_run:
                calendar.horizon_days: 30
            """);
        Assert.Equal("timeline[0].date", issue.KeyPath);
        Assert.Contains("of variant 'short_run'", issue.Rule);
    }

    [Fact]
    public void TimelineEntriesNeedADateAndASetOfKnownKeys()
    {
        var result = TestCatalog.Load(Header + """
            timeline:
              - set: { uk.vessels.count: 5 }
              - date: 2024-02-01
              - date: 2024-03-01
                set: { uk.vessels.cont: 5 }
                when: later
            """);
        Assert.Equal(new[] { "timeline[0].date", "timeline[1].set", "timeline[2].set.uk.vessels.cont", "timeline[2].when" },
            result.Issues.Select(i => i.KeyPath).ToArray());
        Assert.Contains("did you mean 'uk.vessels.count'?", result.Issues[2].Rule);
    }

    [Fact]
    public void TheCalendarCannotChangeDuringARun()
    {
        var issue = TestCatalog.SingleIssue(Header + "timeline:\n  - date: 2024-02-01\n    set: { calendar.horizon_days: 10 }\n");
        Assert.Equal("timeline[0].set.calendar.horizon_days", issue.KeyPath);
        Assert.Contains("cannot change during a run", issue.Rule);
    }

    [Fact]
    public void AMisspelledDescriptionInAVariantIsSuggested()
    {
        var issue = TestCatalog.SingleIssue(Header + "variants:\n  a:\n    descripton: more\n");
        Assert.Equal("variants.a.descripton", issue.KeyPath);
        Assert.Contains("did you mean 'description'?", issue.Rule);
    }
}
