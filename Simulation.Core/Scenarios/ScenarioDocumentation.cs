using System.Globalization;
using System.Text;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Renders the reference of every scenario key as Markdown, from the parameter catalog: the
/// scenario-level keys, then one table per mechanism. scenarios/README.md embeds this text between
/// <see cref="BeginMarker"/> and <see cref="EndMarker"/>.
/// </summary>
public static class ScenarioDocumentation
{
    /// <summary>Line before the generated reference in scenarios/README.md.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED REFERENCE -->";

    /// <summary>Line after the generated reference in scenarios/README.md.</summary>
    public const string EndMarker = "<!-- END GENERATED REFERENCE -->";

    /// <summary>The reference for the model's catalog.</summary>
    public static string RenderMarkdown() => RenderMarkdown(ParameterCatalog.All);

    /// <summary>The reference for <paramref name="catalog"/>, with "\n" line ends.</summary>
    public static string RenderMarkdown(IReadOnlyList<ParameterSpec> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var sb = new StringBuilder();
        sb.Append("## Reference\n\n");
        sb.Append("Generated from the parameter catalog (`Simulation.Core/Domain/Parameters/ParameterCatalog.cs`); do not edit by hand.\n\n");
        sb.Append("### Scenario keys\n\n");
        sb.Append("| Key | Required | Allowed | Meaning |\n|---|---|---|---|\n");
        sb.Append("| `schema_version` | yes | `1` | Version of this file format. |\n");
        sb.Append("| `name` | no | 1-64 of `A-Z a-z 0-9 . _ -` | Scenario name used in outputs; default: the file name without extension. |\n");
        sb.Append("| `description` | no | text | The question the scenario answers. |\n");
        sb.Append("| `extends` | no | file path | A scenario file, relative to this one, whose values are the starting point. |\n");
        sb.Append("| `experiment.replications` | no | whole number ≥ 1 | Replications when the command line does not say; default 100. |\n");
        sb.Append("| `experiment.seed` | no | 0 to 18446744073709551615 | Master seed when the command line does not say; default 20240101. |\n");
        sb.Append("| `timeline` | no | list of `date` + `set` | Dated parameter changes, dates in order. |\n");
        sb.Append("| `variants` | no | mapping of snake_case names | Named sets of overrides (and extra timeline entries) compared against `baseline`. |\n");
        sb.Append("| `variants.<name>.combines` | no | list of two or more variant names of the file | Declares a combined policy: the variant holds the changes of the named variants, and comparisons report the interaction (its effect minus the sum of theirs). |\n");

        var mechanisms = new List<string>();
        foreach (var spec in catalog)
            if (!mechanisms.Contains(spec.Mechanism)) mechanisms.Add(spec.Mechanism);
        sb.Append("\n### Parameters\n\n");
        sb.Append(Count(catalog.Count, "parameter")).Append(" in ").Append(Count(mechanisms.Count, "mechanism")).Append(".\n");
        foreach (var mechanism in mechanisms)
        {
            sb.Append("\n#### ").Append(mechanism.Length == 0 ? "other" : Cell(mechanism)).Append("\n\n");
            sb.Append("| Key | Kind | Unit | Default | Allowed | Meaning |\n|---|---|---|---|---|---|\n");
            foreach (var spec in catalog)
            {
                if (spec.Mechanism != mechanism) continue;
                sb.Append("| `").Append(spec.Path).Append("` | ")
                  .Append(KindName(spec.Kind)).Append(" | ")
                  .Append(Cell(spec.Unit)).Append(" | `")
                  .Append(DefaultText(spec)).Append("` | ")
                  .Append(Cell(Allowed(spec))).Append(" | ")
                  .Append(Cell(spec.Description)).Append(" |\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// <paramref name="readme"/> with the text between the markers replaced by <paramref name="reference"/>;
    /// null when the markers are missing.
    /// </summary>
    public static string? ReplaceReference(string readme, string reference)
    {
        ArgumentNullException.ThrowIfNull(readme);
        ArgumentNullException.ThrowIfNull(reference);
        var begin = readme.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = readme.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin) return null;
        var head = readme[..(begin + BeginMarker.Length)];
        return head + "\n" + reference + readme[end..];
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static string KindName(ParameterKind kind) => kind switch
    {
        ParameterKind.NumberList => "number list",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string DefaultText(ParameterSpec spec)
    {
        var text = spec.Default.Format(spec.Kind);
        return spec.Kind == ParameterKind.Text && text.Length == 0 ? "\"\"" : text.Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Allowed(ParameterSpec spec)
    {
        static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string Range()
        {
            var hasMin = !double.IsNegativeInfinity(spec.Min);
            var hasMax = !double.IsPositiveInfinity(spec.Max);
            return hasMin && hasMax ? $"{F(spec.Min)} to {F(spec.Max)}" : hasMin ? $"≥ {F(spec.Min)}" : hasMax ? $"≤ {F(spec.Max)}" : "any";
        }
        return spec.Kind switch
        {
            ParameterKind.Probability => $"{F(Math.Max(0, spec.Min))} to {F(Math.Min(1, spec.Max))}",
            ParameterKind.Number => Range(),
            ParameterKind.Integer => "whole, " + Range(),
            ParameterKind.Boolean => "true, false",
            ParameterKind.Choice => string.Join(", ", spec.Choices),
            ParameterKind.Date => "yyyy-MM-dd",
            ParameterKind.NumberList => (spec.ListLength > 0 ? $"{spec.ListLength} numbers" : "1 or more numbers") + ", each " + Range(),
            _ => "text",
        };
    }

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
}
