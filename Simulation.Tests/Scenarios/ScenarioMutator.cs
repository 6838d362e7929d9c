using System.Text;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// Seeded mutations of a scenario file: wrong types, non-finite and extreme numbers, deleted and
/// duplicated keys, broken indentation, tabs, anchors and aliases, YAML tags and directives,
/// non-UTF-8 bytes, truncation, deep nesting, huge scalars and line-ending changes. The same
/// (text, seed) always gives the same bytes, so a failing case can be replayed from its seed.
/// </summary>
internal static class ScenarioMutator
{
    private static readonly string[] HostileValues =
    [
        "NaN", ".nan", ".NaN", "nan", ".inf", "-.inf", "+.inf", "Infinity", "-Infinity", "inf", "1e309", "-1e309",
        "1e-320", "-0", "0", "-1", "-1000000", "1e300", "9999999999999999999999", "2147483648", "-2147483649",
        "9223372036854775808", "0x10", "0o17", "1_000", "1,5", "1.5.6", "abc", "''", "\"\"", "~", "null", "true",
        "yes", "[1, 2]", "[]", "{a: 1}", "{}", "2024-13-45", "2024-02-30", "0001-01-01", "9999-12-31", "\"12\"",
        "!!str 5", "!!binary aGVsbG8=", "!!float .nan", "!custom 1", "&a 3", "*a", "|\n  block", ">\n  folded",
        "'unterminated", "\"unterminated", "[unclosed", "{unclosed", "? complex", "- listitem", "x: y: z",
    ];

    private static readonly string[] HostileLines =
    [
        "---", "...", "%YAML 1.2", "%TAG ! tag:example.com,2000:", "<<: *a", "base: &a {x: 1}", "ref: *a", "? [a, b]\n: c",
        "\tindented_with_tab: 1", "  stray: 2", "variants:", "variants: 7", "timeline: [1, 2]", "extends: ../../etc/passwd",
        "extends: nowhere.yaml", "extends: /", "extends: \"\"", "schema_version: 99", "schema_version: -1",
        "experiment: {replications: -5, seed: .nan}", "calendar: {horizon_days: 1e12}", "\u202Eevil: 1", "emoji😀: 1",
        "zero\u200Bwidth: 1", "name: \u0000", "timeline:\n  - date: 2024-02-30\n    set: {}",
        "variants:\n  - name: a\n  - name: a", "variants:\n  - {}", "variants:\n  - name: x\n    set: {calendar.horizon_days: 0}",
    ];

