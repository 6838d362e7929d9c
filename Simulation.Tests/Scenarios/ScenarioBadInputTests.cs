using System.Text;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

/// <summary>Hostile or broken files: each gives located issues, never an exception or a hang.</summary>
public class ScenarioBadInputTests
{
    [Fact]
    public void AnEmptyFileIsReported()
    {
        var issue = TestCatalog.SingleIssue("");
        Assert.Equal((1, 1), (issue.Line, issue.Column));
        Assert.Contains("empty", issue.Rule);
    }

    [Fact]
    public void AFileOfOnlyCommentsIsEmpty()
    {
        Assert.Contains("empty", TestCatalog.SingleIssue("# nothing here\n").Rule);
    }

    [Fact]
    public void ATruncatedFileIsAYamlSyntaxErrorWithItsPosition()
    {
        var issue = TestCatalog.SingleIssue("schema_version: 1\ndemand:\n  quarterly_weights: [1, 2,\n");
        Assert.Equal(4, issue.Line);
        Assert.Contains("is not valid YAML", issue.Rule);
    }

    [Theory]
    // A tab indenting a key on line 6 after a scalar: the scanner blamed the end of line 5.
    [InlineData("schema_version: 1\nname: t\ncalendar:\n  start_date: 2024-01-01\n  horizon_days: 10\n\thorizon_days: 3\n", 6, 1)]
    // A tab indenting a nested key on line 7: the scanner blamed 1:1.
    [InlineData("schema_version: 1\nname: t\ncalendar:\n  start_date: 2024-01-01\n  horizon_days: 10\ndemand:\n\tx: 3\n", 7, 1)]
    // After spaces, on a line by itself.
    [InlineData("schema_version: 1\nname: t\ncalendar:\n  start_date: 2024-01-01\n  horizon_days: 10\n \tdemand: 3\n", 6, 2)]
    public void ATabInTheIndentationIsReportedWhereTheTabIs(string text, int line, int column)
    {
        var issue = TestCatalog.SingleIssue(text);
        Assert.Equal((line, column), (issue.Line, issue.Column));
        Assert.Contains("tab", issue.Rule, StringComparison.Ordinal);
        Assert.Contains("spaces", issue.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ATabBetweenAKeyAndItsValueIsFine()
    {
        var result = ScenarioLoader.LoadText("schema_version: 1\ncalendar:\n  horizon_days:\t10\n", "tab.yaml");
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
    }

    [Fact]
    public void AnUnclosedQuoteIsAYamlSyntaxError()
    {
        var issue = TestCatalog.SingleIssue("schema_version: 1\nweather.series_file: \"abc\n");
        Assert.Equal(2, issue.Line);
        Assert.Contains("is not valid YAML", issue.Rule);
    }

    [Fact]
    public void BadIndentationIsAYamlSyntaxError()
    {
        var issue = TestCatalog.SingleIssue("schema_version: 1\nuk:\n  vessels.count: 3\n speed: 4\n");
        Assert.Contains("is not valid YAML", issue.Rule);
    }

    [Fact]
    public void InvalidUtf8IsReportedAtTheFirstBadByte()
    {
        using var dir = new TempScenarioDirectory();
        var bytes = Encoding.UTF8.GetBytes("schema_version: 1\nname: ab").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        var path = dir.WriteBytes("latin.yaml", bytes);
        var issue = Assert.Single(ScenarioLoader.Load(path, TestCatalog.Specs).Issues);
        Assert.Equal((2, 9, "0xC3"), (issue.Line, issue.Column, issue.Value));
        Assert.Contains("not valid UTF-8", issue.Rule);
    }

    [Fact]
    public void ABinaryFileIsReportedAsNotText()
    {
        using var dir = new TempScenarioDirectory();
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        bytes[10] = 0;
        var issue = Assert.Single(ScenarioLoader.Load(dir.WriteBytes("blob.yaml", bytes), TestCatalog.Specs).Issues);
        Assert.True(issue.Line >= 1);
        Assert.True(issue.Rule.Contains("UTF-8", StringComparison.Ordinal) || issue.Rule.Contains("binary", StringComparison.Ordinal), issue.Rule);
    }

    [Fact]
    public void ANulByteInOtherwiseValidTextIsReported()
    {
        using var dir = new TempScenarioDirectory();
        var path = dir.WriteBytes("nul.yaml", Encoding.UTF8.GetBytes("schema_version: 1\n\0\n"));
        var issue = Assert.Single(ScenarioLoader.Load(path, TestCatalog.Specs).Issues);
        Assert.Equal((2, 1), (issue.Line, issue.Column));
        Assert.Contains("binary", issue.Rule);
    }

    [Fact]
    public void AUtf8ByteOrderMarkIsAccepted()
    {
        using var dir = new TempScenarioDirectory();
        var path = dir.WriteBytes("bom.yaml", new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("schema_version: 1\n")).ToArray());
        Assert.True(ScenarioLoader.Load(path, TestCatalog.Specs).IsValid);
    }

    [Fact]
    public void AMissingFileIsAnIssueNotAnException()
    {
        var issue = Assert.Single(ScenarioLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario-" + Guid.NewGuid() + ".yaml"), TestCatalog.Specs).Issues);
        Assert.Equal("file not found", issue.Rule);
    }

    [Fact]
    public void ADirectoryIsAnIssueNotAnException()
    {
        using var dir = new TempScenarioDirectory();
        Assert.Contains("directory", Assert.Single(ScenarioLoader.Load(dir.Root, TestCatalog.Specs).Issues).Rule);
    }

    [Fact]
    public void AFileLargerThanTheLimitIsRejectedBeforeParsing()
    {
        using var dir = new TempScenarioDirectory();
        var path = Path.Combine(dir.Root, "huge.yaml");
        using (var stream = File.Create(path)) stream.SetLength(ScenarioLoader.MaxFileBytes + 1);
        var issue = Assert.Single(ScenarioLoader.Load(path, TestCatalog.Specs).Issues);
        Assert.Contains("limited to 10 MB", issue.Rule);
    }

    [Fact]
    public void DeepNestingIsRejectedWithoutStackOverflow()
    {
        var deep = "schema_version: 1\nuk: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
        var issue = TestCatalog.SingleIssue(deep);
        Assert.Contains("nested more than", issue.Rule);
    }

    [Fact]
    public void AliasesAreRejectedWithTheReason()
    {
        var result = TestCatalog.Load("schema_version: 1\nweather.red_day_share: &share 0.3\nuk.windspire.return_probability: *share\n");
        var issue = Assert.Single(result.Issues);
        Assert.Equal((3, 34, "*share"), (issue.Line, issue.Column, issue.Value));
        Assert.Contains("aliases (*name) are not allowed", issue.Rule);
    }

    [Fact]
    public void ABillionLaughsFileEndsQuicklyWithIssues()
    {
        var sb = new StringBuilder("schema_version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            sb.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = TestCatalog.Load(sb.ToString());
        Assert.False(result.IsValid);
        Assert.Contains(result.Issues, i => i.Rule.Contains("aliases", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void TwoDocumentsInOneFileAreAnError()
    {
        var issue = TestCatalog.SingleIssue("schema_version: 1\n---\nschema_version: 1\n");
        Assert.Equal(2, issue.Line);
        Assert.Contains("one YAML document", issue.Rule);
    }

    [Fact]
    public void ATopLevelListIsAnError()
    {
        Assert.Contains("must be a mapping", TestCatalog.SingleIssue("- schema_version: 1\n").Rule);
    }

    [Fact]
    public void AComplexKeyIsAnError()
    {
        var result = TestCatalog.Load("schema_version: 1\n? [a, b]\n: 3\n");
        Assert.Contains(result.Issues, i => i.Rule.Contains("keys must be plain names", StringComparison.Ordinal));
    }

    [Fact]
    public void RandomTextNeverThrows()
    {
        // Mutations of a valid file (deleted, repeated and replaced characters) exercise the parser's
        // error paths; any exception fails the test. Fixed seed so a failure can be replayed.
        var valid = "schema_version: 1\nuk:\n  vessels: { count: 3, speed_knots: 12 }\ntimeline:\n  - date: 2024-02-01\n    set: { french.maritime.doctrine: full }\nvariants:\n  a: { demand.quarterly_weights: [1, 2, 3, 4] }\n";
        var random = new Random(20240101);
        const string alphabet = " :-[]{}\n\t#&*!|>'\",.?0a";
        for (var round = 0; round < 400; round++)
        {
            var chars = valid.ToCharArray().ToList();
            for (var edit = 0; edit < 1 + random.Next(4); edit++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            var result = TestCatalog.Load(new string(chars.ToArray()));
            Assert.True(result.IsValid || result.Issues.Length > 0);
            Assert.All(result.Issues, i => Assert.True(i.Line >= 1 && i.Column >= 1, i.ToString()));
        }
    }

    [Fact]
    public void APeriodReachingPastTheLastRepresentableDateDoesNotThrow()
    {
        var result = TestCatalog.Load("schema_version: 1\ncalendar: { start_date: 9999-12-01, horizon_days: 3660 }\ntimeline:\n  - date: 9999-12-31\n    set: { uk.vessels.count: 3 }\n");
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
    }

    [Fact]
    public void TooManyVariantsAreRefusedBeforeAnyIsResolved()
    {
        var sb = new StringBuilder("schema_version: 1\nvariants:\n");
        for (var i = 0; i <= ScenarioLoader.MaxVariants; i++) sb.Append("  v").Append(i).Append(": {}\n");
        var issue = TestCatalog.SingleIssue(sb.ToString());
        Assert.Equal("variants", issue.KeyPath);
        Assert.Contains("at most 1000", issue.Rule);
    }
}
