using Simulation.Core.Domain.Validation;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Domain;

public class ValidationRecordTests
{
    /// <summary>Rows of the tables under "## 2024 baseline", "## 2022" and "## 2023" of docs/VALIDATION.md.</summary>
    private static List<(int Year, string[] Cells)> DocumentRows()
    {
        var rows = new List<(int, string[])>();
        int year = 0;
        foreach (string line in File.ReadLines(Path.Combine(RepositoryPaths.Root(), "docs", "VALIDATION.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                year = line.StartsWith("## 2024 baseline", StringComparison.Ordinal) ? 2024
                    : line.StartsWith("## 2022", StringComparison.Ordinal) ? 2022
                    : line.StartsWith("## 2023", StringComparison.Ordinal) ? 2023 : 0;
                continue;
            }
            if (year == 0 || !line.StartsWith('|') || line.StartsWith("| metric", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal)) continue;
            rows.Add((year, line.Trim('|').Split('|').Select(c => c.Trim()).ToArray()));
        }
        return rows;
    }

    [Fact]
    public void TheEmbeddedTableIsTheOneInValidationMd()
    {
        var document = DocumentRows();
        Assert.Equal(document.Count, ValidationRecord.Checks.Length);
        for (int i = 0; i < document.Count; i++)
        {
            var (year, cells) = document[i];
            var check = ValidationRecord.Checks[i];
            Assert.Equal(year, check.Year);
            Assert.Equal(cells, new[] { check.Metric, check.Target, check.ModelMean, check.Interval, check.Verdict });
        }
    }

    [Fact]
    public void AMissIsExactlyWhatTheDocumentCallsAMiss()
    {
        foreach (var check in ValidationRecord.Checks)
        {
            Assert.Equal(check.Verdict.Contains("miss", StringComparison.OrdinalIgnoreCase), check.Outcome == ValidationOutcome.Missed);
        }
        // Model v2 meets every judged 2022 target (deaths and prevention were the two misses before).
        Assert.Equal(0, ValidationRecord.ForYear(2022).Count(c => c.Outcome == ValidationOutcome.Missed));
        Assert.True(ValidationRecord.ForYear(2022).Count(c => c.Outcome == ValidationOutcome.Met) >= 7);
        Assert.Empty(ValidationRecord.ForYear(2025));
        Assert.All(ValidationRecord.Scenarios.Values, p => Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root(), p)), p));
    }
}
