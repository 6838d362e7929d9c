using System.Text.RegularExpressions;
using Simulation.Cli;
using Simulation.Cli.Reporting;
using Simulation.Tests.Experiments;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Cli;

/// <summary>
/// Every compare example a user can copy (README.md, root --help, compare --help) runs with a few replications and
/// shows what it promises: each configuration labelled against the reference, non-zero differences, and the
/// configurations equal to the reference named as such rather than printed as zero effects.
/// </summary>
public class CompareExamplesTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "README.md"));
        string help = CliApp.RootDescription + "\n" + HelpExamples.For("compare");
        foreach (Match m in Regex.Matches(readme + "\n" + help, @"^\s*channelsim compare (?<args>[^\n(]+)", RegexOptions.Multiline))
        {
            string args = Regex.Replace(m.Groups["args"].Value, @"\s{2,}.*$", "").Trim();
            if (seen.Add(args)) data.Add(args);
        }
        return data;
    }

    [Fact]
    public void TheReadmeAndTheHelpHaveCompareExamples() => Assert.True(Examples().Count >= 3);

    [Theory]
    [MemberData(nameof(Examples))]
    public void ACompareExampleShowsNonZeroDifferencesLabelledAgainstTheReference(string example)
    {
        using var temp = new TempDirectory();
        string root = RepositoryPaths.Root();
        // The example as written, with few replications and its own output directory.
        var args = new List<string> { "compare" };
        var tokens = example.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is "-r" or "--replications" or "--out" or "-o") { i++; continue; }
            if (tokens[i] == "--no-plots") continue;
            args.Add(tokens[i].StartsWith("scenarios/", StringComparison.Ordinal) ? Path.Combine(root, tokens[i]) : tokens[i]);
        }
        args.AddRange(["-r", "3", "--threads", "2", "--no-plots", "--out", temp.Sub("out")]);
        var (code, stdout, err) = CliRun.Invoke([.. args]);
        Assert.True(code == 0, example + "\n" + err);

        var summary = ResultsReader.ReadSummary(temp.Sub("out/summary.json"));
        string reference = summary.Baseline.Name;
        Assert.Contains('/', reference);
        foreach (var variant in summary.Variants.Skip(1))
        {
            if (summary.IsIdentical(variant.Name))
            {
                Assert.Contains($"{variant.Name}: identical to the reference {reference}", stdout, StringComparison.Ordinal);
                Assert.DoesNotContain($"{variant.Name} vs ", stdout, StringComparison.Ordinal);
                continue;
            }
            Assert.Contains($"{variant.Name} vs {reference}", stdout, StringComparison.Ordinal);
            Assert.True(summary.Comparisons[variant.Name].Values.Any(c => c.MeanDiff != 0), $"{example}: {variant.Name} differs from {reference} in nothing");
        }
        Assert.True(summary.Variants.Count - 1 - summary.IdenticalToReference.Count >= 2, example + ": fewer than two configurations with an effect");
    }
}
