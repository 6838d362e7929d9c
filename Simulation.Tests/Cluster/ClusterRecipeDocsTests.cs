using System.Text.RegularExpressions;
using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Cluster;

/// <summary>
/// docs/CLUSTER.md shows the recipes of docs/cluster verbatim, and the Slurm test submits those files: so what the
/// page shows is what a real scheduler ran, not a copy that may drift.
/// </summary>
public partial class ClusterRecipeDocsTests
{
    private static string ClusterDirectory => Path.Combine(RepositoryPaths.Root(), "docs", "cluster");

    /// <summary>A line naming the file the next fenced block shows: [`docs/cluster/NAME`](cluster/NAME):</summary>
    [GeneratedRegex(@"^\[`docs/cluster/(?<name>[^`]+)`\]\(cluster/(?<link>[^)]+)\):$")]
    private static partial Regex FileHeading();

    /// <summary>A setting with its default, as each recipe declares it: NAME=${NAME:-default}.</summary>
    [GeneratedRegex(@"^(?:export )?(?<name>[A-Z_]+)=\$\{\k<name>:-(?<value>[^}]*)\}", RegexOptions.Multiline)]
    private static partial Regex Setting();

    [Fact]
    public void EveryRecipeFileIsShownVerbatimInClusterMdAndEveryShownFileIsARecipe()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root(), "docs", "CLUSTER.md"));
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            Match heading = FileHeading().Match(lines[i]);
            if (!heading.Success) continue;
            string name = heading.Groups["name"].Value;
            Assert.Equal(name, heading.Groups["link"].Value);
            // The block follows after one blank line.
            Assert.True(i + 2 < lines.Length && lines[i + 1].Length == 0 && lines[i + 2].StartsWith("```", StringComparison.Ordinal),
                $"CLUSTER.md line {i + 1} names {name} but no fenced block follows it after a blank line");
            int end = Array.FindIndex(lines, i + 3, l => l == "```");
            Assert.True(end > 0, $"the block for {name} (CLUSTER.md line {i + 3}) is not closed");
            Assert.False(shown.ContainsKey(name), $"{name} is shown twice in CLUSTER.md");
            shown[name] = string.Join('\n', lines[(i + 3)..end]) + "\n";
            i = end;
        }
        string[] files = Directory.GetFiles(ClusterDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
        Assert.Equal(files, shown.Keys.Order(StringComparer.Ordinal));
        foreach (string name in files)
        {
            string text = File.ReadAllText(Path.Combine(ClusterDirectory, name));
            Assert.True(text == shown[name], $"docs/CLUSTER.md shows a different {name} than docs/cluster/{name}: copy the file into the page " +
                $"(first difference at character {FirstDifference(text, shown[name])})");
        }
    }

    [Fact]
    public void RecipesThatWorkTogetherShareTheirDefaultsAndAreExecutable()
    {
        Dictionary<string, string> Defaults(string name) =>
            Setting().Matches(File.ReadAllText(Path.Combine(ClusterDirectory, name)))
                .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Groups["value"].Value, StringComparer.Ordinal);
        var run = Defaults("run-shards.sbatch");
        var merge = Defaults("merge.sbatch");
        var wave = Defaults("calibration-wave.sbatch");
        var waveMerge = Defaults("calibration-merge.sbatch");
        var submit = Defaults("submit.sh");
        // A recipe submitted alone must find the directories its partner wrote.
        foreach (string key in new[] { "CHANNELSIM", "SHARDS", "OUT_ROOT" }) Same(key, "run-shards.sbatch", run, "merge.sbatch", merge);
        foreach (string key in new[] { "CHANNELSIM", "SHARDS", "OUT_ROOT", "WAVE" }) Same(key, "calibration-wave.sbatch", wave, "calibration-merge.sbatch", waveMerge);
        Same("SHARDS", "run-shards.sbatch", run, "calibration-wave.sbatch", wave);
        Same("SHARDS", "run-shards.sbatch", run, "submit.sh", submit);
        Same("CHANNELSIM", "run-shards.sbatch", run, "submit.sh", submit);
        string submitText = File.ReadAllText(Path.Combine(ClusterDirectory, "submit.sh"));
        Assert.Contains($"export OUT_ROOT=${{OUT_ROOT:-{run["OUT_ROOT"]}}}", submitText, StringComparison.Ordinal);
        Assert.Contains($"export OUT_ROOT=${{OUT_ROOT:-{wave["OUT_ROOT"]}}}", submitText, StringComparison.Ordinal);
        Assert.Contains("--dependency=\"afterok:$array_job\"", submitText, StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            foreach (string file in Directory.GetFiles(ClusterDirectory))
            {
                Assert.True(File.GetUnixFileMode(file).HasFlag(UnixFileMode.UserExecute), file + " must be executable");
            }
        }
    }

    private static void Same(string key, string file, Dictionary<string, string> defaults, string otherFile, Dictionary<string, string> otherDefaults)
    {
        Assert.True(defaults.ContainsKey(key) && otherDefaults.ContainsKey(key), $"{key} must have a default in both {file} and {otherFile}");
        Assert.True(defaults[key] == otherDefaults[key], $"the default of {key} is '{defaults[key]}' in {file} but '{otherDefaults[key]}' in {otherFile}");
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return n;
    }
}
