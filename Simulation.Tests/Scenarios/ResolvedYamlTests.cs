using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ResolvedYamlTests
{
    private const string Rich = """
        schema_version: 1
        name: round-trip
        description: "Quotes \" and\nnew lines, tabs\t and ü survive."
        experiment: { replications: 12, seed: 99 }
        calendar: { start_date: 2024-02-01, horizon_days: 300 }
        weather:
          red_day_share: 0.1
          series_file: "yes"
        uk.vessels.speed_knots: 12.345678901234567
        demand.quarterly_weights: [0.1, 0.2, 3, 1e-7]
        timeline:
          - date: 2024-05-01
            set: { french.maritime.doctrine: shallow_water, uk.vessels.count: 2 }
        variants:
          windspire_rule:
            description: All permitted rescues returned.
            uk.windspire.return_probability: 1
            timeline:
              - date: 2024-03-01
                set: { returns.one_in_one_out_enabled: true }
              - date: 2024-05-01
                set: { uk.vessels.count: 9 }
          baseline:
            description: As written.
        """;

    [Fact]
    public void LoadingTheResolvedYamlGivesAnEqualScenario()
    {
        var first = TestCatalog.LoadValid(Rich);
        var second = TestCatalog.LoadValid(first.ResolvedYaml, "resolved.yaml");
        Assert.Equal(first.Name, second.Name);
        Assert.Equal(first.Description, second.Description);
        Assert.Equal(first.DefaultReplications, second.DefaultReplications);
        Assert.Equal(first.DefaultSeed, second.DefaultSeed);
        Assert.Equal(first.Variants.Length, second.Variants.Length);
        for (var i = 0; i < first.Variants.Length; i++)
        {
            var (a, b) = (first.Variants[i], second.Variants[i]);
            Assert.Equal((a.Name, a.Description), (b.Name, b.Description));
            Assert.Equal(a.Parameters.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal), b.Parameters.Values.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.Equal(a.Parameters.Timeline.ToArray(), b.Parameters.Timeline.ToArray());
        }
        // Canonical: writing the reloaded scenario gives the same text.
        Assert.Equal(first.ResolvedYaml, second.ResolvedYaml);
    }

    [Fact]
    public void TheResolvedYamlListsEveryKeyOfEveryVariantNestedInCatalogOrder()
    {
        var yaml = TestCatalog.LoadValid(Rich).ResolvedYaml;
        Assert.Contains("""
            variants:
              baseline:
                description: "As written."
                calendar:
                  start_date: 2024-02-01
                  horizon_days: 300
                weather:
                  red_day_share: 0.1
                  series_file: "yes"
                uk:
                  windspire:
                    return_probability: 0
                  vessels:
                    count: 4
                    speed_knots: 12.345678901234567
                french:
                  maritime:
                    doctrine: none
                returns:
                  one_in_one_out_enabled: false
                demand:
                  quarterly_weights: [0.1, 0.2, 3, 1E-07]
                timeline:
                  - date: 2024-05-01
                    set:
                      french.maritime.doctrine: shallow_water
                      uk.vessels.count: 2
              windspire_rule:
            """.Replace("\r\n", "\n", StringComparison.Ordinal), yaml, StringComparison.Ordinal);
        Assert.Contains("""
                timeline:
                  - date: 2024-03-01
                    set:
                      returns.one_in_one_out_enabled: true
                  - date: 2024-05-01
                    set:
                      french.maritime.doctrine: shallow_water
                      uk.vessels.count: 2
                  - date: 2024-05-01
                    set:
                      uk.vessels.count: 9
            """, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void TheResolvedYamlIsTheSameUnderAnyCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var invariant = TestCatalog.LoadValid(Rich).ResolvedYaml;
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal(invariant, TestCatalog.LoadValid(Rich).ResolvedYaml);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }
}
