using System.Diagnostics;
using System.Text;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Reporting;

namespace Simulation.Core.Experiments;

/// <summary>
/// Append-only record of finished replications, so a run killed at any moment can be resumed and
/// shards can be merged. Layout (UTF-8 text, "\n" lines):
/// <code>
/// #channelsim-checkpoint 2
/// #key=value            (the ExperimentIdentity fields, then shard=k/n)
/// #end
/// t,&lt;variant&gt;,&lt;replication&gt;,&lt;one value per metric&gt;
/// d,&lt;variant&gt;,&lt;replication&gt;,&lt;base64 of the series-major daily values&gt;   (below the daily cap only)
/// </code>
/// Every row ends with <c>*</c> and 16 hex digits of the FNV-1a 64 hash of the text before it: a row
/// damaged on disk (a changed digit still parses) is then ignored like a torn one and its replication
/// is run again, instead of changing the results silently.
/// Totals use the round-trip text format and daily blocks the raw little-endian IEEE-754 bytes in
/// base64 (thousands of values per line: formatting them as text cost more than the replications
/// of a cheap model), so a row read back is bit-identical to the row computed.
/// A replication counts only when every line it needs is present and ends with "\n"; a torn last
/// line after SIGKILL is ignored and that replication is run again on resume. Writes are flushed
/// to disk at most once a second (batched fsync), so a crash loses at most about a second of work.
/// </summary>
public sealed class Checkpoint : IReplicationSink, IDisposable
{
    private const string Magic = "#channelsim-checkpoint 2";
    private readonly object _gate = new();
    private readonly FileStream _stream;
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();

    private Checkpoint(FileStream stream) => _stream = stream;

    /// <summary>Creates a new checkpoint (header only, written atomically) and opens it for appending.</summary>
    public static Checkpoint Create(string path, ExperimentIdentity identity, ShardSpec shard) =>
        Rewrite(path, identity, shard, store: null, replications: []);

    /// <summary>
    /// Atomically replaces the checkpoint by the header plus the given replications' rows (used on
    /// resume to drop a torn tail), then opens it for appending.
    /// </summary>
    public static Checkpoint Rewrite(string path, ExperimentIdentity identity, ShardSpec shard, ReplicationStore? store, IReadOnlyList<long> replications)
    {
        AtomicFile.WriteText(path, writer =>
        {
            writer.Write(Header(identity, shard));
            if (store is not null)
            {
                var line = new StringBuilder();
                foreach (long r in replications)
                {
                    line.Clear();
                    AppendRows(line, store, r);
                    writer.Write(line);
                }
            }
        });
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        return new Checkpoint(stream);
    }

    private static string Header(ExperimentIdentity identity, ShardSpec shard)
    {
        var text = new StringBuilder();
        text.Append(Magic).Append('\n');
        foreach (var (key, value) in identity.ToFields()) text.Append('#').Append(key).Append('=').Append(value).Append('\n');
        text.Append("#shard=").Append(shard.ToString()).Append('\n');
        text.Append("#end\n");
        return text.ToString();
    }

    /// <inheritdoc />
    public void Completed(ReadOnlySpan<long> replications, ReplicationStore store)
    {
        if (replications.IsEmpty) return;
        var text = new StringBuilder(replications.Length * store.VariantCount * 400);
        foreach (long r in replications) AppendRows(text, store, r);
        byte[] bytes = AtomicFile.Utf8NoBom.GetBytes(text.ToString());
        lock (_gate)
        {
            _stream.Write(bytes);
            if (_sinceFlush.ElapsedMilliseconds >= 1000)
            {
                _stream.Flush(flushToDisk: true);
                _sinceFlush.Restart();
            }
        }
    }

