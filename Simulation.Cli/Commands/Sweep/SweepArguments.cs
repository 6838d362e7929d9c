namespace Simulation.Cli.Commands.Sweep;

/// <summary>Parsed options of channelsim sweep; the handler takes this, so tests need no parsing.</summary>
public sealed record SweepArguments
{
    /// <summary>Scenario file.</summary>
    public required string ScenarioPath { get; init; }
    /// <summary>The --vary arguments as typed.</summary>
    public required IReadOnlyList<string> Vary { get; init; }
    /// <summary>"grid" or "lhs".</summary>
    public string Design { get; init; } = "grid";
    /// <summary>Latin hypercube points.</summary>
    public int Samples { get; init; } = 50;
    /// <summary>Extra metrics (the first is ranked on stdout).</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];
    /// <summary>Replications per point (null: the scenario's).</summary>
    public int? Replications { get; init; }
    /// <summary>Master seed (null: the scenario's).</summary>
    public ulong? Seed { get; init; }
    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Output directory (null: results/&lt;name&gt;-sweep).</summary>
    public string? Out { get; init; }
    /// <summary>Base variant (null: the baseline).</summary>
    public string? Variant { get; init; }
    /// <summary>Overwrite an earlier sweep.</summary>
    public bool Force { get; init; }
    /// <summary>Command-line overrides (--set key.path=value) applied to the scenario before the sweep.</summary>
    public IReadOnlyList<string> Set { get; init; } = [];
    /// <summary>Continue an interrupted sweep from its checkpoint.</summary>
    public bool Resume { get; init; }
    /// <summary>Keep the checkpoint after a complete sweep.</summary>
    public bool KeepCheckpoint { get; init; }
    /// <summary>The command line after "channelsim".</summary>
    public string CommandLine { get; init; } = "";
}
