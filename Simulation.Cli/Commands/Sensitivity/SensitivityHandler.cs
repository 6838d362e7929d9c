using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Simulation.Cli.Plotting;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;
using Simulation.Core.Sensitivity;

namespace Simulation.Cli.Commands.Sensitivity;

/// <summary>Behaviour of channelsim sensitivity: check everything, run every design point with common random numbers, compute the indices, write files and a chart.</summary>
public static class SensitivityHandler
{
    private const string Prefix = "channelsim sensitivity: ";

    /// <summary>
    /// Most model runs per replication (design points × variants per point). Each worker thread keeps one
    /// model per run (measured: 1.4 GB peak for 3,072 runs on 2 threads, about 0.23 MB per run and thread),
    /// so this bounds memory as much as time.
    /// </summary>
    public const int MaxRunsPerReplication = 4_000;

    /// <summary>Checks the options, loads the scenario and runs the analysis; returns the exit code.</summary>
    public static int Execute(SensitivityArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        // Options are checked before the file so a usage error never depends on the scenario.
        string? problem = CheckOptions(args, out SensitivityMethod method, out ImmutableArray<SweepAxis> axes, out ImmutableArray<Metric> metrics);
        if (problem is not null)
        {
            error.WriteLine(Prefix + problem);
            return ExitCodes.InvalidInput;
        }
        Scenario? scenario = ScenarioFiles.TryLoad(args.ScenarioPath, error, args.Set);
        if (scenario is null) return ExitCodes.InvalidInput;
        return Execute(scenario, args, method, axes, metrics, modelFactory, output, error);
    }

    /// <summary>Checks every option that needs no file; returns an error message or null.</summary>
    public static string? CheckOptions(SensitivityArguments args, out SensitivityMethod method, out ImmutableArray<SweepAxis> axes, out ImmutableArray<Metric> metrics)
    {
        method = args.Method == "morris" ? SensitivityMethod.Morris : SensitivityMethod.Sobol;
        axes = ImmutableArray<SweepAxis>.Empty;
        metrics = ImmutableArray<Metric>.Empty;
        if (args.Method is not ("sobol" or "morris")) return $"--method must be sobol or morris (was {args.Method})";
        if (args.Threads < 1) return $"--threads must be at least 1 (was {args.Threads})";
        if (args.Resume && args.Force) return "--resume and --force exclude each other";
        if (args.Replications < 1) return $"--replications must be at least 1 (was {args.Replications})";
        if (method == SensitivityMethod.Sobol)
        {
            if (args.Samples < 2) return $"--samples must be at least 2 (was {args.Samples}); a power of two such as 64 or 256 is recommended";
            if (args.Bootstrap < 1) return $"--bootstrap must be at least 1 (was {args.Bootstrap}); 1000 is usual";
        }
        else
        {
            if (args.Trajectories < 2) return $"--trajectories must be at least 2 (was {args.Trajectories}), so that sigma is defined";
            if (args.Levels < 2 || args.Levels % 2 != 0) return $"--levels must be an even number of at least 2 (was {args.Levels}), so that each move of Δ = p/(2(p−1)) joins two grid levels";
        }
        if (args.Vary.Count == 0) return "give at least one --vary path=low:high";
        var parsed = ImmutableArray.CreateBuilder<SweepAxis>();
        foreach (string text in args.Vary)
        {
            // A sweep's grid forms (low:high:count, v1,v2,...) mean nothing here: the design decides the points.
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string values = equals < 0 ? "" : text[(equals + 1)..];
            if (equals > 0 && (values.Contains(',', StringComparison.Ordinal) || values.Split(':').Length != 2))
                return $"--vary {text[..equals].Trim()}={values.Trim()}: expected a range low:high (e.g. {text[..equals].Trim()}=0.3:0.6); the method chooses the points";
            if (!SweepAxisParser.TryParse(text, SweepDesignKind.LatinHypercube, out SweepAxis? axis, out string axisError))
                return axisError.Replace("key.path=low:high", "key.path=low:high (a range)", StringComparison.Ordinal);
            if (parsed.Any(a => a.Path == axis!.Path)) return $"--vary {axis!.Path} is given twice; vary each parameter once";
            parsed.Add(axis!);
        }
        if (parsed.Count > SaltelliDesign.MaxParameters) return $"{parsed.Count} parameters given with --vary; at most {SaltelliDesign.MaxParameters}";
        var chosen = new List<Metric>();
        foreach (string name in args.Metrics.Count == 0 ? ["arrivals_uk"] : args.Metrics)
        {
            if (!MetricNames.TryParse(name, out Metric metric)) return $"--metric '{name}' is not a metric; known: {string.Join(", ", MetricNames.All)} ('channelsim metrics' describes them)";
            if (!chosen.Contains(metric)) chosen.Add(metric);
        }
        axes = parsed.ToImmutable();
        metrics = chosen.ToImmutableArray();
        return null;
    }

