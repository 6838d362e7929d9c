namespace Simulation.Core.Scenarios;

/// <summary>
/// A YAML node with its 1-based position. The loader builds its own small tree from parser events
/// instead of YamlStream's, because YamlStream stops at the first duplicate key, follows aliases and
/// recurses once per nesting level; this tree keeps every duplicate for reporting, never expands
/// aliases and is built without recursion.
/// </summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary>Short text of the node for messages (scalars verbatim, collections abbreviated).</summary>
    public abstract string Display { get; }
}

internal sealed class YamlScalar(int line, int column, string value, bool isPlain) : YamlNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>Written without quotes, so <c>~</c>, <c>null</c> and nothing at all mean "no value".</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Display => Value.Length <= 80 ? Value : string.Concat(Value.AsSpan(0, 77), "...");
}

internal sealed class YamlMapping(int line, int column) : YamlNode(line, column)
{
    public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];
    public override string Display => "{...}";
}

internal sealed class YamlSequence(int line, int column) : YamlNode(line, column)
{
    public List<YamlNode> Items { get; } = [];
    public override string Display => "[...]";
}

/// <summary>Stands where an alias (<c>*name</c>) was written; already reported, so checks skip it.</summary>
internal sealed class YamlAlias(int line, int column, string anchor) : YamlNode(line, column)
{
    public override string Display => "*" + anchor;
}
