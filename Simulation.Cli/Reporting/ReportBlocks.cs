namespace Simulation.Cli.Reporting;

/// <summary>Building blocks of the report, rendered the same way to Markdown and to HTML.</summary>
internal abstract record ReportBlock;

internal sealed record HeadingBlock(int Level, string Text) : ReportBlock;

internal sealed record ParagraphBlock(string Text, bool Emphasis = false) : ReportBlock;

internal sealed record ListBlock(IReadOnlyList<(string Strong, string Text)> Items) : ReportBlock;

/// <param name="Numeric">Right-align every column but the first (numbers); otherwise left-align all (text).</param>
/// <param name="Id">HTML id, so a browser check can find the table.</param>
/// <param name="TextColumns">Columns of words in a numeric table: left-aligned and allowed to wrap.</param>
/// <param name="IntervalColumns">Columns of "value [low, high]": in HTML the interval goes on a second line, which keeps the table narrow.</param>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, bool FirstColumnCode = false, bool Numeric = false,
    string? Id = null, IReadOnlySet<int>? TextColumns = null, IReadOnlySet<int>? IntervalColumns = null) : ReportBlock;

/// <summary>A framed note the reader should not miss (what the intervals cover, the headline).</summary>
internal sealed record BoxBlock(string Id, string Title, IReadOnlyList<string> Paragraphs) : ReportBlock;

internal sealed record ImageBlock(string Alt, string RelativePath, string FullPath, string Caption) : ReportBlock;

internal sealed record CodeBlock(string Text) : ReportBlock;
