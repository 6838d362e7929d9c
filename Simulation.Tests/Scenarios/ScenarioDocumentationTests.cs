using System.Text.Json;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ScenarioDocumentationTests
{
    [Fact]
    public void TheMarkdownReferenceHasARowForEveryKeyGroupedByMechanism()
    {
        var markdown = ScenarioDocumentation.RenderMarkdown(TestCatalog.Specs);
        Assert.Contains("| `uk.vessels.speed_knots` | number | knots | `20` | 1 to 60 | Speed. |", markdown);
        Assert.Contains("| `french.maritime.doctrine` | choice | choice | `none` | none, shallow_water, before_boarding, full | Doctrine. |", markdown);
        Assert.Contains("| `demand.quarterly_weights` | number list | relative rate | `[1, 1, 1, 1]` | 4 numbers, each 0 to 10 | Seasonality. |", markdown);
        Assert.Contains("| `weather.series_file` | text | path | `\"\"` | text | Replayed series. |", markdown);
        Assert.Contains("#### uk response", markdown);
        Assert.Contains("| `experiment.seed` |", markdown);
        foreach (var spec in TestCatalog.Specs) Assert.Contains("| `" + spec.Path + "` |", markdown);
    }

    [Fact]
    public void ReplacingTheReferenceKeepsTheHandWrittenText()
    {
        var readme = $"intro\n{ScenarioDocumentation.BeginMarker}\nold\n{ScenarioDocumentation.EndMarker}\nafter\n";
        Assert.Equal($"intro\n{ScenarioDocumentation.BeginMarker}\nnew\n{ScenarioDocumentation.EndMarker}\nafter\n",
            ScenarioDocumentation.ReplaceReference(readme, "new\n"));
        Assert.Null(ScenarioDocumentation.ReplaceReference("no markers", "new\n"));
    }

    [Fact]
    public void TheJsonSchemaRefusesUnknownKeysAndAcceptsNestedAndDottedKeys()
    {
        using var doc = JsonDocument.Parse(JsonSchemaWriter.Write(TestCatalog.Specs));
        var root = doc.RootElement;
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        var properties = root.GetProperty("properties");
        foreach (var key in new[] { "schema_version", "timeline", "variants", "uk", "uk.windspire", "uk.windspire.return_probability", "experiment.seed" })
            Assert.True(properties.TryGetProperty(key, out _), key);
        var defs = root.GetProperty("$defs");
        var uk = defs.GetProperty("group:uk");
        Assert.False(uk.GetProperty("additionalProperties").GetBoolean());
        Assert.True(uk.GetProperty("properties").TryGetProperty("windspire.return_probability", out _));
        var probability = defs.GetProperty("param:uk.windspire.return_probability");
        Assert.Equal((0.0, 1.0), (probability.GetProperty("minimum").GetDouble(), probability.GetProperty("maximum").GetDouble()));
        var list = defs.GetProperty("param:demand.quarterly_weights");
        Assert.Equal((4, 4), (list.GetProperty("minItems").GetInt32(), list.GetProperty("maxItems").GetInt32()));
        Assert.Equal(4, defs.GetProperty("param:french.maritime.doctrine").GetProperty("enum").GetArrayLength());
        Assert.Equal("#/$defs/parameters",
            defs.GetProperty("timeline").GetProperty("items").GetProperty("properties").GetProperty("set").GetProperty("$ref").GetString());
    }

    [Fact]
    public void EveryReferenceInTheJsonSchemaResolves()
    {
        using var doc = JsonDocument.Parse(JsonSchemaWriter.Write(TestCatalog.Specs));
        var defs = doc.RootElement.GetProperty("$defs");
        var refs = new List<string>();
        Collect(doc.RootElement, refs);
        Assert.NotEmpty(refs);
        foreach (var reference in refs)
        {
            Assert.StartsWith("#/$defs/", reference);
            Assert.True(defs.TryGetProperty(reference["#/$defs/".Length..], out _), reference);
        }

        static void Collect(JsonElement element, List<string> into)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in element.EnumerateObject())
                {
                    if (p.Name == "$ref") into.Add(p.Value.GetString()!);
                    else Collect(p.Value, into);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Collect(item, into);
            }
        }
    }

    [Fact]
    public void TheGeneratedTextsDoNotDependOnTheCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var markdown = ScenarioDocumentation.RenderMarkdown(TestCatalog.Specs);
            var schema = JsonSchemaWriter.Write(TestCatalog.Specs);
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(markdown, ScenarioDocumentation.RenderMarkdown(TestCatalog.Specs));
            Assert.Equal(schema, JsonSchemaWriter.Write(TestCatalog.Specs));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