    public static byte[] Mutate(string original, Random rng)
    {
        var lines = new List<string>(original.Split('\n'));
        int operations = 1 + rng.Next(3);
        byte[]? raw = null;
        for (int op = 0; op < operations; op++)
        {
            int kind = rng.Next(20);
            int at = lines.Count == 0 ? 0 : rng.Next(lines.Count);
            switch (kind)
            {
                case 0:
                case 1:
                case 2:
                    ReplaceValue(lines, at, HostileValues[rng.Next(HostileValues.Length)]);
                    break;
                case 3:
                    if (lines.Count > 0) lines.RemoveAt(at);
                    break;
                case 4:
                    if (lines.Count > 0) lines.Insert(at, lines[at]);
                    break;
                case 5:
                    if (lines.Count > 0) lines[at] = new string(' ', rng.Next(1, 7)) + lines[at];
                    break;
                case 6:
                    if (lines.Count > 0) lines[at] = lines[at].TrimStart();
                    break;
                case 7:
                    if (lines.Count > 0) lines[at] = "\t" + lines[at];
                    break;
                case 8:
                    lines.Insert(at, HostileLines[rng.Next(HostileLines.Length)]);
                    break;
                case 9:
                    if (lines.Count > 1)
                    {
                        int other = rng.Next(lines.Count);
                        (lines[at], lines[other]) = (lines[other], lines[at]);
                    }
                    break;
                case 10:
                    lines.Insert(at, "deep: " + Nested(rng));
                    break;
                case 11:
                    ReplaceValue(lines, at, RandomNumber(rng));
                    break;
                case 12:
                    if (lines.Count > 0)
                    {
                        string line = lines[at];
                        int colon = line.IndexOf(':', StringComparison.Ordinal);
                        if (colon > 0) lines[at] = line[..(colon - 1)] + (char)('a' + rng.Next(26)) + line[colon..];
                    }
                    break;
                case 13:
                    ReplaceValue(lines, at, new string('9', rng.Next(1, 5000)));
                    break;
                case 14:
                    if (lines.Count > 0) lines[at] = InsertChar(lines[at], rng, "\u0000\u0007\u001b\u00a0\u2028\u2029\ufeff\ud83d\u00e9\r"[rng.Next(10)]);
                    break;
                case 15:
                    raw = Encode(lines);
                    raw = InsertBytes(raw, rng, rng.Next(4) switch
                    {
                        0 => [0xFF],
                        1 => [0xC3],
                        2 => [0xED, 0xA0, 0x80],
                        _ => [0xF4, 0x90, 0x80, 0x80],
                    });
                    lines = [.. Encoding.UTF8.GetString(raw).Split('\n')];
                    break;
                case 16:
                    {
                        var text = string.Join('\n', lines);
                        text = text[..rng.Next(text.Length + 1)];
                        lines = [.. text.Split('\n')];
                    }
                    break;
                case 17:
                    lines.Insert(at, "anchored: &x " + HostileValues[rng.Next(HostileValues.Length)]);
                    lines.Insert(Math.Min(lines.Count, at + 1 + rng.Next(5)), "aliased: *x");
                    break;
                case 18:
                    lines.Add(rng.Next(2) == 0 ? "variants:" : "timeline:");
                    for (int i = rng.Next(1, 50); i > 0; i--) lines.Add("  - name: v" + rng.Next(5) + "\n    date: 2024-0" + rng.Next(1, 10) + "-01");
                    break;
                default:
                    // Windows or old-Mac line endings on the whole file.
                    for (int i = 0; i < lines.Count; i++) lines[i] += rng.Next(2) == 0 ? "\r" : "";
                    break;
            }
        }
        byte[] bytes = Encode(lines);
        // Byte-level damage last, so it survives: the text round trip above would repair it.
        if (raw is not null || rng.Next(10) == 0)
        {
            bytes = InsertBytes(bytes, rng, [(byte)rng.Next(0x80, 0x100)]);
        }
        if (rng.Next(15) == 0) bytes = bytes[..rng.Next(bytes.Length + 1)];
        return bytes;
    }

    private static byte[] Encode(List<string> lines) => new UTF8Encoding(false).GetBytes(string.Join('\n', lines));

    private static byte[] InsertBytes(byte[] bytes, Random rng, byte[] insert)
    {
        int at = rng.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    private static string InsertChar(string line, Random rng, char c)
    {
        int at = rng.Next(line.Length + 1);
        return line[..at] + c + line[at..];
    }

    private static void ReplaceValue(List<string> lines, int at, string value)
    {
        if (lines.Count == 0) return;
        string line = lines[at];
        int colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return;
        int comment = line.IndexOf(" #", colon, StringComparison.Ordinal);
        lines[at] = line[..(colon + 1)] + " " + value + (comment >= 0 ? line[comment..] : "");
    }

    private static string RandomNumber(Random rng) => rng.Next(6) switch
    {
        0 => (rng.NextDouble() * 2 - 1).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        1 => (-rng.NextDouble() * 1e6).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        2 => Math.ScaleB(rng.NextDouble(), rng.Next(-1074, 1024)).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        3 => rng.NextInt64(long.MinValue, long.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture),
        4 => BitConverter.Int64BitsToDouble(rng.NextInt64()).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => rng.Next(-10, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Nested(Random rng)
    {
        int depth = rng.Next(1, 3000);
        return rng.Next(3) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
            _ => new string('[', depth),
        };
    }
}
