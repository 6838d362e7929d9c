using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Trace;

/// <summary>Behaviour of channelsim trace.</summary>
public static class TraceHandler
{
    /// <summary>Loads the scenario and traces one replication; returns the exit code.</summary>
    public static int Execute(string scenarioPath, long replication, string? variantName, ulong? seed, string? outFile,
        Func<ScenarioVariant, IEventTrace, IReplicationModel> modelFactory, TextWriter output, TextWriter error, string commandLine = "",
        IReadOnlyList<string>? overrides = null)
    {
        if (replication < 0)
        {
            error.WriteLine($"channelsim trace: --replication must be at least 0 (was {replication})");
            return ExitCodes.InvalidInput;
        }
        Scenario? scenario = ScenarioFiles.TryLoad(scenarioPath, error, overrides);
        if (scenario is null) return ExitCodes.InvalidInput;
        return Execute(scenario, replication, variantName, seed, outFile, modelFactory, output, error, commandLine);
    }

    /// <summary>Traces one replication of a validated scenario.</summary>
    /// <remarks>
    /// The CSV starts with its header row. With --out FILE the provenance (version, seed, scenario
    /// hash, variant, replication and its seed) goes to FILE.manifest.json, written after the trace
    /// so its presence marks a finished trace; on stdout it goes to stderr as one line.
    /// </remarks>
    public static int Execute(Scenario scenario, long replication, string? variantName, ulong? seed, string? outFile,
        Func<ScenarioVariant, IEventTrace, IReplicationModel> modelFactory, TextWriter output, TextWriter error, string commandLine = "")
    {
        ScenarioVariant? variant = variantName is null ? scenario.Variants[0] : scenario.Variants.FirstOrDefault(v => v.Name == variantName);
        if (variant is null)
        {
            error.WriteLine($"channelsim trace: unknown --variant {variantName}; {scenario.SourcePath} has: {string.Join(", ", scenario.Variants.Select(v => v.Name))}");
            return ExitCodes.InvalidInput;
        }
        ulong masterSeed = seed ?? scenario.DefaultSeed;
        DateOnly start = variant.Parameters.Date("calendar.start_date");
        ulong replicationSeed = Simulation.Core.Engine.Random.SeedDerivation.ForReplication(masterSeed, replication);
        long events = 0;
        void Trace(TextWriter writer)
        {
            var trace = new CsvEventTrace(writer, start);
            IReplicationModel model = modelFactory(variant, trace);
            model.RunReplication(masterSeed, replication, new ReplicationResult(model.Days));
            events = trace.Events;
        }
        if (outFile is null)
        {
            Trace(output);
            output.Flush();
        }
        else
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(outFile));
            if (directory is not null) Directory.CreateDirectory(directory);
            AtomicFile.WriteText(outFile, Trace);
            new TraceManifest
            {
                CommandLine = "channelsim " + commandLine,
                ScenarioPath = scenario.SourcePath,
                ScenarioSha256 = scenario.Sha256,
                Overrides = scenario.Overrides,
                MasterSeed = masterSeed,
                Variant = variant.Name,
                Replication = replication,
                ReplicationSeed = replicationSeed,
                StartDate = start,
                Events = events,
                TraceFile = Path.GetFileName(outFile),
            }.Write(TraceManifest.PathFor(outFile));
        }
        error.WriteLine($"channelsim trace: {events} events of replication {replication} (replication seed {replicationSeed}), variant {variant.Name}, seed {masterSeed}, " +
            $"channelsim {ChannelSimVersion.Current}, scenario sha256 {scenario.Sha256}" +
            (outFile is null ? "" : $"; written to {outFile}, provenance in {TraceManifest.PathFor(outFile)}"));
        return ExitCodes.Ok;
    }
}
