using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Simulation.Core.Calibration;
using Simulation.Core.Domain;
using Simulation.Core.Experiments;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>Behaviour of channelsim calibrate: check everything, run the waves with a checkpoint, write the files, charts and report.</summary>
public static class CalibrateHandler
{
    private const string Prefix = "channelsim calibrate: ";

    /// <summary>The Sobol design of wave 1 (null would make a file asking for it be refused).</summary>
    internal static Func<int, int, double[][]>? Sobol => (dimensions, count) => SobolSequence.Generate(dimensions, count);

    /// <summary>Checks the options, loads the file and its year scenarios, and runs; returns the exit code.</summary>
    public static int Execute(CalibrateArguments args, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        string? problem = CheckOptions(args, out ShardSpec shard);
        if (problem is not null)
        {
            error.WriteLine(Prefix + problem);
            return ExitCodes.InvalidInput;
        }
        CalibrationSpec? spec = LoadSpec(args.CalibrationPath, error);
        if (spec is null) return ExitCodes.InvalidInput;
        ImmutableArray<ScenarioVariant>? baselines = LoadBaselines(spec, error);
        if (baselines is null) return ExitCodes.InvalidInput;
        var settings = CalibrationSettings.From(spec, args.Threads) with
        {
            Seed = args.Seed ?? spec.Design.Seed,
            Replications = args.Replications ?? spec.Design.Replications,
            MaxWaves = args.MaxWaves ?? spec.Design.MaxWaves,
        };
        if (settings.Replications < 2)
        {
            error.WriteLine($"{Prefix}{spec.SourcePath}: design.replications is {settings.Replications}; implausibility needs a sample variance, so at least 2 (give --replications)");
            return ExitCodes.InvalidInput;
        }
        string directory = args.Out ?? Path.Combine("results", spec.Name + "-calibration");
        if (OutputDirectoryCheck.Problem(directory) is { } outProblem)
        {
            error.WriteLine(Prefix + outProblem);
            return ExitCodes.InvalidInput;
        }
        return Run(args, spec, baselines.Value, settings, shard, directory, modelFactory, output, error);
    }

    /// <summary>Checks every option that needs no file; returns an error message or null.</summary>
    public static string? CheckOptions(CalibrateArguments args, out ShardSpec shard)
    {
        shard = ShardSpec.Whole;
        if (args.Threads < 1) return $"--threads must be at least 1 (was {args.Threads})";
        if (args.Resume && args.Force) return "--resume and --force exclude each other";
        if (args.Replications is < 2) return $"--replications must be at least 2, so every point has a sample variance (was {args.Replications})";
        if (args.MaxWaves is < 1) return $"--max-waves must be at least 1 (was {args.MaxWaves})";
        if (args.Wave is < 1) return $"--wave must be at least 1 (was {args.Wave})";
        if (args.Wave is not null && args.Shard is null) return "--wave needs --shard k/n (use --max-waves to run the first waves in one process)";
        if (args.Shard is not null)
        {
            if (args.Wave is null) return "--shard needs --wave W: a calibration is sharded one wave at a time";
            if (!ShardSpec.TryParse(args.Shard, out shard, out string shardError)) return shardError;
            if (args.MaxWaves is not null) return "--max-waves does not apply to a shard, which runs one wave (--wave)";
        }
        if (args.Wave is > 1 && args.From is null) return $"--wave {args.Wave} needs --from DIR, the merged results of waves 1-{args.Wave - 1}";
        if (args.From is not null && args.Wave is not > 1) return "--from applies only to --wave 2 and later";
        return null;
    }

    /// <summary>Loads and validates a calibration file, printing every issue (as validate does); null when invalid.</summary>
    internal static CalibrationSpec? LoadSpec(string path, TextWriter error)
    {
        CalibrationLoadResult result = CalibrationFileLoader.Load(path);
        if (result.IsValid)
        {
            CalibrationSpec spec = result.Spec!;
            if (spec.Design.Method == CalibrationDesignMethod.Sobol && Sobol is null)
            {
                error.WriteLine($"{path}: design.method: sobol is not available in this build; use latin_hypercube");
                return null;
            }
            return spec;
        }
        foreach (ScenarioIssue issue in result.Issues) error.WriteLine(issue.ToString());
        if (result.Issues.IsEmpty) error.WriteLine($"{path}: the calibration file is not valid");
        return null;
    }

    /// <summary>Each year scenario's baseline variant, after checking that every parameter key is one of its numeric keys.</summary>
    internal static ImmutableArray<ScenarioVariant>? LoadBaselines(CalibrationSpec spec, TextWriter error)
    {
        var baselines = ImmutableArray.CreateBuilder<ScenarioVariant>();
        bool ok = true;
        for (int s = 0; s < spec.ScenarioFiles.Length; s++)
        {
            Scenario? scenario = ScenarioFiles.TryLoad(spec.ScenarioFiles[s], error);
            if (scenario is null) return null;
            ScenarioVariant baseline = scenario.Variants[0];
            foreach (CalibrationParameter p in spec.Parameters)
            {
                if (!baseline.Parameters.Values.ContainsKey(p.Key))
                {
                    error.WriteLine($"{spec.SourcePath}:{p.Line}: parameters[{p.Key}]: '{p.Key}' is not a key of {spec.Scenarios[s]}");
                    ok = false;
                }
            }
            baselines.Add(baseline);
        }
        return ok ? baselines.ToImmutable() : null;
    }

