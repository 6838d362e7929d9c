namespace Simulation.Cli.Commands.Calibrate;

/// <summary>Parsed options of channelsim calibrate; the handler takes this, so tests need no parsing.</summary>
public sealed record CalibrateArguments
{
    /// <summary>Calibration file.</summary>
    public required string CalibrationPath { get; init; }
    /// <summary>Output directory (null: results/&lt;name&gt;-calibration).</summary>
    public string? Out { get; init; }
    /// <summary>Master seed override.</summary>
    public ulong? Seed { get; init; }
    /// <summary>Replications override.</summary>
    public int? Replications { get; init; }
    /// <summary>Most waves override.</summary>
    public int? MaxWaves { get; init; }
    /// <summary>Worker threads.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Run only this wave (with --shard).</summary>
    public int? Wave { get; init; }
    /// <summary>"k/n" (with --wave).</summary>
    public string? Shard { get; init; }
    /// <summary>Directory holding the merged earlier waves (--wave 2 and later).</summary>
    public string? From { get; init; }
    /// <summary>Skip the charts.</summary>
    public bool NoPlots { get; init; }
    /// <summary>Continue from the checkpoint.</summary>
    public bool Resume { get; init; }
    /// <summary>Replace earlier outputs.</summary>
    public bool Force { get; init; }
    /// <summary>The command line after "channelsim".</summary>
    public string CommandLine { get; init; } = "";
}
