using System.Text;

namespace Simulation.Tests.Reporting;

/// <summary>
/// A deliberately strict RFC 4180 reader for tests: fields separated by commas, records ended by
/// CRLF or LF, quoted fields with doubled quotes inside, no stray quote in an unquoted field,
/// nothing after a closing quote but a comma or line end, and every record as wide as the first.
/// It has no notion of comment lines, so a "# ..." line before the header fails the width check or
/// becomes the header, as it does in pandas' and R's default readers.
/// </summary>
internal static class StrictCsv
{
    /// <summary>All records of the file; throws <see cref="FormatException"/> naming the line on any violation.</summary>
    public static List<string[]> Read(string path) => Parse(File.ReadAllText(path, new UTF8Encoding(false, true)), Path.GetFileName(path));

    public static List<string[]> Parse(string text, string name)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') throw new FormatException($"{name}: starts with a byte-order mark");
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, i = 0;
        while (i < text.Length)
        {
            // One field.
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException($"{name}: line {line}: a quoted field is not closed");
                    char c = text[i++];
                    if (c == '"')
                    {
                        if (i < text.Length && text[i] == '"') { field.Append('"'); i++; continue; }
                        break;
                    }
                    if (c == '\n') line++;
                    field.Append(c);
                }
                if (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                    throw new FormatException($"{name}: line {line}: '{text[i]}' after a closing quote");
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\n' or '\r'))
                {
                    if (text[i] == '"') throw new FormatException($"{name}: line {line}: a quote inside an unquoted field");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());
            field.Clear();
            if (i >= text.Length) break;
            char separator = text[i++];
            if (separator == ',') continue;
            if (separator == '\r')
            {
                if (i >= text.Length || text[i] != '\n') throw new FormatException($"{name}: line {line}: a CR not followed by LF");
                i++;
            }
            records.Add(fields.ToArray());
            fields.Clear();
            line++;
        }
        if (fields.Count > 0) records.Add(fields.ToArray());
        if (records.Count == 0) throw new FormatException($"{name}: no records");
        for (int r = 1; r < records.Count; r++)
        {
            if (records[r].Length != records[0].Length)
                throw new FormatException($"{name}: record {r + 1} has {records[r].Length} fields, the first record {records[0].Length}");
        }
        return records;
    }
}
