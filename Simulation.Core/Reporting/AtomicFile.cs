using System.Text;

namespace Simulation.Core.Reporting;

/// <summary>
/// Writes files so that a reader (or a crash) never sees half a file: the bytes go to a temporary
/// file in the same directory, are flushed to disk, and the temporary file is renamed over the
/// target. A rename within one directory is atomic on the file systems we run on.
/// </summary>
public static class AtomicFile
{
    /// <summary>UTF-8 without a byte-order mark, the encoding of every text output.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes a file through <paramref name="write"/> and renames it into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes text (UTF-8 without BOM) through a writer whose new line is "\n".</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8NoBom, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
        });

    /// <summary>Writes a whole string (UTF-8 without BOM).</summary>
    public static void WriteAllText(string path, string text) => Write(path, stream => stream.Write(Utf8NoBom.GetBytes(text)));

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
