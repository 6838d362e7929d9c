using System.Text;
using Simulation.Core.Reporting;

namespace Simulation.Core.Calibration;

/// <summary>
/// checkpoint/points.csv: a first line naming the calibration's identity and scope, then waves.csv's
/// header and a row per finished point, appended and flushed block by block. A torn last line (a kill
/// in mid-write) is dropped on load; finished blocks are never rerun.
/// </summary>
public sealed class CalibrationCheckpoint : IDisposable
{
    private readonly FileStream _stream;
    private readonly CalibrationSpec _spec;

    private CalibrationCheckpoint(FileStream stream, CalibrationSpec spec)
    {
        _stream = stream;
        _spec = spec;
    }

    /// <summary>Path inside an output directory.</summary>
    public static string PathIn(string directory) => Path.Combine(directory, "checkpoint", "points.csv");

    /// <summary>The first line: identity and scope ("all" or "wave W shard k/n").</summary>
    public static string FirstLine(string identity, string scope) => "# channelsim calibration checkpoint identity=" + identity + " scope=" + scope;

    /// <summary>Starts a checkpoint holding <paramref name="points"/> (rewritten, so a torn tail is gone).</summary>
    public static CalibrationCheckpoint Create(string path, CalibrationSpec spec, string identity, string scope, IReadOnlyList<CalibrationPoint> points)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteText(path, w =>
        {
            w.WriteLine(FirstLine(identity, scope));
            w.WriteLine(CalibrationTable.HeaderLine(spec));
            foreach (CalibrationPoint p in points) w.WriteLine(CalibrationTable.Row(spec, p));
        });
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new CalibrationCheckpoint(stream, spec);
    }

    /// <summary>Appends finished points and flushes them to disk.</summary>
    public void Append(IEnumerable<CalibrationPoint> points)
    {
        var text = new StringBuilder();
        foreach (CalibrationPoint p in points) text.Append(CalibrationTable.Row(_spec, p)).Append('\n');
        byte[] bytes = AtomicFile.Utf8NoBom.GetBytes(text.ToString());
        _stream.Write(bytes);
        _stream.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Loads the points of a checkpoint written for <paramref name="identity"/> and <paramref name="scope"/>;
    /// throws <see cref="InvalidDataException"/> when it belongs to other settings or is corrupt before its last line.
    /// </summary>
    public static List<CalibrationPoint> Load(string path, CalibrationSpec spec, string identity, string scope, CalibrationSettings settings)
    {
        string text = File.ReadAllText(path, AtomicFile.Utf8NoBom);
        var lines = new List<string>(text.Split('\n'));
        // Only a line that ends in a newline was written completely.
        if (lines.Count > 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count == 0 || !lines[0].StartsWith("# channelsim calibration checkpoint ", StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: not a calibration checkpoint");
        if (lines[0] != FirstLine(identity, scope))
            throw new InvalidDataException($"{path}: it was written for other settings or another wave or shard ('{lines[0]}'; expected '{FirstLine(identity, scope)}')");
        return CalibrationTable.Parse(lines.Skip(1), path, spec, settings.Replications, settings.ConfirmationReplications);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
