using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain;

/// <summary>The Channel model (placeholder until the model lands).</summary>
public sealed class ChannelModel : IReplicationModel
{
    private readonly ParameterSet _parameters;

    /// <summary>Builds the model for one validated parameter set.</summary>
    public ChannelModel(ParameterSet parameters)
    {
        _parameters = parameters;
        Days = parameters.Integer("calendar.horizon_days");
    }

    /// <inheritdoc />
    public int Days { get; }

    /// <summary>Optional event trace for one replication.</summary>
    public IEventTrace? Trace { get; set; }

    /// <inheritdoc />
    public void RunReplication(ulong masterSeed, long replication, ReplicationResult result) =>
        throw new NotImplementedException("The Channel model is not built yet: " + _parameters.Values.Count);
}
