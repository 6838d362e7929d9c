using Simulation.Tests.Calibration;

namespace Simulation.Tests.Cluster;

/// <summary>
/// A calibration file small enough for the Slurm test: the calibrate command tests' tiny file (two
/// parameters, two 2022 targets, 2 replications) with 16 wave-1 points so that four shards get four each.
/// </summary>
internal static class TinyCalibration
{
    /// <summary>Writes the file and what it refers to into <paramref name="directory"/>; returns the file's path.</summary>
    public static string Write(string directory) => CalibrateCommandTests.WriteTiny(directory, "slurm-tiny.yaml",
        CalibrateCommandTests.Yaml
            .Replace("name: tiny", "name: slurm-tiny", StringComparison.Ordinal)
            .Replace("wave1_points: 8", "wave1_points: 16", StringComparison.Ordinal)
            .Replace("points_per_wave: 6", "points_per_wave: 8", StringComparison.Ordinal));
}
