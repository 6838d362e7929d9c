using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Writes a resolved scenario as canonical YAML: every catalog key of every variant, nested in
/// catalog order, numbers in round-trip invariant notation, and each variant's full timeline. The
/// text is stored in run manifests; loading it again gives an equal scenario.
/// </summary>
internal static partial class ResolvedYamlWriter
{
    public static string Write(Scenario scenario, CatalogIndex catalog)
    {
        var sb = new StringBuilder();
        sb.Append("# Fully resolved scenario: every parameter of every variant, defaults included.\n");
        sb.Append("# Loading this text again gives the same scenario.\n");
        if (!scenario.Overrides.IsEmpty)
            sb.Append("# Command-line overrides (--set), applied to every variant: ").Append(string.Join(" ", scenario.Overrides)).Append('\n');
        sb.Append("schema_version: 1\n");
        sb.Append("name: ").Append(Quote(scenario.Name)).Append('\n');
        sb.Append("description: ").Append(Quote(scenario.Description)).Append('\n');
        sb.Append("experiment:\n");
        sb.Append("  replications: ").Append(scenario.DefaultReplications.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("  seed: ").Append(scenario.DefaultSeed.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("variants:\n");
        foreach (var variant in scenario.Variants)
        {
            sb.Append("  ").Append(variant.Name).Append(":\n");
            sb.Append("    description: ").Append(Quote(variant.Description)).Append('\n');
            if (!variant.Combines.IsEmpty) sb.Append("    combines: [").Append(string.Join(", ", variant.Combines)).Append("]\n");
            WriteGroup(sb, catalog.Root, variant.Parameters, 4);
            WriteTimeline(sb, variant.Parameters, catalog, 4);
        }
        return sb.ToString();
    }

    private static void WriteGroup(StringBuilder sb, CatalogGroup group, ParameterSet parameters, int indent)
    {
        foreach (var child in group.Children)
        {
            sb.Append(' ', indent).Append(child.Name).Append(':');
            if (child.Spec is { } spec) sb.Append(' ').Append(FormatValue(spec, parameters.Values[spec.Path])).Append('\n');
            else
            {
                sb.Append('\n');
                WriteGroup(sb, child.Group!, parameters, indent + 2);
            }
        }
    }

    private static void WriteTimeline(StringBuilder sb, ParameterSet parameters, CatalogIndex catalog, int indent)
    {
        if (parameters.Timeline.IsEmpty) return;
        sb.Append(' ', indent).Append("timeline:\n");
        DateOnly? entryDate = null;
        var entryPaths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in parameters.Timeline)
        {
            // One entry per date, except that a path changed twice on one date needs a second entry
            // (a set may name each path once); the loader keeps entries of one date in order.
            if (entryDate != change.Date || !entryPaths.Add(change.Path))
            {
                entryDate = change.Date;
                entryPaths.Clear();
                entryPaths.Add(change.Path);
                sb.Append(' ', indent + 2).Append("- date: ").Append(change.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
                sb.Append(' ', indent + 4).Append("set:\n");
            }
            catalog.TryGetSpec(change.Path, out var spec);
            sb.Append(' ', indent + 6).Append(change.Path).Append(": ").Append(FormatValue(spec, change.Value)).Append('\n');
        }
    }

    private static string FormatValue(ParameterSpec spec, ParameterValue value) =>
        spec.Kind is ParameterKind.Text or ParameterKind.Choice ? Quote(value.Text ?? "") : value.Format(spec.Kind);

    /// <summary>A YAML scalar that reads back as exactly <paramref name="text"/>.</summary>
    public static string Quote(string text)
    {
        if (PlainSafe().IsMatch(text) && !IsReserved(text)) return text;
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsReserved(string text) => text.ToLowerInvariant() is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_.\\-/]*$")]
    private static partial Regex PlainSafe();
}
