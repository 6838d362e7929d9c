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
        Func<ScenarioVariant, IEventTrace, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        if (replication < 0)
        {
            error.WriteLine($"channelsim trace: --replication must be at least 0 (was {replication})");
            return ExitCodes.InvalidInput;
        }
        Scenario? scenario = ScenarioFiles.TryLoad(scenarioPath, error);
        if (scenario is null) return ExitCodes.InvalidInput;
        return Execute(scenario, replication, variantName, seed, outFile, modelFactory, output, error);
    }

    /// <summary>Traces one replication of a validated scenario.</summary>
    public static int Execute(Scenario scenario, long replication, string? variantName, ulong? seed, string? outFile,
        Func<ScenarioVariant, IEventTrace, IReplicationModel> modelFactory, TextWriter output, TextWriter error)
    {
        ScenarioVariant? variant = variantName is null ? scenario.Variants[0] : scenario.Variants.FirstOrDefault(v => v.Name == variantName);
        if (variant is null)
        {
            error.WriteLine($"channelsim trace: unknown --variant {variantName}; {scenario.SourcePath} has: {string.Join(", ", scenario.Variants.Select(v => v.Name))}");
            return ExitCodes.InvalidInput;
        }
        ulong masterSeed = seed ?? scenario.DefaultSeed;
        DateOnly start = variant.Parameters.Date("calendar.start_date");
        long events = 0;
        void Trace(TextWriter writer)
        {
            string provenance = $"channelsim_version={ChannelSimVersion.Current} seed={masterSeed} scenario_sha256={scenario.Sha256} variant={variant.Name} replication={replication} replication_seed={Simulation.Core.Engine.Random.SeedDerivation.ForReplication(masterSeed, replication)}";
            var trace = new CsvEventTrace(writer, start, provenance);
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
        }
        error.WriteLine($"channelsim trace: {events} events of replication {replication}, variant {variant.Name}, seed {masterSeed}{(outFile is null ? "" : " written to " + outFile)}");
        return ExitCodes.Ok;
    }
}