    private static void AppendRows(StringBuilder text, ReplicationStore store, long replication)
    {
        for (int v = 0; v < store.VariantCount; v++)
        {
            int start = text.Length;
            text.Append("t,").Append(v).Append(',').Append(replication);
            foreach (double value in store.TotalsSpan(v, replication)) AppendNumber(text.Append(','), value);
            EndRow(text, start);
            if (replication < store.DailyReplicationCap)
            {
                start = text.Length;
                text.Append("d,").Append(v).Append(',').Append(replication).Append(',');
                text.Append(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(store.DailySpan(v, replication))));
                EndRow(text, start);
            }
        }
    }

    private static void EndRow(StringBuilder text, int start)
    {
        ulong hash = RowHash.Initial;
        int offset = 0;
        foreach (ReadOnlyMemory<char> chunk in text.GetChunks())
        {
            ReadOnlySpan<char> span = chunk.Span;
            int from = Math.Max(0, start - offset);
            if (from < span.Length) hash = RowHash.Add(hash, span[from..]);
            offset += span.Length;
        }
        text.Append('*').Append(hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
    }

    // Same text as InvariantFormat.Number, formatted straight into the builder (no string per value).
    private static void AppendNumber(StringBuilder text, double value)
    {
        if (double.IsFinite(value)) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{value:R}");
    }

    /// <summary>Flushes everything to disk.</summary>
    public void Flush()
    {
        lock (_gate) _stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Flush(flushToDisk: true);
            _stream.Dispose();
        }
    }

    /// <summary>Reads only the header of a checkpoint.</summary>
    public static (ExperimentIdentity Identity, ShardSpec Shard) ReadHeader(string path)
    {
        using var reader = new StreamReader(path, AtomicFile.Utf8NoBom);
        return ReadHeader(reader, path);
    }

    private static (ExperimentIdentity, ShardSpec) ReadHeader(StreamReader reader, string path)
    {
        if (reader.ReadLine() != Magic) throw new InvalidDataException($"{path}: not a ChannelSim checkpoint (first line must be '{Magic}').");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            string? line = reader.ReadLine() ?? throw new InvalidDataException($"{path}: checkpoint header ends early.");
            if (line == "#end") break;
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (!line.StartsWith('#') || eq < 0) throw new InvalidDataException($"{path}: bad checkpoint header line '{line}'.");
            fields[line[1..eq]] = line[(eq + 1)..];
        }
        ExperimentIdentity identity = ExperimentIdentity.FromFields(fields, out string error)
            ?? throw new InvalidDataException($"{path}: checkpoint header is invalid: {error}.");
        if (!fields.TryGetValue("shard", out string? shardText) || !ShardSpec.TryParse(shardText, out ShardSpec shard, out _))
        {
            throw new InvalidDataException($"{path}: checkpoint header has no valid shard.");
        }
        return (identity, shard);
    }

    /// <summary>
    /// Loads every complete replication of a checkpoint into <paramref name="store"/> (growing it as
    /// needed) and returns their indices in ascending order. Incomplete or torn rows are ignored.
    /// Throws <see cref="InvalidDataException"/> when a replication in the file is already in the store
    /// (two shards claiming the same replication).
    /// </summary>
    public static List<long> Load(string path, ReplicationStore store, out ExperimentIdentity identity, out ShardSpec shard)
    {
        string text;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream, AtomicFile.Utf8NoBom))
        {
            (identity, shard) = ReadHeader(reader, path);
            text = reader.ReadToEnd();
        }
        int variants = identity.VariantNames.Length;
        // Per replication: bit v set when the totals line of variant v was read, bit 32+v for its daily line.
        var seen = new Dictionary<long, ulong>();
        int position = 0;
        while (position < text.Length)
        {
            int end = text.IndexOf('\n', position);
            if (end < 0) break; // torn last line
            ReadOnlySpan<char> line = text.AsSpan(position, end - position);
            position = end + 1;
            TryReadRow(line, identity, store, seen);
        }
        var complete = new List<long>();
        foreach (var (r, mask) in seen)
        {
            ulong need = (1UL << variants) - 1;
            if (r < identity.DailyReplicationCap) need |= need << 32;
            if ((mask & need) != need) continue;
            if (store.IsDone(r)) throw new InvalidDataException($"{path}: replication {r} is also in another checkpoint.");
            complete.Add(r);
        }
        complete.Sort();
        foreach (long r in complete) store.MarkDone(r);
        return complete;
    }

    private static void TryReadRow(ReadOnlySpan<char> line, ExperimentIdentity identity, ReplicationStore store, Dictionary<long, ulong> seen)
    {
        int star = line.LastIndexOf('*');
        if (star < 0 || !ulong.TryParse(line[(star + 1)..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out ulong stored)) return;
        line = line[..star];
        if (RowHash.Add(RowHash.Initial, line) != stored) return;
        if (line.Length < 2 || line[1] != ',' || (line[0] != 't' && line[0] != 'd')) return;
        bool daily = line[0] == 'd';
        var parts = line[2..].Split(',');
        if (!parts.MoveNext() || !int.TryParse(line[2..][parts.Current], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int v)) return;
        if (!parts.MoveNext() || !long.TryParse(line[2..][parts.Current], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long r)) return;
        if (v < 0 || v >= identity.VariantNames.Length || r < 0 || r >= identity.MaxReplications) return;
        if (daily && r >= identity.DailyReplicationCap) return;
        int width = daily ? MetricNames.Daily.Length * identity.Days[v] : MetricNames.Count;
        var values = new double[width];
        if (daily)
        {
            if (!parts.MoveNext()) return;
            Span<byte> bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
            if (!Convert.TryFromBase64Chars(line[2..][parts.Current], bytes, out int written) || written != bytes.Length || parts.MoveNext()) return;
            store.EnsureCapacity(r + 1);
            values.CopyTo(store.DailySpan(v, r));
            seen[r] = (seen.TryGetValue(r, out ulong dailyMask) ? dailyMask : 0) | (1UL << (v + 32));
            return;
        }
        int i = 0;
        ReadOnlySpan<char> rest = line[2..];
        while (parts.MoveNext())
        {
            if (i >= width) return;
            if (!double.TryParse(rest[parts.Current], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out values[i]))
            {
                if (rest[parts.Current].Length != 0) return;
                values[i] = double.NaN;
            }
            i++;
        }
        if (i != width) return;
        store.EnsureCapacity(r + 1);
        values.CopyTo(daily ? store.DailySpan(v, r) : store.TotalsSpan(v, r));
        seen[r] = (seen.TryGetValue(r, out ulong mask) ? mask : 0) | (1UL << (v + (daily ? 32 : 0)));
    }
}

/// <summary>FNV-1a 64 over UTF-16 code units: a cheap check that a checkpoint row is the row written.</summary>
internal static class RowHash
{
    public const ulong Initial = 14695981039346656037UL;

    public static ulong Add(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
