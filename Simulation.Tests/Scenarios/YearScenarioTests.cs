using YamlDotNet.RepresentationModel;

namespace Simulation.Tests.Scenarios;

public class YearScenarioTests
{
    [Fact]
    public void YearFilesSetOnlyTheUkFleetSizesOfTheUkResponse()
    {
        // The RNLI's share of the work must come from overflow with each year's fleet, not be set
        // per year: a year file may size the fleets and nothing else of the response mechanism.
        string[] allowed = ["uk.border_force.vessels", "uk.rnli.lifeboats"];
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root(), "scenarios"), "year-*.yaml"))
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path)) yaml.Load(reader);
            var keys = new List<string>();
            Flatten((YamlMappingNode)yaml.Documents[0].RootNode, "", keys);
            foreach (string key in keys)
            {
                // Timeline and variant entries are written with dotted keys under their own mapping.
                int at = Math.Max(key.IndexOf("uk.rnli.", StringComparison.Ordinal), key.IndexOf("uk.response.", StringComparison.Ordinal));
                if (at < 0) continue;
                string path2 = key[at..];
                if (!allowed.Contains(path2)) problems.Add(Path.GetFileName(path) + ": " + path2);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Flatten(YamlNode node, string prefix, List<string> keys)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) Flatten(v, prefix.Length == 0 ? ((YamlScalarNode)k).Value! : prefix + "." + ((YamlScalarNode)k).Value, keys);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) Flatten(item, prefix, keys);
                break;
            default:
                keys.Add(prefix);
                break;
        }
    }
}
