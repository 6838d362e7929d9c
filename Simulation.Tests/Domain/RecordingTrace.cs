using Simulation.Core.Domain;

namespace Simulation.Tests.Domain;

/// <summary>Keeps every trace event a mechanism records, for tests that check what was written and for whom.</summary>
internal sealed class RecordingTrace : IEventTrace
{
    public List<(double Hours, string Entity, string Event, int People, string Outcome)> Rows { get; } = new();

    public void Record(double timeHours, string entity, string eventName, int people, string outcome) =>
        Rows.Add((timeHours, entity, eventName, people, outcome));

    /// <summary>The events recorded for boat k, in order.</summary>
    public List<(string Event, int People, string Outcome)> ForBoat(int k)
    {
        string entity = "boat-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = new List<(string, int, string)>();
        foreach (var row in Rows)
            if (row.Entity == entity) rows.Add((row.Event, row.People, row.Outcome));
        return rows;
    }
}
