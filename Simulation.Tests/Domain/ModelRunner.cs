using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Tests.Domain;

/// <summary>Runs a batch of replications and keeps every result.</summary>
internal static class ModelRunner
{
    public const ulong Seed = 20240101;

    public static List<ReplicationResult> Run(ParameterSet parameters, int replications, ulong seed = Seed)
    {
        var model = new ChannelModel(parameters);
        var results = new List<ReplicationResult>(replications);
        for (int r = 0; r < replications; r++)
        {
            var result = new ReplicationResult(model.Days);
            model.RunReplication(seed, r, result);
            results.Add(result);
        }
        return results;
    }

    public static double Mean(List<ReplicationResult> results, Metric metric)
    {
        double sum = 0;
        foreach (var r in results) sum += r[metric];
        return sum / results.Count;
    }

    public static double Sum(List<ReplicationResult> results, Metric metric)
    {
        double sum = 0;
        foreach (var r in results) sum += r[metric];
        return sum;
    }
}
