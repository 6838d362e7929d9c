namespace Simulation.Core.Reporting;

/// <summary>
/// Writes model events as CSV rows "time_hours,date,entity,event,people,outcome" (header written on
/// creation, first line of the output: plain data for any CSV reader; provenance goes to
/// <see cref="TraceManifest"/>). The date is the calendar day the event falls on (start date + whole days elapsed).
/// </summary>
public sealed class CsvEventTrace : Domain.IEventTrace
{
    private readonly TextWriter _writer;
    private readonly DateOnly _startDate;

    /// <summary>Creates the trace and writes the header line.</summary>
    public CsvEventTrace(TextWriter writer, DateOnly startDate)
    {
        _writer = writer;
        _startDate = startDate;
        _writer.Write("time_hours,date,entity,event,people,outcome\n");
    }

    /// <summary>Events recorded so far.</summary>
    public long Events { get; private set; }

    /// <inheritdoc />
    public void Record(double timeHours, string entity, string eventName, int people, string outcome)
    {
        int day = (int)Math.Floor(timeHours / 24);
        _writer.Write(InvariantFormat.Number(timeHours));
        _writer.Write(',');
        _writer.Write(InvariantFormat.Date(_startDate.AddDays(day)));
        _writer.Write(',');
        _writer.Write(InvariantFormat.CsvCell(entity));
        _writer.Write(',');
        _writer.Write(InvariantFormat.CsvCell(eventName));
        _writer.Write(',');
        _writer.Write(InvariantFormat.Integer(people));
        _writer.Write(',');
        _writer.Write(InvariantFormat.CsvCell(outcome));
        _writer.Write('\n');
        Events++;
    }
}
