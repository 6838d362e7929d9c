using Simulation.Core.Calibration;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

public class ShippedScenarioTests
{
    [Fact]
    public void EveryScenarioFileInTheRepositoryIsValidAndItsResolvedYamlLoadsBack()
    {
        // Guards the files under scenarios/ against catalog changes (a renamed key, a narrowed
        // range). Before any scenario file is committed there is nothing to check.
        var root = RepositoryPaths.Root();
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "scenarios"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // A calibration file names year scenarios instead of being one; its own loader checks it.
            if (CalibrationFileLoader.LooksLikeCalibrationFile(File.ReadAllText(path)))
            {
                var calibration = CalibrationFileLoader.Load(path);
                problems.AddRange(calibration.Issues.Select(i => i.ToString()));
                continue;
            }
            var result = ScenarioLoader.Load(path);
            if (!result.IsValid)
            {
                problems.AddRange(result.Issues.Select(i => i.ToString()));
                continue;
            }
            // The resolved text stored in run manifests must give the same scenario back.
            var first = result.Scenario!;
            var again = ScenarioLoader.LoadText(first.ResolvedYaml, path + ".resolved.yaml");
            if (!again.IsValid) problems.AddRange(again.Issues.Select(i => i.ToString()));
            else if (again.Scenario!.ResolvedYaml != first.ResolvedYaml) problems.Add(path + ": the resolved YAML does not load back to the same scenario");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
