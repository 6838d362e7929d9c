using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Simulation.Cli.Plotting;
using SweepRow = Simulation.Cli.Reporting.SweepRow;
using ResultsReader = Simulation.Cli.Reporting.ResultsReader;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Sweep;

/// <summary>Behaviour of channelsim sweep: check everything, run every point with common random numbers, write files and charts.</summary>
public static class SweepHandler
{
    private const string Prefix = "channelsim sweep: ";

    /// <summary>Checks the options, loads the scenario and runs the sweep; returns the exit code.</summary>
    public static int Execute(SweepArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        // Options are checked before the file so a usage error never depends on the scenario.
        string? problem = CheckOptions(args, out SweepDesignKind design, out ImmutableArray<SweepAxis> axes, out ImmutableArray<Metric> metrics);
        if (problem is not null)
        {
            error.WriteLine(Prefix + problem);
            return ExitCodes.InvalidInput;
        }
        Scenario? scenario = ScenarioFiles.TryLoad(args.ScenarioPath, error, args.Set);
        if (scenario is null) return ExitCodes.InvalidInput;
        return Execute(scenario, args, design, axes, metrics, modelFactory, output, error);
    }

    /// <summary>Checks every option that needs no file; returns an error message or null.</summary>
    public static string? CheckOptions(SweepArguments args, out SweepDesignKind design, out ImmutableArray<SweepAxis> axes, out ImmutableArray<Metric> metrics)
    {
        design = args.Design == "lhs" ? SweepDesignKind.LatinHypercube : SweepDesignKind.Grid;
        axes = ImmutableArray<SweepAxis>.Empty;
        metrics = ImmutableArray<Metric>.Empty;
        if (args.Design is not ("grid" or "lhs")) return $"--design must be grid or lhs (was {args.Design})";
        if (args.Threads < 1) return $"--threads must be at least 1 (was {args.Threads})";
        if (args.Resume && args.Force) return "--resume and --force exclude each other";
        if (args.Replications is < 2) return $"--replications must be at least 2, so every point has a confidence interval (was {args.Replications})";
        if (design == SweepDesignKind.LatinHypercube && args.Samples is < 2 or > SweepDesign.MaxPoints)
            return $"--samples must be from 2 to {SweepDesign.MaxPoints} (was {args.Samples})";
        if (args.Vary.Count == 0) return "give at least one --vary path=low:high:count";
        var parsed = ImmutableArray.CreateBuilder<SweepAxis>();
        foreach (string text in args.Vary)
        {
            if (!SweepAxisParser.TryParse(text, design, out SweepAxis? axis, out string axisError)) return axisError;
            if (parsed.Any(a => a.Path == axis!.Path)) return $"--vary {axis!.Path} is given twice; vary each parameter once";
            parsed.Add(axis!);
        }
        var chosen = new List<Metric>();
        foreach (string name in args.Metrics.Concat(["arrivals_uk", "deaths"]))
        {
            if (!MetricNames.TryParse(name, out Metric metric)) return $"--metric '{name}' is not a metric; known: {string.Join(", ", MetricNames.All)} ('channelsim metrics' describes them)";
            if (!chosen.Contains(metric)) chosen.Add(metric);
        }
        axes = parsed.ToImmutable();
        metrics = chosen.ToImmutableArray();
        return null;
    }