    private static int Execute(Scenario scenario, SensitivityArguments args, SensitivityMethod method, ImmutableArray<SweepAxis> axes,
        ImmutableArray<Metric> metrics, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        ScenarioVariant baseVariant = scenario.Variants[0];
        ScenarioVariant? compare = null;
        if (args.Compare is not null)
        {
            compare = scenario.Variants.FirstOrDefault(v => v.Name == args.Compare);
            if (compare is null)
            {
                error.WriteLine($"{Prefix}--compare {args.Compare}: no such variant in {scenario.SourcePath}; its variants are: {string.Join(", ", scenario.Variants.Select(v => v.Name))}");
                return ExitCodes.InvalidInput;
            }
            if (ReferenceEquals(compare, baseVariant))
            {
                error.WriteLine($"{Prefix}--compare {args.Compare}: that is the baseline itself, so every difference would be zero; name a policy variant ({string.Join(", ", scenario.Variants.Skip(1).Select(v => v.Name))})");
                return ExitCodes.InvalidInput;
            }
        }
        ulong seed = args.Seed ?? scenario.DefaultSeed;
        SaltelliDesign? saltelli = null;
        MorrisDesign? morris = null;
        long runs = method == SensitivityMethod.Sobol
            ? (long)args.Samples * (axes.Length + 2) * (compare is null ? 1 : 2)
            : (long)args.Trajectories * (axes.Length + 1) * (compare is null ? 1 : 2);
        if (runs > MaxRunsPerReplication)
        {
            error.WriteLine($"{Prefix}the design needs {runs} model runs per replication, more than {MaxRunsPerReplication}; use fewer " +
                (method == SensitivityMethod.Sobol ? "--samples" : "--trajectories") + " or fewer parameters (every worker thread keeps one model per run)");
            return ExitCodes.InvalidInput;
        }
        IReadOnlyList<double[]> unitPoints;
        if (method == SensitivityMethod.Sobol)
        {
            saltelli = SaltelliDesign.Create(axes.Length, args.Samples);
            unitPoints = saltelli.UnitPoints;
        }
        else
        {
            morris = MorrisDesign.Create(axes.Length, args.Trajectories, args.Levels, SensitivityResults.DesignSeed(seed));
            unitPoints = morris.UnitPoints;
        }
        string directory = args.Out ?? Path.Combine("results", scenario.Name + "-sensitivity");
        var plan = new SensitivityPlan
        {
            Base = baseVariant,
            Compare = compare,
            Axes = axes,
            Method = method,
            UnitPoints = unitPoints.ToImmutableArray(),
            Metrics = metrics,
            MasterSeed = seed,
            Replications = args.Replications,
            Threads = args.Threads,
        };
        ExperimentIdentity identity = SensitivityRunner.Identity(plan, scenario.Sha256, modelFactory);
        string manifestPath = Path.Combine(directory, "manifest.json");
        string checkpointPath = ExperimentSession.CheckpointPath(directory);
        bool hasCheckpoint = File.Exists(checkpointPath);
        bool complete = IsComplete(manifestPath);
        // Every refusal comes before anything is written, not even the directory.
        if (!args.Force && !args.Resume && (hasCheckpoint || File.Exists(manifestPath) || SensitivityWriter.FileNames.Any(f => File.Exists(Path.Combine(directory, f)))))
        {
            error.WriteLine(Prefix + (hasCheckpoint && !complete
                ? $"{directory} holds an unfinished analysis; continue it with --resume (same options), start over with --force, or pass another --out"
                : $"{directory} already holds results; pass --out DIR to keep both, or --force to replace them"));
            return ExitCodes.InvalidInput;
        }
        if (args.Resume && !hasCheckpoint)
        {
            ExperimentIdentity? old = complete ? RunManifest.ReadIdentity(manifestPath) : null;
            if (old is not null && old.SameAs(identity))
            {
                error.WriteLine($"{Prefix}{directory} already holds this analysis, complete; nothing to resume");
                return ExitCodes.Ok;
            }
            error.WriteLine($"{Prefix}cannot resume {directory}: it holds no checkpoint" + (old is null ? "" : $" (its complete results are of different settings: {old.Difference(identity)})") + "; use --force or another --out");
            return ExitCodes.InvalidInput;
        }

        // Ctrl+C / SIGTERM: workers finish the replication in hand, then the analysis ends without writing
        // results (indices over a prefix would mix complete and incomplete points); finished replications are
        // in the checkpoint for --resume. Registered before the lock, as in a sweep.
        using var cancellation = new CancellationTokenSource();
        using InterruptSignals signals = InterruptSignals.Register(cancellation, error, Prefix, directory);
        using OutputLock? outputLock = AnalysisDirectory.Lock(directory, Prefix, error);
        if (outputLock is null) return ExitCodes.InvalidInput;
        ReplicationStore store = SensitivityRunner.NewStore(plan, modelFactory);
        Checkpoint? checkpoint = AnalysisDirectory.OpenCheckpoint(args.Resume, directory, checkpointPath, identity, store, SensitivityWriter.FileNames, Prefix, error, out int loaded);
        if (checkpoint is null) return ExitCodes.InvalidInput;
        string resumed = args.Resume ? $", {loaded} replication(s) taken from the checkpoint" : "";
        DateTimeOffset started = DateTimeOffset.UtcNow;
        string design = method == SensitivityMethod.Sobol
            ? $"Sobol indices, Saltelli design N = {args.Samples} × (k + 2) = {unitPoints.Count} points"
            : $"Morris elementary effects, {args.Trajectories} trajectories × (k + 1) = {unitPoints.Count} points on {args.Levels} levels";
        error.WriteLine($"{Prefix}{design} over {axes.Length} parameter(s) of variant '{baseVariant.Name}'" +
            (compare is null ? "" : $", each point also on '{compare.Name}' (output: the paired difference)") +
            $": {runs} runs × {args.Replications} replications, seed {seed}, {args.Threads} thread(s), output {directory}{resumed}");
        if (method == SensitivityMethod.Sobol && (args.Samples & (args.Samples - 1)) != 0)
            error.WriteLine($"  note: --samples {args.Samples} is not a power of two; the Sobol points are less evenly spread than at {NextPowerOfTwo(args.Samples)}");
        foreach (SweepAxis axis in axes)
        {
            if (axis.IsInteger) error.WriteLine($"  {axis.Path} is an integer: design values are rounded to whole numbers");
            foreach (var change in baseVariant.Parameters.Timeline.Where(c => c.Path == axis.Path))
            {
                error.WriteLine($"  note: the scenario's timeline sets {axis.Path} on {InvariantFormat.Date(change.Date)}; the varied value holds only before that date");
            }
            if (compare is not null && compare.Parameters.Number(axis.Path) != baseVariant.Parameters.Number(axis.Path))
            {
                error.WriteLine($"  note: variant '{compare.Name}' changes {axis.Path} itself; varying it sets the same value in both variants, which overrides that part of the policy");
            }
        }
        var clock = Stopwatch.StartNew();
        double[][]? outputs;
        using (checkpoint)
        {
            outputs = SensitivityRunner.Run(plan, modelFactory, store, checkpoint, new SparseProgress(error, "replications of every point"), cancellation.Token);
        }
        if (outputs is null)
        {
            error.WriteLine($"{Prefix}interrupted; no result files written. {store.CompletePrefix(plan.Replications)} of {plan.Replications} replications of every point are done; continue with --resume (same options).");
            return ExitCodes.Interrupted;
        }
        double runSeconds = clock.Elapsed.TotalSeconds;
        SensitivityResults results = method == SensitivityMethod.Sobol
            ? SensitivityResults.ForSobol(plan, saltelli!, outputs, args.Bootstrap)
            : SensitivityResults.ForMorris(plan, morris!, outputs);
        results = results with { NoiseShare = SensitivityResults.NoiseShares(outputs, SensitivityRunner.NoiseVariance(plan, store)) };

        var provenance = new SweepProvenance
        {
            CommandLine = "channelsim " + args.CommandLine,
            ScenarioPath = scenario.SourcePath,
            ScenarioSha256 = scenario.Sha256,
            Overrides = scenario.Overrides,
            ResolvedScenario = scenario.ResolvedYaml,
            Identity = identity,
            StartedUtc = started,
            EndedUtc = started,
        };
        SensitivityWriter.WriteResults(directory, results);
        ImmutableArray<string> charts = RenderCharts(directory, results);
        SensitivityWriter.WriteManifest(directory, results, provenance with { EndedUtc = DateTimeOffset.UtcNow },
            SensitivityWriter.FileNames.Concat(charts).ToImmutableArray());
        // After the manifest: a crash before this line leaves a checkpoint that --resume reuses.
        if (!args.KeepCheckpoint)
        {
            File.Delete(checkpointPath);
            string checkpointDirectory = Path.GetDirectoryName(checkpointPath)!;
            if (!Directory.EnumerateFileSystemEntries(checkpointDirectory).Any()) Directory.Delete(checkpointDirectory);
        }
        error.WriteLine($"{Prefix}done, {unitPoints.Count} point(s) × {plan.Replications} replications in {runSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; results in {directory}");
        PrintTable(output, results, directory, charts);
        return ExitCodes.Ok;
    }

