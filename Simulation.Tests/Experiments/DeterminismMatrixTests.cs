using System.Diagnostics;
using System.Globalization;
using Simulation.Cli;
using Simulation.Core.Reporting;
using Simulation.Tests.Cli;
using Xunit.Abstractions;

namespace Simulation.Tests.Experiments;

/// <summary>
/// Tests that change the process-wide default culture run alone, so no other test sees it.
/// </summary>
[CollectionDefinition(nameof(CultureSensitiveCollection), DisableParallelization = true)]
public sealed class CultureSensitiveCollection;

/// <summary>
/// Same scenario and seed, same bytes: every combination of thread count (1/2/8), culture
/// (en-US/fr-FR/tr-TR) and sharding (1 run, or 4 shards merged) writes result files identical to a
/// single-threaded invariant-culture run; and the real process under LANG/LC_ALL of each locale does too.
/// </summary>
[Collection(nameof(CultureSensitiveCollection))]
public class DeterminismMatrixTests(ITestOutputHelper output)
{
    // Three variants (CRN comparisons in summary.json), non-integer statistics (decimal separators),
    // a horizon crossing month ends (dates in daily.csv).
    private const string MatrixYaml =
        "schema_version: 1\n" +
        "name: matrix\n" +
        "description: Determinism matrix scenario.\n" +
        "experiment:\n" +
        "  replications: 24\n" +
        "  seed: 99\n" +
        "calendar:\n" +
        "  horizon_days: 45\n" +
        "variants:\n" +
        "  more_vessels:\n" +
        "    description: Eight Border Force vessels\n" +
        "    uk.border_force.vessels: 8\n" +
        "  full_interception:\n" +
        "    description: French interception at sea\n" +
        "    french.maritime.doctrine: full\n";

    private static readonly string[] Cultures = ["en-US", "fr-FR", "tr-TR"];
    private static readonly int[] ThreadCounts = [1, 2, 8];
    private static readonly int[] ShardCounts = [1, 4];

    private static string WriteScenario(TempDirectory temp)
    {
        string path = temp.Sub("matrix.yaml");
        File.WriteAllText(path, MatrixYaml);
        return path;
    }

    private static void RunCell(string scenario, string outDirectory, int threads, int shards)
    {
        string t = threads.ToString(CultureInfo.InvariantCulture);
        if (shards == 1)
        {
            CliRun.Succeed("run", scenario, "--threads", t, "--out", outDirectory);
            return;
        }
        var shardDirectories = new List<string>();
        for (int k = 1; k <= shards; k++)
        {
            string directory = outDirectory + "-shard" + k.ToString(CultureInfo.InvariantCulture);
            CliRun.Succeed("run", scenario, "--threads", t, "--out", directory, "--shard", $"{k}/{shards}");
            shardDirectories.Add(directory);
        }
        CliRun.Succeed(["merge", .. shardDirectories, "--out", outDirectory]);
    }

    [Fact]
    public void ThreadsCulturesAndShardsGiveIdenticalBytes()
    {
        using var temp = new TempDirectory();
        string scenario = WriteScenario(temp);
        CultureInfo savedCulture = CultureInfo.CurrentCulture, savedUi = CultureInfo.CurrentUICulture;
        CultureInfo? savedDefault = CultureInfo.DefaultThreadCurrentCulture;
        string reference = temp.Sub("reference");
        int cells = 0;
        try
        {
            SetCulture(CultureInfo.InvariantCulture);
            RunCell(scenario, reference, threads: 1, shards: 1);
            foreach (string culture in Cultures)
            {
                SetCulture(CultureInfo.GetCultureInfo(culture));
                // The cultures really are in force (decimal comma; Turkish dotless i), or the matrix would prove nothing.
                Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
                if (culture != "en-US") Assert.Equal("1,5", 1.5.ToString(CultureInfo.CurrentCulture));
                if (culture == "tr-TR") Assert.Equal("\u0131", "I".ToLower(CultureInfo.CurrentCulture));
                foreach (int threads in ThreadCounts)
                {
                    foreach (int shards in ShardCounts)
                    {
                        string cell = temp.Sub($"{culture}-t{threads}-s{shards}");
                        RunCell(scenario, cell, threads, shards);
                        ResultFiles.AssertIdentical(reference, cell);
                        cells++;
                    }
                }
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = savedCulture;
            CultureInfo.CurrentUICulture = savedUi;
            CultureInfo.DefaultThreadCurrentCulture = savedDefault;
            CultureInfo.DefaultThreadCurrentUICulture = savedDefault;
        }
        output.WriteLine($"{cells} cells identical to the reference ({string.Join(", ", ResultsWriter.FileNames)})");
        Assert.Equal(Cultures.Length * ThreadCounts.Length * ShardCounts.Length, cells);
    }

    private static void SetCulture(CultureInfo culture)
    {
        // Worker threads take the default thread culture, the calling thread its own.
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task TheRealProcessUnderEachLocaleWritesIdenticalBytes()
    {
        using var temp = new TempDirectory();
        string scenario = WriteScenario(temp);
        string reference = temp.Sub("reference");
        RunCell(scenario, reference, threads: 1, shards: 1);
        foreach (string culture in Cultures)
        {
            string cell = temp.Sub("process-" + culture);
            ProcessStartInfo start = CliProcess.StartInfo("run", scenario, "--threads", "2", "--out", cell);
            // .NET on Linux takes CultureInfo.CurrentCulture from LC_ALL, then LANG.
            string locale = culture.Replace('-', '_') + ".UTF-8";
            start.Environment["LANG"] = locale;
            start.Environment["LC_ALL"] = locale;
            start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            string err = process.StandardError.ReadToEnd();
            await process.WaitForExitAsync();
            _ = await stdout;
            Assert.True(process.ExitCode == 0, culture + ": " + err);
            ResultFiles.AssertIdentical(reference, cell);
        }
    }
}
