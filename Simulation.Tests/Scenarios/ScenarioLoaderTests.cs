using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private const string Header = "schema_version: 1\n";

    [Fact]
    public void AMinimalFileGivesOneBaselineVariantWithCatalogDefaults()
    {
        var scenario = TestCatalog.LoadValid(Header);
        var variant = Assert.Single(scenario.Variants);
        Assert.Equal("baseline", variant.Name);
        foreach (var spec in TestCatalog.Specs)
            Assert.Equal(spec.Default, variant.Parameters.Values[spec.Path]);
        Assert.Equal("test", scenario.Name);
        Assert.Equal(100, scenario.DefaultReplications);
        Assert.Equal(20240101UL, scenario.DefaultSeed);
    }

    [Fact]
    public void ValuesOfEveryKindAreReadIntoTheParameterSet()
    {
        var scenario = TestCatalog.LoadValid(Header + """
            name: every-kind
            description: >
              Checks every kind.
            experiment:
              replications: 250
              seed: 18446744073709551615
            calendar:
              start_date: 2025-03-01
              horizon_days: 90
            weather:
              red_day_share: 0.5
              series_file: "data/weather 2024.csv"
            uk:
              windspire:
                return_probability: 1
              vessels:
                count: 7
                speed_knots: 25.5
            french:
              maritime:
                doctrine: shallow_water
            returns:
              one_in_one_out_enabled: true
            demand:
              quarterly_weights: [0.5, 1, 1.5, 2e0]
            """);
        var p = Assert.Single(scenario.Variants).Parameters;
        Assert.Equal("every-kind", scenario.Name);
        Assert.Equal("Checks every kind.", scenario.Description);
        Assert.Equal(250, scenario.DefaultReplications);
        Assert.Equal(ulong.MaxValue, scenario.DefaultSeed);
        Assert.Equal(new DateOnly(2025, 3, 1), p.Date("calendar.start_date"));
        Assert.Equal(90, p.Integer("calendar.horizon_days"));
        Assert.Equal(0.5, p.Number("weather.red_day_share"));
        Assert.Equal("data/weather 2024.csv", p.Text("weather.series_file"));
        Assert.Equal(1.0, p.Number("uk.windspire.return_probability"));
        Assert.Equal(7, p.Integer("uk.vessels.count"));
        Assert.Equal(25.5, p.Number("uk.vessels.speed_knots"));
        Assert.Equal("shallow_water", p.Text("french.maritime.doctrine"));
        Assert.True(p.Boolean("returns.one_in_one_out_enabled"));
        Assert.Equal(new[] { 0.5, 1, 1.5, 2 }, p.List("demand.quarterly_weights"));
    }

    [Fact]
    public void DottedKeysWorkAtAnyLevelOfNesting()
    {
        var scenario = TestCatalog.LoadValid(Header + """
            uk.windspire.return_probability: 0.25
            uk:
              vessels.count: 9
            french.maritime:
              doctrine: full
            """);
        var p = scenario.Variants[0].Parameters;
        Assert.Equal(0.25, p.Number("uk.windspire.return_probability"));
        Assert.Equal(9, p.Integer("uk.vessels.count"));
        Assert.Equal("full", p.Text("french.maritime.doctrine"));
    }

    [Fact]
    public void AnUnknownKeyIsReportedWithItsPathLineAndASuggestion()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk:\n  windspire:\n    return_probabilty: 0.5\n");
        Assert.Equal("test.yaml", issue.File);
        Assert.Equal("uk.windspire.return_probabilty", issue.KeyPath);
        Assert.Equal((4, 5), (issue.Line, issue.Column));
        Assert.Contains("is not a known key", issue.Rule);
        Assert.Contains("did you mean 'uk.windspire.return_probability'?", issue.Rule);
    }

    [Fact]
    public void AKeyUnderTheWrongGroupIsSuggestedByItsLastSegment()
    {
        var issue = TestCatalog.SingleIssue(Header + "weather:\n  doctrine: full\n");
        Assert.Equal("weather.doctrine", issue.KeyPath);
        Assert.Contains("did you mean 'french.maritime.doctrine'?", issue.Rule);
    }

    [Fact]
    public void AMisspelledScenarioKeyIsSuggestedToo()
    {
        var issue = TestCatalog.SingleIssue(Header + "variant:\n  a: {}\n");
        Assert.Equal("variant", issue.KeyPath);
        Assert.Contains("did you mean 'variants'?", issue.Rule);
    }

    [Fact]
    public void SchemaVersionIsRequired()
    {
        var issue = TestCatalog.SingleIssue("calendar.horizon_days: 10\n");
        Assert.Equal("schema_version", issue.KeyPath);
        Assert.Contains("is required", issue.Rule);
    }

    [Fact]
    public void SchemaVersionMustBeOne()
    {
        var issue = TestCatalog.SingleIssue("schema_version: 2\n");
        Assert.Equal(("schema_version", "2", 1, 17), (issue.KeyPath, issue.Value, issue.Line, issue.Column));
        Assert.Contains("must be 1", issue.Rule);
    }

    [Theory]
    [InlineData("1.5", "must be a probability between 0 and 1")]
    [InlineData("-0.1", "must be a probability between 0 and 1")]
    [InlineData("half", "must be a probability between 0 and 1")]
    [InlineData(".nan", "must be a finite number")]
    [InlineData(".inf", "must be a finite number")]
    [InlineData("NaN", "must be a finite number")]
    [InlineData("-Infinity", "must be a finite number")]
    [InlineData("0,5", "must be a probability between 0 and 1")]
    public void AProbabilityMustBeAFiniteNumberBetweenZeroAndOne(string value, string rule)
    {
        var issue = TestCatalog.SingleIssue(Header + "weather:\n  red_day_share: " + value + "\n");
        Assert.Equal(("weather.red_day_share", value, 3, 18), (issue.KeyPath, issue.Value, issue.Line, issue.Column));
        Assert.Contains(rule, issue.Rule);
    }

    [Theory]
    [InlineData("0", "between 1 and 60 knots")]
    [InlineData("61", "between 1 and 60 knots")]
    [InlineData("fast", "must be a number between 1 and 60 knots")]
    [InlineData("0x10", "must be a number")]
    public void ANumberMustBeWithinItsRange(string value, string rule)
    {
        var issue = TestCatalog.SingleIssue(Header + "uk.vessels.speed_knots: " + value + "\n");
        Assert.Equal("uk.vessels.speed_knots", issue.KeyPath);
        Assert.Contains(rule, issue.Rule);
    }

    [Theory]
    [InlineData("4.5")]
    [InlineData("51")]
    [InlineData("-1")]
    [InlineData("1e12")]
    public void AnIntegerMustBeAWholeNumberWithinItsRange(string value)
    {
        var issue = TestCatalog.SingleIssue(Header + "uk.vessels.count: " + value + "\n");
        Assert.Equal(value, issue.Value);
        Assert.Equal("must be a whole number between 0 and 50 vessels", issue.Rule);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("on")]
    public void ABooleanMustBeTrueOrFalse(string value)
    {
        var issue = TestCatalog.SingleIssue(Header + "returns.one_in_one_out_enabled: " + value + "\n");
        Assert.Equal("must be true or false", issue.Rule);
    }

    [Fact]
    public void AChoiceMustBeOneOfItsNamesWithASuggestion()
    {
        var issue = TestCatalog.SingleIssue(Header + "french.maritime.doctrine: shallow-water\n");
        Assert.Equal("must be one of: none, shallow_water, before_boarding, full (did you mean 'shallow_water'?)", issue.Rule);
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("01/02/2024")]
    [InlineData("2024-1-5")]
    public void ADateMustBeAnIsoDate(string value)
    {
        var issue = TestCatalog.SingleIssue(Header + "calendar.start_date: " + value + "\n");
        Assert.Contains("must be a date written yyyy-MM-dd", issue.Rule);
    }

    [Fact]
    public void AListMustHaveTheRequiredLength()
    {
        var issue = TestCatalog.SingleIssue(Header + "demand.quarterly_weights: [1, 2, 3]\n");
        Assert.Equal("demand.quarterly_weights", issue.KeyPath);
        Assert.Contains("a list of 4 numbers", issue.Rule);
        Assert.Contains("this list has 3", issue.Rule);
    }

    [Fact]
    public void EveryBadListItemIsReportedWithItsIndex()
    {
        var result = TestCatalog.Load(Header + "demand.quarterly_weights: [1, x, 11, .nan]\n");
        Assert.Equal(new[] { "demand.quarterly_weights[1]", "demand.quarterly_weights[2]", "demand.quarterly_weights[3]" },
            result.Issues.Select(i => i.KeyPath).ToArray());
        Assert.Equal(new[] { 31, 34, 38 }, result.Issues.Select(i => i.Column).ToArray());
    }

    [Fact]
    public void AListWhereAValueIsExpectedIsAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk.vessels.count: [1, 2]\n");
        Assert.Contains("not a list", issue.Rule);
    }

    [Fact]
    public void AMappingWhereAValueIsExpectedIsAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk:\n  vessels:\n    count:\n      max: 3\n");
        Assert.Equal(("uk.vessels.count", 5, 7), (issue.KeyPath, issue.Line, issue.Column));
        Assert.Contains("not a mapping", issue.Rule);
    }

    [Fact]
    public void AValueWhereAGroupIsExpectedIsAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk.vessels: 4\n");
        Assert.Equal("uk.vessels", issue.KeyPath);
        Assert.Contains("is a group of settings (uk.vessels.count, uk.vessels.speed_knots", issue.Rule);
    }

    [Fact]
    public void AnEmptyValueIsReportedAsMissing()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk.vessels.count:\n");
        Assert.StartsWith("needs a value", issue.Rule);
    }

    [Fact]
    public void ATextValueMayBeEmptyWhenQuoted()
    {
        var scenario = TestCatalog.LoadValid(Header + "weather.series_file: \"\"\n");
        Assert.Equal("", scenario.Variants[0].Parameters.Text("weather.series_file"));
    }

    [Fact]
    public void ADuplicateKeyIsAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk:\n  vessels.count: 3\n  vessels.count: 4\n");
        Assert.Equal(("uk.vessels.count", 4, 3), (issue.KeyPath, issue.Line, issue.Column));
        Assert.Contains("duplicate key (first at line 3)", issue.Rule);
    }

    [Fact]
    public void SettingOneParameterTwiceThroughDifferentSpellingsIsAnError()
    {
        var issue = TestCatalog.SingleIssue(Header + "uk:\n  vessels:\n    count: 3\nuk.vessels.count: 4\n");
        Assert.Equal(("uk.vessels.count", 5), (issue.KeyPath, issue.Line));
        Assert.Contains("a second time (first at line 4)", issue.Rule);
    }

    [Fact]
    public void ExperimentSettingsAreChecked()
    {
        var result = TestCatalog.Load(Header + "experiment:\n  replications: 0\n  seed: -1\n  seeds: 3\n");
        Assert.Equal(new[] { "experiment.replications", "experiment.seed", "experiment.seeds" }, result.Issues.Select(i => i.KeyPath).ToArray());
        Assert.Contains("at least 1", result.Issues[0].Rule);
        Assert.Contains("unsigned 64-bit", result.Issues[1].Rule);
        Assert.Contains("did you mean 'seed'?", result.Issues[2].Rule);
    }

    [Fact]
    public void ANameMustBeUsableAsAFolderName()
    {
        var issue = TestCatalog.SingleIssue(Header + "name: ../evil\n");
        Assert.Equal("name", issue.KeyPath);
    }

    [Fact]
    public void AllProblemsOfAFileAreReportedTogetherInLineOrder()
    {
        var result = TestCatalog.Load("""
            schema_version: 1
            calendar:
              horizon_days: many
            weather:
              red_day_share: 1.2
              red_days: 3
            french.maritime.doctrine: partial
            variants:
              more_ships:
                uk.vessels.count: 99
            """);
        Assert.False(result.IsValid);
        Assert.Null(result.Scenario);
        Assert.Equal(new[] { "calendar.horizon_days", "weather.red_day_share", "weather.red_days", "french.maritime.doctrine", "variants.more_ships.uk.vessels.count" },
            result.Issues.Select(i => i.KeyPath).ToArray());
        Assert.Equal(new[] { 3, 5, 6, 7, 10 }, result.Issues.Select(i => i.Line).ToArray());
    }

    [Fact]
    public void IssueTextNamesFileLineColumnPathValueAndRule()
    {
        var issue = TestCatalog.SingleIssue(Header + "weather:\n  red_day_share: 1.2\n");
        Assert.Equal("test.yaml:3:18: weather.red_day_share = 1.2: must be a probability between 0 and 1", issue.ToString());
    }

    [Fact]
    public void NumbersParseTheSameUnderACommaDecimalCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            var scenario = TestCatalog.LoadValid(Header + "weather.red_day_share: 0.5\nuk.vessels.speed_knots: 1e1\n");
            Assert.Equal(0.5, scenario.Variants[0].Parameters.Number("weather.red_day_share"));
            Assert.Equal(10.0, scenario.Variants[0].Parameters.Number("uk.vessels.speed_knots"));
            Assert.Contains("red_day_share: 0.5\n", scenario.ResolvedYaml, StringComparison.Ordinal);
            // In fr-FR "0,5" is a number; in a scenario file it is not.
            Assert.False(TestCatalog.Load(Header + "weather.red_day_share: 0,5\n").IsValid);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AQuotedNumberIsReadByTheKindOfItsKey()
    {
        var scenario = TestCatalog.LoadValid(Header + "weather.red_day_share: \"0.25\"\n");
        Assert.Equal(0.25, scenario.Variants[0].Parameters.Number("weather.red_day_share"));
    }

    [Fact]
    public void TheSha256CoversTheFileBytes()
    {
        var text = Header + "weather.red_day_share: 0.25\n";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, TestCatalog.LoadValid(text).Sha256);
    }

    [Fact]
    public void TheDefaultNameIsTheFileNameMadeSafe()
    {
        Assert.Equal("more-patrols", TestCatalog.LoadValid(Header, "dir/more-patrols.yaml").Name);
        Assert.Equal("my-study-2", TestCatalog.LoadValid(Header, "my study 2.yaml").Name);
    }

    [Fact]
    public void TheModelCatalogIsConsistentAndItsDefaultsPassItsOwnRules()
    {
        // Catches a catalog entry whose default breaks its own range, a bad path, or a path that is
        // also a group: the resolved YAML writes every default and loading it checks each one.
        var result = ScenarioLoader.LoadText(Header, "defaults.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        var again = ScenarioLoader.LoadText(result.Scenario!.ResolvedYaml, "resolved.yaml");
        Assert.True(again.IsValid, string.Join("\n", again.Issues));
        foreach (var spec in ParameterCatalog.All)
            Assert.Equal(spec.Default, again.Scenario!.Variants[0].Parameters.Values[spec.Path]);
    }

    [Fact]
    public void ExperimentKeysMayBeDottedButNotSetTwice()
    {
        Assert.Equal(5UL, TestCatalog.LoadValid(Header + "experiment.seed: 5\n").DefaultSeed);
        var issue = TestCatalog.SingleIssue(Header + "experiment:\n  seed: 1\nexperiment.seed: 2\n");
        Assert.Equal(("experiment.seed", 4), (issue.KeyPath, issue.Line));
        Assert.Contains("second time", issue.Rule);
    }
}
