using System.Text;

namespace Simulation.Cli.Reporting;

/// <summary>A small RFC 4180 reader: a header line, then rows; quoted fields may hold commas, quotes and newlines.</summary>
internal sealed class CsvTable
{
    public required string FileName { get; init; }
    public required IReadOnlyList<string> Header { get; init; }
    /// <summary>Rows with their 1-based line number in the file.</summary>
    public required IReadOnlyList<(int Line, string[] Fields)> Rows { get; init; }

    public int Column(string name, bool required = true)
    {
        for (int i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }
        if (required)
        {
            throw new ResultsFormatException(
                $"{FileName}: line 1: required column '{name}' is missing (header: {string.Join(",", Header)}).");
        }
        return -1;
    }

    public static CsvTable Read(string path)
    {
        string name = System.IO.Path.GetFileName(path);
        var records = Parse(File.ReadAllText(path, Encoding.UTF8));
        // Every CSV the runner writes now starts with its header row. Results written by earlier
        // builds started with a "# channelsim_version=... seed=..." line; it is still skipped so
        // those results directories stay readable.
        int comments = 0;
        while (comments < records.Count && records[comments].Fields.Length > 0 && records[comments].Fields[0].StartsWith('#')) comments++;
        records.RemoveRange(0, comments);
        if (records.Count == 0)
        {
            throw new ResultsFormatException($"{name}: the file is empty; expected a header line.");
        }
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        var rows = new List<(int, string[])>(records.Count - 1);
        for (int i = 1; i < records.Count; i++)
        {
            var (line, fields) = records[i];
            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }
            if (fields.Length != header.Length)
            {
                throw new ResultsFormatException(
                    $"{name}: line {line}: {fields.Length} fields, but the header has {header.Length}.");
            }
            rows.Add((line, fields));
        }
        return new CsvTable { FileName = name, Header = header, Rows = rows };
    }

    private static List<(int Line, string[] Fields)> Parse(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool inQuotes = false, any = false;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            any = true;
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { inQuotes = false; }
                else { if (c == '\n') { line++; } field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields.ToArray())); fields.Clear();
                    line++; recordLine = line; any = false;
                    break;
                default: field.Append(c); break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields.ToArray()));
        }
        return records;
    }
}
