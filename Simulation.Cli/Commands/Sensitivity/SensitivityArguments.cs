namespace Simulation.Cli.Commands.Sensitivity;

/// <summary>Parsed options of channelsim sensitivity; the handler takes this, so tests need no parsing.</summary>
public sealed record SensitivityArguments
{
    /// <summary>Scenario file.</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>"sobol" or "morris".</summary>
    public string Method { get; init; } = "sobol";
    /// <summary>The --vary arguments as typed (key.path=low:high).</summary>
    public required IReadOnlyList<string> Vary { get; init; }
    /// <summary>Metrics analysed (default: arrivals_uk).</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];
    /// <summary>Sobol: base samples N.</summary>
    public int Samples { get; init; } = 64;
    /// <summary>Morris: trajectories r.</summary>
    public int Trajectories { get; init; } = 10;
    /// <summary>Morris: grid levels p.</summary>
    public int Levels { get; init; } = 4;
    /// <summary>Sobol: bootstrap resamples of the intervals.</summary>
    public int Bootstrap { get; init; } = 1000;
    /// <summary>Replications per point.</summary>
    public int Replications { get; init; } = 10;
    /// <summary>Master seed (null: the scenario's).</summary>
    public ulong? Seed { get; init; }
    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Output directory (null: results/&lt;name&gt;-sensitivity).</summary>
    public string? Out { get; init; }
    /// <summary>Variant whose paired difference from the baseline is analysed (null: the metric itself).</summary>
    public string? Compare { get; init; }
    /// <summary>Overwrite an earlier analysis.</summary>
    public bool Force { get; init; }
    /// <summary>Command-line overrides (--set key.path=value) applied to the scenario first.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];
    /// <summary>Continue an interrupted analysis from its checkpoint.</summary>
    public bool Resume { get; init; }
    /// <summary>Keep the checkpoint after a complete analysis.</summary>
    public bool KeepCheckpoint { get; init; }
    /// <summary>The command line after "channelsim".</summary>
    public string CommandLine { get; init; } = "";
}
