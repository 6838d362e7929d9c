using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Scenarios;

/// <summary>
/// Writes a JSON Schema (draft 2020-12) of scenario files from the parameter catalog, for editors
/// (<c># yaml-language-server: $schema=../docs/scenario.schema.json</c>). Unknown keys are refused
/// (<c>additionalProperties: false</c>); every group accepts its keys nested or dotted.
/// </summary>
public static class JsonSchemaWriter
{
    /// <summary>The schema for the model's catalog.</summary>
    public static string Write() => Write(ParameterCatalog.All);

    /// <summary>The schema for <paramref name="catalog"/>, indented by two spaces, "\n" line ends, final newline.</summary>
    public static string Write(IReadOnlyList<ParameterSpec> catalog)
    {
        var index = new CatalogIndex(catalog);
        var options = new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            w.WriteString("title", "ChannelSim scenario file");
            w.WriteString("description", "Generated from the parameter catalog; see scenarios/README.md. Do not edit by hand.");
            w.WriteString("type", "object");
            w.WriteStartArray("required");
            w.WriteStringValue("schema_version");
            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            w.WriteStartObject("schema_version");
            w.WriteNumber("const", 1);
            w.WriteString("description", "Version of the scenario file format; must be 1.");
            w.WriteEndObject();
            w.WriteStartObject("name");
            w.WriteString("type", "string");
            w.WriteString("pattern", "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
            w.WriteString("description", "Scenario name used in outputs; default: the file name without extension.");
            w.WriteEndObject();
            TextProperty(w, "description", "The question the scenario answers.");
            w.WriteStartObject("extends");
            w.WriteString("type", "string");
            w.WriteNumber("minLength", 1);
            w.WriteString("description", "A scenario file, relative to this one, whose values are the starting point.");
            w.WriteEndObject();
            Ref(w, "experiment", "experiment");
            Ref(w, "experiment.replications", "replications");
            Ref(w, "experiment.seed", "seed");
            Ref(w, "timeline", "timeline");
            w.WriteStartObject("variants");
            w.WriteString("type", "object");
            w.WriteNumber("minProperties", 1);
            w.WriteString("description", "Named overrides compared against the variant named baseline (added when absent).");
            w.WriteStartObject("propertyNames");
            w.WriteString("pattern", "^[a-z][a-z0-9_]{0,63}$");
            w.WriteEndObject();
            w.WriteStartObject("additionalProperties");
            w.WriteString("$ref", "#/$defs/variant");
            w.WriteEndObject();
            w.WriteEndObject();
            GroupProperties(w, index.Root);
            w.WriteEndObject();

            w.WriteStartObject("$defs");
            w.WriteStartObject("experiment");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            Ref(w, "replications", "replications");
            Ref(w, "seed", "seed");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("replications");
            w.WriteString("type", "integer");
            w.WriteNumber("minimum", 1);
            w.WriteNumber("default", 100);
            w.WriteString("description", "Replications when the command line does not say.");
            w.WriteEndObject();
            w.WriteStartObject("seed");
            w.WriteString("type", "integer");
            w.WriteNumber("minimum", 0);
            w.WriteNumber("maximum", ulong.MaxValue);
            w.WriteNumber("default", 20240101);
            w.WriteString("description", "Master seed when the command line does not say (unsigned 64-bit).");
            w.WriteEndObject();
            w.WriteStartObject("timeline");
            w.WriteString("type", "array");
            w.WriteString("description", "Dated parameter changes, in date order.");
            w.WriteStartObject("items");
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartArray("required");
            w.WriteStringValue("date");
            w.WriteStringValue("set");
            w.WriteEndArray();
            w.WriteStartObject("properties");
            w.WriteStartObject("date");
            DateSchema(w);
            w.WriteString("description", "Day the change takes effect, within the simulated period.");
            w.WriteEndObject();
            Ref(w, "set", "parameters");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("variant");
            w.WriteStartArray("type");
            w.WriteStringValue("object");
            w.WriteStringValue("null");
            w.WriteEndArray();
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            TextProperty(w, "description", "What the variant changes and why.");
            w.WriteStartObject("combines");
            w.WriteString("type", "array");
            w.WriteNumber("minItems", 2);
            w.WriteBoolean("uniqueItems", true);
            w.WriteStartObject("items");
            w.WriteString("type", "string");
            w.WriteString("pattern", "^[a-z][a-z0-9_]{0,63}$");
            w.WriteEndObject();
            w.WriteString("description", "Names of other variants of this file that this one combines; it must also set their changes. Comparisons then report the interaction: the combination's effect minus the sum of the parts' effects.");
            w.WriteEndObject();
            Ref(w, "timeline", "timeline");
            GroupProperties(w, index.Root);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("parameters");
            w.WriteString("type", "object");
            w.WriteNumber("minProperties", 1);
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            GroupProperties(w, index.Root);
            w.WriteEndObject();
            w.WriteEndObject();
            GroupDefinitions(w, index.Root);
            foreach (var spec in catalog) LeafDefinition(w, spec);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Every key a group accepts: each descendant group and parameter, by its path relative to the group.</summary>
    private static void GroupProperties(Utf8JsonWriter w, CatalogGroup group)
    {
        var prefix = group.Path.Length == 0 ? 0 : group.Path.Length + 1;
        foreach (var (path, isGroup) in Descendants(group))
            Ref(w, path[prefix..], (isGroup ? "group:" : "param:") + path);
    }

    private static IEnumerable<(string Path, bool IsGroup)> Descendants(CatalogGroup group)
    {
        foreach (var child in group.Children)
        {
            if (child.Spec is { } spec) yield return (spec.Path, false);
            else
            {
                yield return (child.Group!.Path, true);
                foreach (var d in Descendants(child.Group)) yield return d;
            }
        }
    }

    private static void GroupDefinitions(Utf8JsonWriter w, CatalogGroup group)
    {
        foreach (var child in group.Children)
        {
            if (child.Group is not { } sub) continue;
            w.WriteStartObject("group:" + sub.Path);
            w.WriteString("type", "object");
            w.WriteBoolean("additionalProperties", false);
            w.WriteStartObject("properties");
            GroupProperties(w, sub);
            w.WriteEndObject();
            w.WriteEndObject();
            GroupDefinitions(w, sub);
        }
    }

    private static void LeafDefinition(Utf8JsonWriter w, ParameterSpec spec)
    {
        w.WriteStartObject("param:" + spec.Path);
        w.WriteString("description", $"{spec.Description} Unit: {spec.Unit}. Default: {spec.Default.Format(spec.Kind)}.");
        switch (spec.Kind)
        {
            case ParameterKind.Number:
            case ParameterKind.Integer:
            case ParameterKind.Probability:
                w.WriteString("type", spec.Kind == ParameterKind.Integer ? "integer" : "number");
                Bounds(w, spec);
                w.WriteNumber("default", spec.Default.Number);
                break;
            case ParameterKind.Boolean:
                w.WriteString("type", "boolean");
                w.WriteBoolean("default", spec.Default.AsBoolean);
                break;
            case ParameterKind.Choice:
                w.WriteStartArray("enum");
                foreach (var choice in spec.Choices) w.WriteStringValue(choice);
                w.WriteEndArray();
                w.WriteString("default", spec.Default.Text);
                break;
            case ParameterKind.Date:
                DateSchema(w);
                w.WriteString("default", spec.Default.Format(spec.Kind));
                break;
            case ParameterKind.NumberList:
                w.WriteString("type", "array");
                w.WriteNumber("minItems", Math.Max(1, spec.ListLength));
                if (spec.ListLength > 0) w.WriteNumber("maxItems", spec.ListLength);
                w.WriteStartObject("items");
                w.WriteString("type", "number");
                Bounds(w, spec);
                w.WriteEndObject();
                if (!spec.Default.List.IsDefault)
                {
                    w.WriteStartArray("default");
                    foreach (var v in spec.Default.List) w.WriteNumberValue(v);
                    w.WriteEndArray();
                }
                break;
            default:
                w.WriteString("type", "string");
                w.WriteString("default", spec.Default.Text ?? "");
                break;
        }
        w.WriteEndObject();
    }

    private static void Bounds(Utf8JsonWriter w, ParameterSpec spec)
    {
        var min = spec.Kind == ParameterKind.Probability ? Math.Max(0, spec.Min) : spec.Min;
        var max = spec.Kind == ParameterKind.Probability ? Math.Min(1, spec.Max) : spec.Max;
        if (!double.IsNegativeInfinity(min)) w.WriteNumber("minimum", min);
        if (!double.IsPositiveInfinity(max)) w.WriteNumber("maximum", max);
    }

    private static void DateSchema(Utf8JsonWriter w)
    {
        w.WriteString("type", "string");
        w.WriteString("pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }

    private static void TextProperty(Utf8JsonWriter w, string name, string description)
    {
        w.WriteStartObject(name);
        w.WriteString("type", "string");
        w.WriteString("description", description);
        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string name, string definition)
    {
        w.WriteStartObject(name);
        w.WriteString("$ref", "#/$defs/" + definition);
        w.WriteEndObject();
    }
}