    private static int Execute(Scenario scenario, SweepArguments args, SweepDesignKind design, ImmutableArray<SweepAxis> axes,
        ImmutableArray<Metric> metrics, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        ScenarioVariant? baseVariant = args.Variant is null ? scenario.Variants[0] : scenario.Variants.FirstOrDefault(v => v.Name == args.Variant);
        if (baseVariant is null)
        {
            error.WriteLine($"{Prefix}unknown --variant {args.Variant}; {scenario.SourcePath} has: {string.Join(", ", scenario.Variants.Select(v => v.Name))}");
            return ExitCodes.InvalidInput;
        }
        long replications = args.Replications ?? scenario.DefaultReplications;
        if (replications < 2)
        {
            error.WriteLine($"{Prefix}{scenario.SourcePath}: experiment.replications is {replications}; a sweep needs at least 2 (give --replications)");
            return ExitCodes.InvalidInput;
        }
        ulong seed = args.Seed ?? scenario.DefaultSeed;
        double[][]? points = design == SweepDesignKind.Grid ? SweepDesign.Grid(axes) : SweepDesign.LatinHypercube(axes, args.Samples, seed);
        if (points is null)
        {
            long total = axes.Aggregate(1L, (n, a) => n * a.GridValues().Length);
            error.WriteLine($"{Prefix}the grid has {total} points, more than {SweepDesign.MaxPoints}; use fewer values per parameter or --design lhs");
            return ExitCodes.InvalidInput;
        }
        string directory = args.Out ?? Path.Combine("results", scenario.Name + "-sweep");
        var plan = new SweepPlan
        {
            Base = baseVariant,
            Axes = axes,
            Design = design,
            Points = points.ToImmutableArray(),
            Metrics = metrics,
            MasterSeed = seed,
            Replications = replications,
            Threads = args.Threads,
        };
        ExperimentIdentity identity = SweepRunner.Identity(plan, scenario.Sha256, modelFactory);
        string manifestPath = Path.Combine(directory, "manifest.json");
        string checkpointPath = ExperimentSession.CheckpointPath(directory);
        bool hasCheckpoint = File.Exists(checkpointPath);
        bool complete = IsComplete(manifestPath);
        // Every refusal comes before anything is written, not even the directory.
        if (!args.Force && !args.Resume && (hasCheckpoint || complete || File.Exists(manifestPath) || File.Exists(Path.Combine(directory, "sweep_points.csv"))))
        {
            error.WriteLine(Prefix + (hasCheckpoint && !complete
                ? $"{directory} holds an unfinished sweep; continue it with --resume (same options), start over with --force, or pass another --out"
                : $"{directory} already holds the results of a sweep, which cannot be resumed; pass --out DIR to keep both, or --force to replace them"));
            return ExitCodes.InvalidInput;
        }
        if (args.Resume && !hasCheckpoint && complete)
        {
            ExperimentIdentity? old = RunManifest.ReadIdentity(manifestPath);
            if (old is null || !old.SameAs(identity))
            {
                error.WriteLine($"{Prefix}cannot resume {directory}: it holds a complete sweep of different settings ({(old is null ? "its manifest records none" : old.Difference(identity))}); use another --out or --force");
                return ExitCodes.InvalidInput;
            }
            error.WriteLine($"{Prefix}{directory} already holds this sweep, complete; nothing to resume");
            return ExitCodes.Ok;
        }

        // Ctrl+C / SIGTERM: workers finish the replication in hand, then the sweep ends without
        // writing results (statistics over a prefix would mix complete and incomplete points);
        // finished replications are in the checkpoint for --resume. Registered before the lock is
        // taken, so no signal can end the process between taking and releasing it.
        using var cancellation = new CancellationTokenSource();
        using InterruptSignals signals = InterruptSignals.Register(cancellation, error, Prefix, directory);
        using OutputLock? outputLock = AnalysisDirectory.Lock(directory, Prefix, error);
        if (outputLock is null) return ExitCodes.InvalidInput;
        ReplicationStore store = SweepRunner.NewStore(plan, modelFactory);
        Checkpoint? checkpoint = AnalysisDirectory.OpenCheckpoint(args.Resume && hasCheckpoint, directory, checkpointPath, identity, store, SweepWriter.FileNames, Prefix, error, out int loaded);
        if (checkpoint is null) return ExitCodes.InvalidInput;
        string resumed = args.Resume && hasCheckpoint ? $", {loaded} taken from the checkpoint" : "";
        DateTimeOffset started = DateTimeOffset.UtcNow;
        int runsPerReplication = 1 + 2 * axes.Length + points.Length;
        error.WriteLine($"{Prefix}{SweepWriter.DesignName(design)} design, {points.Length} point(s) over {axes.Length} parameter(s) of variant '{baseVariant.Name}', " +
            $"plus the base and {2 * axes.Length} one-at-a-time run(s): {runsPerReplication} runs × {replications} replications, seed {seed}, {args.Threads} thread(s), output {directory}{resumed}");
        foreach (SweepAxis axis in axes)
        {
            if (axis.IsInteger) error.WriteLine($"  {axis.Path} is an integer: design values are rounded to whole numbers");
            foreach (var change in baseVariant.Parameters.Timeline.Where(c => c.Path == axis.Path))
            {
                error.WriteLine($"  note: the scenario's timeline sets {axis.Path} on {InvariantFormat.Date(change.Date)}; the swept value holds only before that date");
            }
        }
        var clock = Stopwatch.StartNew();
        SweepResults? results;
        using (checkpoint)
        {
            results = SweepRunner.Run(plan, modelFactory, store, checkpoint, new SparseProgress(error, "replications of every point"), cancellation.Token);
        }
        if (results is null)
        {
            error.WriteLine($"{Prefix}interrupted; no result files written. {store.CompletePrefix(replications)} of {replications} replications of every point are done; continue with --resume (same options).");
            return ExitCodes.Interrupted;
        }
        double runSeconds = clock.Elapsed.TotalSeconds;

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
        SweepWriter.WriteResults(directory, results, provenance);
        ImmutableArray<string> charts = RenderCharts(directory, results);
        SweepWriter.WriteManifest(directory, results, provenance with { EndedUtc = DateTimeOffset.UtcNow },
            SweepWriter.FileNames.Concat(charts).ToImmutableArray());
        // After the manifest: a crash before this line leaves a checkpoint that --resume reuses.
        if (!args.KeepCheckpoint)
        {
            File.Delete(checkpointPath);
            string checkpointDirectory = Path.GetDirectoryName(checkpointPath)!;
            if (!Directory.EnumerateFileSystemEntries(checkpointDirectory).Any()) Directory.Delete(checkpointDirectory);
        }
        error.WriteLine($"{Prefix}done, {points.Length} point(s) × {replications} replications in {runSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s; results in {directory}");
        WriteReport(directory, error);
        PrintRanking(output, results, metrics[0], directory, charts);
        return ExitCodes.Ok;
    }

