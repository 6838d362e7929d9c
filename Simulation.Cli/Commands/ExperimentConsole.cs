using System.Collections.Immutable;
using System.Globalization;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands;

/// <summary>What run and compare share: option checks, the session with Ctrl+C handling, progress and the summary table.</summary>
internal static class ExperimentConsole
{
    /// <summary>
    /// Most replications one run may hold: each keeps 29 doubles per variant in memory (2.3 GB per
    /// variant at this limit), and far more overflowed the result arrays (found by hardening:
    /// --replications 2000000000 ended in an OverflowException).
    /// </summary>
    public const long MaxReplicationsPerRun = 10_000_000;

    /// <summary>Checks the options that need no file; returns an error message or null.</summary>
    public static string? CheckArguments(ExperimentArguments args, out ShardSpec shard, out Metric metric)
    {
        shard = ShardSpec.Whole;
        metric = Metric.ArrivalsUk;
        if (args.Replications is < 1) return $"--replications must be at least 1 (was {args.Replications})";
        if (args.Threads < 1) return $"--threads must be at least 1 (was {args.Threads})";
        if (args.Shard is not null && !ShardSpec.TryParse(args.Shard, out shard, out string shardError)) return shardError;
        if (!MetricNames.TryParse(args.Metric, out metric)) return $"--metric '{args.Metric}' is not a metric; known: {string.Join(", ", MetricNames.All)} ('channelsim metrics' describes them)";
        if (args.Precision is not null)
        {
            if (!(args.Precision > 0 && args.Precision < 1)) return $"--precision must be between 0 and 1, e.g. 0.01 for ±1% (was {args.Precision.Value.ToString(CultureInfo.InvariantCulture)})";
            if (!shard.IsWhole) return "--precision cannot be combined with --shard: the stopping point depends on all replications";
            if (args.Replications is < 2) return "--precision needs a first batch of at least 2 replications";
        }
        if (args.MaxReplications is < 1) return $"--max-replications must be at least 1 (was {args.MaxReplications})";
        if (args.MaxReplications is not null && args.Precision is null) return "--max-replications only applies with --precision";
        if (args.Resume && args.Force) return "--resume and --force exclude each other";
        return null;
    }

