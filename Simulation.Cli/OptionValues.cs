using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Simulation.Core.Scenarios;

namespace Simulation.Cli;

/// <summary>
/// Plain-language parse errors. System.CommandLine's own message for a bad number names the CLR type
/// ("as expected type 'System.Nullable`1[System.Int32]'"), and an unknown option gets no suggestion;
/// analysts need "--replications: 'abc' is not a whole number" and "did you mean '--replications'?".
/// </summary>
internal static class OptionValues
{
    /// <summary>Gives every numeric option of <paramref name="root"/> and its subcommands a parser with a clear message.</summary>
    public static void Attach(Command root)
    {
        foreach (Option option in root.Options) Attach(option);
        foreach (Command command in root.Subcommands) Attach(command);
    }

    private static void Attach(Option option)
    {
        switch (option)
        {
            case Option<int> o:
                o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, out long v) ? (int)v : 0;
                break;
            case Option<int?> o:
                o.CustomParser = r => Whole(r, o.Name, int.MinValue, int.MaxValue, out long v) ? (int)v : null;
                break;
            case Option<long> o:
                o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue, out long v) ? v : 0;
                break;
            case Option<long?> o:
                o.CustomParser = r => Whole(r, o.Name, long.MinValue, long.MaxValue, out long v) ? v : null;
                break;
            case Option<ulong?> o:
                o.CustomParser = r =>
                {
                    string text = Text(r);
                    if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong v)) return v;
                    r.AddError($"{o.Name}: '{text}' is not a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}");
                    return null;
                };
                break;
            case Option<double?> o:
                o.CustomParser = r =>
                {
                    string text = Text(r);
                    if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
                    r.AddError($"{o.Name}: '{text}' is not a number (write it like 0.01, with '.' as the decimal point)");
                    return null;
                };
                break;
        }
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;

    private static bool Whole(ArgumentResult result, string name, long min, long max, out long value)
    {
        string text = Text(result);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) && value >= min && value <= max) return true;
        result.AddError(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || IsDigits(text)
            ? $"{name}: '{text}' is too large (at most {max.ToString(CultureInfo.InvariantCulture)})"
            : $"{name}: '{text}' is not a whole number");
        return false;
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.TrimStart('-', '+').All(char.IsAsciiDigit);

    /// <summary>
    /// The parse errors as printed: an unknown option or command gets the nearest known name, and the
    /// value typed after a mistyped option (unmatched too) is not reported a second time.
    /// </summary>
    public static IEnumerable<string> Messages(ParseResult parse)
    {
        List<string> messages = Suggest(parse).ToList();
        // "Required command was not provided." only repeats what the suggestion says.
        if (messages.Exists(m => m.StartsWith("Unknown command", StringComparison.Ordinal))) messages.RemoveAll(m => m == "Required command was not provided.");
        return messages;
    }

    private static IEnumerable<string> Suggest(ParseResult parse)
    {
        Command command = parse.CommandResult.Command;
        var options = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is not CommandResult c) continue;
            foreach (Option option in c.Command.Options)
            {
                if (option.Hidden || (c != parse.CommandResult && !option.Recursive)) continue;
                options.Add(option.Name);
                options.AddRange(option.Aliases);
            }
        }
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        var suggested = new HashSet<int>();
        foreach (ParseError error in parse.Errors)
        {
            string? unknown = UnrecognisedToken(error.Message, tokens);
            if (unknown is null)
            {
                yield return error.Message;
                continue;
            }
            int at = tokens.IndexOf(unknown);
            if (at > 0 && suggested.Contains(at - 1) && !unknown.StartsWith('-')) continue;
            string? suggestion = unknown.StartsWith('-')
                ? EditDistance.Closest(unknown.Split('=', 2)[0], options)
                : EditDistance.Closest(unknown, command.Subcommands.Select(s => s.Name));
            if (suggestion is null)
            {
                yield return error.Message;
                continue;
            }
            suggested.Add(at);
            yield return unknown.StartsWith('-')
                ? $"Unknown option '{unknown}'; did you mean '{suggestion}'?"
                : $"Unknown command '{unknown}'; did you mean '{suggestion}'?";
        }
    }

    private static string? UnrecognisedToken(string message, List<string> tokens)
    {
        const string End = "'.";
        foreach (string start in new[] { "Unrecognized command or argument '", "File does not exist: '" })
        {
            if (!message.StartsWith(start, StringComparison.Ordinal) || !message.EndsWith(End, StringComparison.Ordinal)) continue;
            string token = message[start.Length..^End.Length];
            // A command taking several files (compare) takes a mistyped option for a file name.
            if (start.StartsWith("File", StringComparison.Ordinal) && !token.StartsWith('-')) return null;
            return tokens.Contains(token) ? token : null;
        }
        return null;
    }
}