    /// <summary>report.md and report.html after the results are safely written; a failure here never loses results.</summary>
    private static void WriteReport(string directory, TextWriter error)
    {
        try
        {
            Reporting.ReportOutput report = Reporting.ReportWriter.Write(directory);
            error.WriteLine($"{Prefix}report in {report.HtmlPath}");
        }
#pragma warning disable CA1031 // Results are already on disk: any report failure is a warning, not a failed sweep.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"{Prefix}warning: the report could not be written ({e.GetType().Name}: {e.Message}); the results are kept. Retry with 'channelsim report {directory}'.");
        }
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

    /// <summary>Tornado chart per metric (from sweep.csv as written, so the chart shows exactly the file) and, for two parameters, the design coloured by each metric.</summary>
    private static ImmutableArray<string> RenderCharts(string directory, SweepResults results)
    {
        string plots = Path.Combine(directory, "plots");
        var files = ImmutableArray.CreateBuilder<string>();
        void Add(RenderedChart chart)
        {
            files.Add(Path.GetRelativePath(directory, chart.PngPath).Replace('\\', '/'));
            files.Add(Path.GetRelativePath(directory, chart.SvgPath).Replace('\\', '/'));
        }
        IReadOnlyList<SweepRow> rows = ResultsReader.ReadSweep(Path.Combine(directory, ResultsReader.SweepFile));
        foreach (var group in rows.GroupBy(r => r.Metric, StringComparer.Ordinal)) Add(TornadoChart.Render(group.Key, group.ToList(), plots));
        SweepPlan plan = results.Plan;
        if (plan.Axes.Length == 2)
        {
            double[] xs = plan.Points.Select(p => p[0]).ToArray();
            double[] ys = plan.Points.Select(p => p[1]).ToArray();
            var basePoint = (plan.Base.Parameters.Number(plan.Axes[0].Path), plan.Base.Parameters.Number(plan.Axes[1].Path));
            for (int m = 0; m < plan.Metrics.Length; m++)
            {
                double[] means = results.Points.Select(p => p[m].Mean).ToArray();
                Add(SweepSurfaceChart.Render(MetricNames.Of(plan.Metrics[m]), plan.Axes[0].Path, plan.Axes[1].Path, xs, ys, means, basePoint, plots));
            }
        }
        return files.ToImmutable();
    }

    /// <summary>The stdout table: parameters ranked by one-at-a-time swing on the chosen metric, with the paired difference high − low.</summary>
    public static void PrintRanking(TextWriter output, SweepResults results, Metric metric, string directory, IReadOnlyList<string> charts)
    {
        int m = results.Plan.Metrics.IndexOf(metric);
        MetricSummary b = results.Baseline[m];
        output.WriteLine($"{MetricNames.Of(metric)}: base mean {Num(b.Mean)} [{Num(b.Ci95Low)}, {Num(b.Ci95High)}], {results.Replications} replications, seed {results.Plan.MasterSeed}, same seeds at every point");
        var rows = new List<string[]> { new[] { "rank", "parameter", "low", "high", "mean at low", "mean at high", "high − low [95% CI]" } };
        int rank = 0;
        foreach (OneAtATimeEffect e in results.Ranking(metric))
        {
            SweepAxis axis = results.Plan.Axes[e.Axis];
            PairedComparison d = e.HighMinusLow;
            rows.Add([(++rank).ToString(CultureInfo.InvariantCulture), axis.Path, InvariantFormat.Number(axis.Low), InvariantFormat.Number(axis.High),
                Num(e.Low.Mean), Num(e.High.Mean), $"{Signed(d.MeanDiff)} [{Signed(d.Ci95Low)}, {Signed(d.Ci95High)}]"]);
        }
        int[] widths = new int[rows[0].Length];
        foreach (string[] row in rows) for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i <= 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }
        output.WriteLine($"{results.Plan.Points.Length} point(s) in {Path.Combine(directory, "sweep_points.csv")}; ranking in sensitivity.csv; charts: {string.Join(", ", charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)))}");
    }

    private static string Num(double value) => double.IsFinite(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
    private static string Signed(double value) => double.IsFinite(value) ? value.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "n/a";
}