    private static int NextPowerOfTwo(int n)
    {
        int p = 1;
        while (p < n && p < (1 << 30)) p <<= 1;
        return p;
    }

    private static bool IsComplete(string manifestPath)
    {
        if (!File.Exists(manifestPath)) return false;
        try
        {
            return RunManifest.ReadStatus(manifestPath).Status == "complete";
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>One chart per metric: Sobol bars with intervals, or the Morris μ*–σ plane.</summary>
    private static ImmutableArray<string> RenderCharts(string directory, SensitivityResults results)
    {
        string plots = Path.Combine(directory, "plots");
        var files = ImmutableArray.CreateBuilder<string>();
        SensitivityPlan plan = results.Plan;
        string[] parameters = plan.Axes.Select(a => a.Path).ToArray();
        for (int m = 0; m < plan.Metrics.Length; m++)
        {
            string metric = MetricNames.Of(plan.Metrics[m]);
            RenderedChart chart = plan.Method == SensitivityMethod.Sobol
                ? SobolIndexChart.Render(metric, parameters, results.Sobol[m], results.BaseSamples, plan.Replications, plan.Compare?.Name, plots)
                : MorrisChart.Render(metric, parameters, results.Morris[m], results.Trajectories, plan.Replications, plan.Compare?.Name, plots);
            files.Add(Path.GetRelativePath(directory, chart.PngPath).Replace('\\', '/'));
            files.Add(Path.GetRelativePath(directory, chart.SvgPath).Replace('\\', '/'));
        }
        return files.ToImmutable();
    }

    /// <summary>The stdout table: per metric, parameters ranked by ST (Sobol) or μ* (Morris), then what the numbers carry.</summary>
    public static void PrintTable(TextWriter output, SensitivityResults results, string directory, IReadOnlyList<string> charts)
    {
        SensitivityPlan plan = results.Plan;
        string what = plan.Compare is null ? "" : $" of {plan.Compare.Name} − {plan.Base.Name}";
        for (int m = 0; m < plan.Metrics.Length; m++)
        {
            string metric = MetricNames.Of(plan.Metrics[m]);
            var rows = new List<string[]>();
            if (plan.Method == SensitivityMethod.Sobol)
            {
                output.WriteLine($"{metric}{what}: Sobol indices, N = {results.BaseSamples}, {plan.Replications} replications per point, seed {plan.MasterSeed}; 95% bootstrap intervals ({results.BootstrapResamples} resamples)");
                rows.Add(["rank", "parameter", "S1 [95% CI]", "ST [95% CI]"]);
                var order = Enumerable.Range(0, plan.Axes.Length).OrderByDescending(a => Key(results.Sobol[m][a].Total)).ThenBy(a => a).ToList();
                double sumFirst = 0;
                for (int r = 0; r < order.Count; r++)
                {
                    SobolIndex s = results.Sobol[m][order[r]];
                    sumFirst += s.First;
                    rows.Add([(r + 1).ToString(CultureInfo.InvariantCulture), plan.Axes[order[r]].Path,
                        $"{Index(s.First)} [{Index(s.FirstLow)}, {Index(s.FirstHigh)}]", $"{Index(s.Total)} [{Index(s.TotalLow)}, {Index(s.TotalHigh)}]"]);
                }
                Print(output, rows);
                output.WriteLine($"  sum of S1 = {Index(sumFirst)} (1 − sum: the share left to interactions and to simulation noise)");
                PrintNoise(output, results, m);
            }
            else
            {
                string unit = MetricRegistry.Of(plan.Metrics[m]).Unit;
                output.WriteLine($"{metric}{what}: Morris elementary effects, {results.Trajectories} trajectories, {results.Levels} levels, {plan.Replications} replications per point, seed {plan.MasterSeed}; " +
                    $"effects in {unit} per whole range of the parameter");
                rows.Add(["rank", "parameter", "mu*", "sigma"]);
                var order = Enumerable.Range(0, plan.Axes.Length).OrderByDescending(a => Key(results.Morris[m][a].MuStar)).ThenBy(a => a).ToList();
                for (int r = 0; r < order.Count; r++)
                {
                    MorrisEffect e = results.Morris[m][order[r]];
                    rows.Add([(r + 1).ToString(CultureInfo.InvariantCulture), plan.Axes[order[r]].Path, Effect(e.MuStar), Effect(e.Sigma)]);
                }
                Print(output, rows);
                PrintNoise(output, results, m);
            }
        }
        output.WriteLine(plan.Method == SensitivityMethod.Sobol
            ? $"Each point's output is the mean over {plan.Replications} replications; their noise adds to the variance the indices divide up. " +
              "With common random numbers it is mostly a shift shared by all points, but what remains counts as variance no parameter explains: use enough replications (compare two values of -r)."
            : $"Each point's output is the mean over {plan.Replications} replications; with common random numbers their noise mostly cancels in each effect, " +
              "but what remains inflates sigma and, for weak parameters, mu*: use enough replications (compare two values of -r).");
        output.WriteLine($"Indices in {Path.Combine(directory, "sensitivity.csv")}; point outputs in sensitivity_points.csv; charts: {string.Join(", ", charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)))}");
    }

    private static void PrintNoise(TextWriter output, SensitivityResults results, int metric)
    {
        double share = results.NoiseShare.IsDefaultOrEmpty ? double.NaN : results.NoiseShare[metric];
        if (double.IsFinite(share))
            output.WriteLine($"  simulation noise of a point's mean: at most {(share < 0.001 ? "0.1" : (100 * share).ToString("0.0", CultureInfo.InvariantCulture))}% of the variance across points");
    }

    private static void Print(TextWriter output, List<string[]> rows)
    {
        int[] widths = new int[rows[0].Length];
        foreach (string[] row in rows) for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i <= 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }
    }

    // NaN (an output that never varied) sorts last.
    private static double Key(double value) => double.IsFinite(value) ? value : double.NegativeInfinity;

    private static string Index(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Effect(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "n/a";
}
