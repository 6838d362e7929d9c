using System.Collections.Immutable;
using Simulation.Core.Calibration;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands.Calibrate;

/// <summary>
/// channelsim merge for calibration shards: the shards of one wave (same file, seed, replications and
/// version; every k of n present once; every point of the wave present) become the outputs that the
/// unsharded calibration stopped after that wave writes, byte for byte (manifest.json aside).
/// </summary>
internal static class CalibrationMerge
{
    private const string Prefix = "channelsim merge: ";

    /// <summary>True when every directory holds a calibration shard's manifest.</summary>
    public static bool AllShards(IReadOnlyList<string> directories) =>
        directories.Count > 0 && directories.All(d => CalibrationManifest.ReadKind(Path.Combine(d, CalibrationManifest.FileName)) == CalibrationManifest.ShardKind);

    /// <summary>Merges; returns the exit code. <paramref name="plots"/> false is merge's --no-plots, as calibrate's: no charts.</summary>
    public static int Execute(IReadOnlyList<string> directories, string outDirectory, bool force, string commandLine, TextWriter output, TextWriter error,
        bool plots = true)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        var manifests = new List<CalibrationManifest>();
        try
        {
            foreach (string d in directories) manifests.Add(CalibrationManifest.Read(Path.Combine(d, CalibrationManifest.FileName)));
        }
        catch (InvalidDataException e)
        {
            return Refuse(error, e.Message);
        }
        CalibrationManifest first = manifests[0];
        var shards = new List<ShardSpec>();
        for (int i = 0; i < manifests.Count; i++)
        {
            CalibrationManifest m = manifests[i];
            if (m.Status != "complete") return Refuse(error, $"{directories[i]} holds an unfinished shard (status {m.Status}); finish it with calibrate --resume");
            if (m.Identity != first.Identity || m.Wave != first.Wave)
                return Refuse(error, $"{directories[i]} is a shard of another calibration or wave than {directories[0]} (wave {m.Wave} vs {first.Wave}; calibration_sha256, seed, replications or version differ)");
            if (!ShardSpec.TryParse(m.Shard, out ShardSpec shard, out string shardError)) return Refuse(error, $"{directories[i]}: {shardError}");
            shards.Add(shard);
        }
        int count = shards[0].Count;
        if (shards.Any(s => s.Count != count)) return Refuse(error, "the shards were cut into different numbers of shards (k/n with different n)");
        for (int k = 1; k <= count; k++)
        {
            int found = shards.Count(s => s.Index == k);
            if (found != 1) return Refuse(error, found == 0 ? $"shard {k}/{count} is missing" : $"shard {k}/{count} is given {found} times");
        }
        if (OutputDirectoryCheck.Problem(outDirectory) is { } outProblem) return Refuse(error, outProblem);
        if (!force && (File.Exists(Path.Combine(outDirectory, CalibrationManifest.FileName)) || File.Exists(Path.Combine(outDirectory, CalibrationTable.WavesFile))))
            return Refuse(error, $"{outDirectory} already holds results; pass --force to replace them or another --out");

        CalibrationSpec? spec = CalibrateHandler.LoadSpec(first.CalibrationFile, error);
        if (spec is null) return Refuse(error, $"the shards' calibration file {first.CalibrationFile} cannot be loaded (run merge from the folder the shards were started in)");
        if (spec.Sha256 != first.CalibrationSha256) return Refuse(error, $"{first.CalibrationFile} or its year scenarios changed since the shards ran (SHA-256 {spec.Sha256}, shards {first.CalibrationSha256})");
        int wave = first.Wave!.Value;
        var settings = new CalibrationSettings
        {
            Seed = first.Seed,
            Replications = first.Replications,
            ConfirmationReplications = first.ConfirmationReplications,
            MaxWaves = wave,
        };
        if (CalibrationOutputs.Identity(spec, settings) != first.Identity) return Refuse(error, "the shards were made by another ChannelSim version");

        List<CalibrationPoint>? earlier = null;
        var own = new List<CalibrationPoint>();
        for (int i = 0; i < directories.Count; i++)
        {
            string path = Path.Combine(directories[i], CalibrationManifest.ShardPointsFile);
            List<CalibrationPoint> rows;
            try
            {
                rows = CalibrationTable.Parse(File.ReadLines(path), path, spec, settings.Replications, settings.ConfirmationReplications);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return Refuse(error, e.Message);
            }
            List<CalibrationPoint> before = rows.Where(p => p.Wave < wave).ToList();
            if (earlier is null) earlier = before;
            else if (!before.Select(p => CalibrationTable.Row(spec, p)).SequenceEqual(earlier.Select(p => CalibrationTable.Row(spec, p))))
                return Refuse(error, $"{directories[i]} started from other earlier waves than {directories[0]} (different --from results)");
            foreach (CalibrationPoint p in rows.Where(p => p.Wave == wave))
            {
                if (!shards[i].Owns(p.Index)) return Refuse(error, $"{path}: point {p.Index} does not belong to shard {shards[i]}");
                own.Add(p);
            }
        }
        var points = CalibrationWaves.Sorted(earlier!.Concat(own));
        int expected = CalibrationWaves.Design(spec, settings.Seed, wave, earlier!, CalibrateHandler.Sobol, out _).Length;
        var indices = own.Select(p => p.Index).ToHashSet();
        if (own.Count != expected || indices.Count != expected || indices.Any(i => i < 0 || i >= expected))
            return Refuse(error, $"the shards hold {own.Count} point(s) of wave {wave}; the wave has {expected}");

        var waves = new List<CalibrationWaveSummary>();
        for (int w = 1; w <= wave; w++) waves.Add(CalibrationWaves.Summarise(spec, settings.Seed, w, points, CalibrateHandler.Sobol));
        string reason = CalibrationStopping.Reason(points.Count(p => p.Confirmed), wave, spec.Design.TargetPlausible, wave)!;
        var outcome = new CalibrationWaves.Outcome(points, waves, reason, false);
        Directory.CreateDirectory(outDirectory);
        using OutputLock? outputLock = OutputLock.TryAcquire(outDirectory, out string lockError);
        if (outputLock is null) return Refuse(error, lockError);
        CalibrationResults.Clean(outDirectory);
        ImmutableArray<string> outputs = CalibrationResults.WriteAll(outDirectory, spec, settings, outcome, plots, error);
        new CalibrationManifest
        {
            Kind = CalibrationManifest.WholeKind,
            CommandLine = commandLine,
            CalibrationFile = first.CalibrationFile,
            CalibrationSha256 = spec.Sha256,
            Identity = first.Identity,
            Seed = settings.Seed,
            Replications = settings.Replications,
            ConfirmationReplications = settings.ConfirmationReplications,
            MaxWaves = wave,
            Threads = 1,
            Status = "complete",
            StoppingReason = reason,
            Outputs = outputs,
            StartedUtc = started,
            EndedUtc = DateTimeOffset.UtcNow,
        }.Write(Path.Combine(outDirectory, CalibrationManifest.FileName));
        error.WriteLine($"{Prefix}{count} calibration shard(s) of wave {wave} merged, results in {outDirectory}");
        CalibrationResults.PrintSummary(output, spec, outcome, outDirectory, 0);
        return ExitCodes.Ok;
    }

    private static int Refuse(TextWriter error, string message)
    {
        error.WriteLine(Prefix + message);
        return ExitCodes.InvalidInput;
    }
}
