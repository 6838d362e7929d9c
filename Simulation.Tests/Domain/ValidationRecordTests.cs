using Simulation.Core.Domain.Validation;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Domain;

/// <summary>
/// The record the report shows is the machine-readable copy of the generated docs/VALIDATION.md (whose
/// bytes <c>BacktestTests</c> regenerate): read the committed document here with a plain split.
/// </summary>
public class ValidationRecordTests
{
    private static List<string[]> DocumentRows()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root(), "docs", "VALIDATION.md"));
        int header = Array.IndexOf(lines, ValidationRecord.CsvHeader);
        Assert.True(header > 0, "docs/VALIDATION.md has no machine-readable copy");
        return [.. lines.Skip(header + 1).TakeWhile(l => l != "```").Select(l => l.Split(','))];
    }

    [Fact]
    public void TheEmbeddedRecordIsTheCommittedDocumentsMachineReadableCopy()
    {
        var rows = DocumentRows();
        Assert.Equal(rows.Count, ValidationRecord.Checks.Length);
        for (int i = 0; i < rows.Count; i++)
        {
            var check = ValidationRecord.Checks[i];
            Assert.Equal(int.Parse(rows[i][0], System.Globalization.CultureInfo.InvariantCulture), check.Year);
            Assert.Equal(rows[i][1], check.Name);
            Assert.Equal(rows[i][2], check.Metric);
            Assert.Equal(rows[i][10] == "true" ? ValidationOutcome.Met : ValidationOutcome.Missed, check.Outcome);
        }
        // The calibration file's targets of the three validated years.
        Assert.All(new[] { 2022, 2023, 2024 }, y => Assert.True(ValidationRecord.ForYear(y).Count >= 5, $"{y}: {ValidationRecord.ForYear(y).Count} rows"));
    }

    [Fact]
    public void AMissIsExactlyWhatTheDocumentCallsAMiss()
    {
        foreach (var check in ValidationRecord.Checks)
            Assert.Equal(check.Verdict.StartsWith("miss", StringComparison.Ordinal), check.Outcome == ValidationOutcome.Missed);
        Assert.Contains(ValidationRecord.ForYear(2024), c => c.Metric == "arrivals_uk" && c.Target == "36,816");
        Assert.Empty(ValidationRecord.ForYear(2025));
        Assert.All(ValidationRecord.Scenarios.Values, p => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root(), p)), p));
    }

    [Fact]
    public void ARowOutsideTheCutOffIsAMiss()
    {
        string md = "x\n```csv\n" + ValidationRecord.CsvHeader + "\n2022,deaths_2022,deaths,16,6,26,60.5,40,80,4.2,false\n```\n";
        var check = Assert.Single(ValidationRecord.Parse(md));
        Assert.Equal(ValidationOutcome.Missed, check.Outcome);
        Assert.StartsWith("miss: I = 4.20 > 3", check.Verdict, StringComparison.Ordinal);
        Assert.Equal("60.5", check.ModelMean);
    }
}
