using Simulation.Tests.Scenarios;

namespace Simulation.Tests.Cluster;

/// <summary>
/// A calibration file small enough for the Slurm test (two parameters, two 2022 targets, 16 wave-1 points,
/// 2 replications), written next to copies of the year scenario and the targets table it refers to.
/// </summary>
internal static class TinyCalibration
{
    private const string Yaml = """
        name: slurm-tiny
        description: two parameters against two 2022 figures, for the single-node Slurm test
        scenarios:
          - year-2022.yaml
        targets:
          - name: arrivals_2022
            scenario: year-2022.yaml
            metric: arrivals_uk
            year: 2022
            observed: 45774
            observation_sd: 460
            discrepancy_sd: 2300
            source: 2022 small_boat_arrivals
          - name: deaths_2022
            scenario: year-2022.yaml
            metric: deaths
            year: 2022
            observed: 16
            observation_sd: 5.5
            discrepancy_sd: 4.8
            source: 2022 deaths_channel_iom
        parameters:
          - key: french.beach.max_prevention_probability
            range: [0.5, 0.85]
            reason: test range
          - key: harm.crowding_level_people
            range: [35, 60]
            reason: test range
        design:
          method: latin_hypercube
          wave1_points: 16
          points_per_wave: 8
          max_waves: 2
          target_plausible: 1000
          replications: 2
          cutoff: 3
          rule: max
          seed: 7
        """;

    /// <summary>Writes the file and what it refers to into <paramref name="directory"/>; returns the file's path.</summary>
    public static string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        string scenarios = Path.Combine(RepositoryPaths.Root(), "scenarios");
        // year-2022.yaml extends baseline-2024.yaml; the loader checks every target's source in calibration-targets.csv.
        File.Copy(Path.Combine(scenarios, "year-2022.yaml"), Path.Combine(directory, "year-2022.yaml"));
        File.Copy(Path.Combine(scenarios, "baseline-2024.yaml"), Path.Combine(directory, "baseline-2024.yaml"));
        File.Copy(Path.Combine(scenarios, "calibration", "calibration-targets.csv"), Path.Combine(directory, "calibration-targets.csv"));
        string file = Path.Combine(directory, "slurm-tiny.yaml");
        File.WriteAllText(file, Yaml);
        return file;
    }
}