    private static int Run(CalibrateArguments args, CalibrationSpec spec, ImmutableArray<ScenarioVariant> baselines, CalibrationSettings settings,
        ShardSpec shard, string directory, Func<ScenarioVariant, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        bool sharded = args.Wave is not null;
        string identity = CalibrationOutputs.Identity(spec, settings);
        string scope = sharded ? $"wave {args.Wave!.Value.ToString(CultureInfo.InvariantCulture)} shard {shard}" : "all";
        var earlier = new List<CalibrationPoint>();
        if (sharded && args.Wave > 1)
        {
            List<CalibrationPoint>? from = ReadFrom(args.From!, spec, settings, identity, args.Wave.Value, error);
            if (from is null) return ExitCodes.InvalidInput;
            earlier = from;
        }
        string manifestPath = Path.Combine(directory, CalibrationManifest.FileName);
        string checkpointPath = CalibrationCheckpoint.PathIn(directory);
        bool hasCheckpoint = File.Exists(checkpointPath);
        CalibrationManifest? old = File.Exists(manifestPath) && CalibrationManifest.ReadKind(manifestPath) is not null ? TryRead(manifestPath) : null;
        bool complete = old?.Status == "complete";
        // Every refusal comes before anything is written, not even the directory.
        if (!args.Force && !args.Resume && (hasCheckpoint || File.Exists(manifestPath) || File.Exists(Path.Combine(directory, CalibrationTable.WavesFile))))
        {
            error.WriteLine(Prefix + (hasCheckpoint && !complete
                ? $"{directory} holds an unfinished calibration; continue it with --resume (same options), start over with --force, or pass another --out"
                : $"{directory} already holds results; pass --out DIR to keep both, or --force to replace them"));
            return ExitCodes.InvalidInput;
        }
        if (args.Resume && !hasCheckpoint)
        {
            if (complete && old!.Identity == identity && old.Kind == (sharded ? CalibrationManifest.ShardKind : CalibrationManifest.WholeKind) && old.MaxWaves == (sharded ? args.Wave!.Value : settings.MaxWaves))
            {
                error.WriteLine($"{Prefix}{directory} already holds this calibration, complete; nothing to resume");
                return ExitCodes.Ok;
            }
            error.WriteLine($"{Prefix}cannot resume {directory}: it holds no checkpoint of this calibration{(complete ? " (its complete results are of other settings)" : "")}; use --force to start over");
            return ExitCodes.InvalidInput;
        }
        var loaded = new List<CalibrationPoint>();
        if (args.Resume)
        {
            try
            {
                loaded = CalibrationCheckpoint.Load(checkpointPath, spec, identity, scope, settings);
            }
            catch (InvalidDataException e)
            {
                error.WriteLine($"{Prefix}cannot resume {directory}: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }

        using var cancellation = new CancellationTokenSource();
        using InterruptSignals signals = InterruptSignals.Register(cancellation, error, Prefix, directory);
        using OutputLock? outputLock = AnalysisDirectory.Lock(directory, Prefix, error);
        if (outputLock is null) return ExitCodes.InvalidInput;
        if (!args.Resume) CalibrationResults.Clean(directory);
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        error.WriteLine($"{Prefix}{spec.Parameters.Length} parameter(s), {spec.Targets.Length} target(s) over {spec.Scenarios.Length} year scenario(s); " +
            (sharded ? $"wave {args.Wave} shard {shard}" : $"up to {settings.MaxWaves} wave(s)") +
            $", {settings.Replications} replications a point, {settings.ConfirmationReplications} to confirm; seed {settings.Seed}, {settings.Threads} thread(s), output {directory}" +
            (loaded.Count > 0 ? $" ({loaded.Count} point(s) taken from the checkpoint)" : ""));
        var engine = new CalibrationEngine(spec, baselines, settings, modelFactory);
        CalibrationWaves.Outcome outcome;
        using (CalibrationCheckpoint checkpoint = CalibrationCheckpoint.Create(checkpointPath, spec, identity, scope, loaded))
        {
            var done = new List<CalibrationPoint>(earlier);
            done.AddRange(loaded);
            outcome = CalibrationWaves.Run(spec, settings, engine, done, args.Wave, shard, Sobol, checkpoint.Append,
                w => WaveLine(output, w, sharded ? shard : null, clock.Elapsed.TotalSeconds), cancellation.Token);
        }
        var manifest = new CalibrationManifest
        {
            Kind = sharded ? CalibrationManifest.ShardKind : CalibrationManifest.WholeKind,
            CommandLine = "channelsim " + args.CommandLine,
            CalibrationFile = args.CalibrationPath,
            CalibrationSha256 = spec.Sha256,
            Identity = identity,
            Seed = settings.Seed,
            Replications = settings.Replications,
            ConfirmationReplications = settings.ConfirmationReplications,
            MaxWaves = sharded ? args.Wave!.Value : settings.MaxWaves,
            Threads = settings.Threads,
            Status = "partial",
            Wave = args.Wave,
            Shard = sharded ? shard.ToString() : null,
            From = args.From,
            Outputs = ["checkpoint/points.csv"],
            StartedUtc = started,
            EndedUtc = DateTimeOffset.UtcNow,
        };
        if (outcome.Interrupted)
        {
            manifest.Write(manifestPath);
            int kept = outcome.Points.Count - earlier.Count;
            error.WriteLine($"{Prefix}interrupted; {kept} finished point(s) are in the checkpoint; continue with --resume (same options).");
            return ExitCodes.Interrupted;
        }
        ImmutableArray<string> outputs;
        if (sharded)
        {
            CalibrationTable.Write(Path.Combine(directory, CalibrationManifest.ShardPointsFile), spec, outcome.Points);
            outputs = [CalibrationManifest.ShardPointsFile];
        }
        else
        {
            outputs = CalibrationResults.WriteAll(directory, spec, settings, outcome, !args.NoPlots, error);
        }
        (manifest with { Status = "complete", StoppingReason = outcome.StoppingReason, Outputs = outputs, EndedUtc = DateTimeOffset.UtcNow }).Write(manifestPath);
        // After the manifest: a crash before this line leaves a checkpoint that --resume reuses.
        CalibrationResults.DeleteCheckpoint(directory);
        double seconds = clock.Elapsed.TotalSeconds;
        if (sharded)
        {
            int own = outcome.Points.Count(p => p.Wave == args.Wave);
            output.WriteLine($"shard {shard} of wave {args.Wave}: {own} point(s) in {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s; merge the shards with 'channelsim merge SHARD_DIR... --out DIR'; files in {directory}");
        }
        else
        {
            CalibrationResults.PrintSummary(output, spec, outcome, directory, seconds);
        }
        return ExitCodes.Ok;
    }

    private static void WaveLine(TextWriter output, CalibrationWaveSummary w, ShardSpec? shard, double seconds)
    {
        string share = double.IsFinite(w.ShareRuledOut) ? (100 * w.ShareRuledOut).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "n/a";
        output.WriteLine($"wave {w.Wave}{(shard is { } s ? " shard " + s : "")}: {w.Points} point(s), {w.NonImplausible} non-implausible ({share} ruled out), " +
            $"{w.Confirmed} confirmed; {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        output.Flush();
    }

    private static CalibrationManifest? TryRead(string path)
    {
        try
        {
            return CalibrationManifest.Read(path);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The points of waves 1..W−1 from a merged (or unsharded) calibration directory; null after printing why not.</summary>
    private static List<CalibrationPoint>? ReadFrom(string from, CalibrationSpec spec, CalibrationSettings settings, string identity, int wave, TextWriter error)
    {
        string manifestPath = Path.Combine(from, CalibrationManifest.FileName);
        string wavesPath = Path.Combine(from, CalibrationTable.WavesFile);
        if (!File.Exists(manifestPath) || !File.Exists(wavesPath))
        {
            error.WriteLine($"{Prefix}--from {from}: needs the {CalibrationManifest.FileName} and {CalibrationTable.WavesFile} of the merged earlier waves");
            return null;
        }
        try
        {
            CalibrationManifest manifest = CalibrationManifest.Read(manifestPath);
            if (manifest.Kind != CalibrationManifest.WholeKind || manifest.Status != "complete")
            {
                error.WriteLine($"{Prefix}--from {from}: not a complete calibration (kind {manifest.Kind}, status {manifest.Status})");
                return null;
            }
            if (manifest.Identity != identity)
            {
                error.WriteLine($"{Prefix}--from {from}: it was run with another file, seed, replications or version (calibration_sha256 {manifest.CalibrationSha256}, seed {manifest.Seed}, replications {manifest.Replications})");
                return null;
            }
            List<CalibrationPoint> points = CalibrationTable.Parse(File.ReadLines(wavesPath), wavesPath, spec, settings.Replications, settings.ConfirmationReplications);
            int last = points.Count == 0 ? 0 : points.Max(p => p.Wave);
            if (last != wave - 1)
            {
                error.WriteLine($"{Prefix}--from {from}: holds waves 1-{last}, but --wave {wave} needs exactly waves 1-{wave - 1}");
                return null;
            }
            return points;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"{Prefix}--from {from}: {e.Message}");
            return null;
        }
    }
}
