using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands;

/// <summary>
/// Progress as sparse plain lines on stderr, at most one per 10% or per 15 seconds, for output that
/// is redirected (CI logs, files): no escape codes, nothing that rewrites a line.
/// </summary>
internal sealed class SparseProgress(TextWriter error, string unit = "replications") : IProgress<ReplicationProgress>
{
    private long _lastTenth = -1;
    private DateTime _last = DateTime.UtcNow;

    public void Report(ReplicationProgress value)
    {
        if (value.Total <= 0) return;
        long tenth = value.Completed * 10 / value.Total;
        if (tenth == _lastTenth && DateTime.UtcNow - _last < TimeSpan.FromSeconds(15)) return;
        _lastTenth = tenth;
        _last = DateTime.UtcNow;
        error.WriteLine($"  {value.Completed}/{value.Total} {unit} ({100 * value.Completed / value.Total}%)");
    }
}
