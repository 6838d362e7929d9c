namespace Simulation.Cli.Reporting;

/// <summary>Building blocks of the report, rendered the same way to Markdown and to HTML.</summary>
internal abstract record ReportBlock;

internal sealed record HeadingBlock(int Level, string Text) : ReportBlock;

internal sealed record ParagraphBlock(string Text, bool Emphasis = false) : ReportBlock;

internal sealed record ListBlock(IReadOnlyList<(string Strong, string Text)> Items) : ReportBlock;

/// <param name="Numeric">Right-align every column but the first (numbers); otherwise left-align all (text).</param>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, bool FirstColumnCode = false, bool Numeric = false) : ReportBlock;

internal sealed record ImageBlock(string Alt, string RelativePath, string FullPath, string Caption) : ReportBlock;

internal sealed record CodeBlock(string Text) : ReportBlock;