    /// <summary>Builds the request and runs it, printing progress to stderr and the table to stdout; returns the exit code.</summary>
    public static int Run(string command, ExperimentArguments args, ImmutableArray<ScenarioVariant> variants, string scenarioName,
        ImmutableArray<string> paths, string sha256, string resolved, long defaultReplications, ulong defaultSeed,
        Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error,
        string scenarioDescription = "", ImmutableArray<string> sourceTexts = default, VariantRelations? relations = null, ImmutableArray<string> overrides = default, EnsemblePlan? ensemble = null)
    {
        string? problem = CheckArguments(args, out ShardSpec shard, out Metric metric);
        if (problem is not null)
        {
            error.WriteLine("channelsim " + command + ": " + problem);
            return ExitCodes.InvalidInput;
        }
        string outDirectory = args.Out ?? Path.Combine("results", scenarioName);
        if (OutputDirectoryCheck.Problem(outDirectory) is { } outProblem)
        {
            error.WriteLine("channelsim " + command + ": " + outProblem);
            return ExitCodes.InvalidInput;
        }
        long replications = args.Replications ?? defaultReplications;
        if (replications > MaxReplicationsPerRun || args.MaxReplications > MaxReplicationsPerRun)
        {
            error.WriteLine($"channelsim {command}: at most {MaxReplicationsPerRun.ToString("N0", CultureInfo.InvariantCulture)} replications per run " +
                $"(was {Math.Max(replications, args.MaxReplications ?? 0).ToString("N0", CultureInfo.InvariantCulture)}): every replication keeps a row of results in memory");
            return ExitCodes.InvalidInput;
        }
        PrecisionTarget? precision = args.Precision is double target
            ? new PrecisionTarget(target, metric, Math.Max(replications, args.MaxReplications ?? Math.Min(20 * replications, MaxReplicationsPerRun)))
            : null;
        var request = new ExperimentRequest
        {
            Command = command,
            CommandLine = "channelsim " + args.CommandLine,
            ScenarioPaths = paths,
            ScenarioSha256 = sha256,
            ResolvedScenario = resolved,
            ScenarioName = scenarioName,
            ScenarioDescription = scenarioDescription,
            ScenarioSourceTexts = sourceTexts.IsDefault ? ImmutableArray<string>.Empty : sourceTexts,
            Overrides = overrides.IsDefault ? ImmutableArray<string>.Empty : overrides,
            OutputDirectory = outDirectory,
            Resume = args.Resume,
            Force = args.Force,
            KeepCheckpoint = args.KeepCheckpoint,
            WriteParquet = args.Format == "parquet",
            Relations = relations,
            Ensemble = ensemble,
            Plan = new ExperimentPlan
            {
                Variants = variants,
                MasterSeed = args.Seed ?? defaultSeed,
                Replications = replications,
                Threads = args.Threads,
                Shard = shard,
                Precision = precision,
            },
        };
        using var cancellation = new CancellationTokenSource();
        using InterruptSignals signals = InterruptSignals.Register(cancellation, error, "channelsim " + command + ": ", request.OutputDirectory);
        error.WriteLine($"channelsim {command}: {variants.Length} variant(s), {Count(replications)} replications{(precision is null ? "" : " (first batch)")}, seed {request.Plan.MasterSeed}, {args.Threads} thread(s), shard {shard}, output {request.OutputDirectory}");
        if (ensemble is not null)
        {
            error.WriteLine($"channelsim {command}: then every variant under {ensemble.Sets.Length} plausible parameter sets from {ensemble.FilePath}: " +
                $"{Count(ensemble.Sets.Length * (long)variants.Length * replications)} set × variant × replication runs, same random numbers");
        }
        SessionOutcome outcome = ProgressDisplay.Run(error, progress => ExperimentSession.Run(request, modelFactory, progress, cancellation.Token));
        switch (outcome.Status)
        {
            case SessionStatus.Refused:
                error.WriteLine("channelsim " + command + ": " + outcome.Message);
                if (args.DefaultOut)
                {
                    error.WriteLine($"hint: without --out every run of this scenario writes to {request.OutputDirectory}; pass --out DIR to keep both results.");
                }
                return ExitCodes.InvalidInput;
            case SessionStatus.Partial:
                error.WriteLine($"channelsim {command}: interrupted; {outcome.Message}. Outputs are marked partial; continue with --resume.");
                if (outcome.Results is not null) ResultsTable.Print(output, outcome.Results);
                return ExitCodes.Interrupted;
            default:
                error.WriteLine($"channelsim {command}: done, {outcome.Message}, results in {request.OutputDirectory}");
                if (outcome.Results is null) return ExitCodes.Ok;
                ResultsTable.Print(output, outcome.Results);
                if (shard.IsWhole && WantsReport(variants.Length, command, args.Plots, args.NoPlots)) WriteReport(command, request.OutputDirectory, error);
                return ExitCodes.Ok;
        }
    }

    /// <summary>
    /// Whether charts and the report are drawn: by default for policy studies (several variants, or compare),
    /// --plots forces them, --no-plots wins over both. merge asks the same question so a merged run gets what the unsharded run would.
    /// </summary>
    internal static bool WantsReport(int variantCount, string command, bool plots, bool noPlots) =>
        !noPlots && (plots || variantCount > 1 || command == "compare");

    /// <summary>Charts and report after the results are safely written; a failure here never loses results.</summary>
    internal static void WriteReport(string command, string directory, TextWriter error)
    {
        try
        {
            Reporting.ReportOutput report = Reporting.ReportWriter.Write(directory);
            error.WriteLine($"channelsim {command}: {report.Charts.Count} charts and the report in {report.HtmlPath}");
        }
#pragma warning disable CA1031 // Results are already on disk: any report failure is a warning, not a failed run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"channelsim {command}: warning: the report could not be written ({e.GetType().Name}: {e.Message}); the results are kept. Retry with 'channelsim report {directory}'.");
        }
    }

    private static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
