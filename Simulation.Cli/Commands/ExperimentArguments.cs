namespace Simulation.Cli.Commands;

/// <summary>Parsed values of <see cref="ExperimentOptions"/>; handlers take this, so tests need no parsing.</summary>
public sealed record ExperimentArguments(
    int? Replications = null,
    ulong? Seed = null,
    int Threads = 1,
    string? Out = null,
    double? Precision = null,
    string Metric = "arrivals_uk",
    long? MaxReplications = null,
    string? Shard = null,
    bool Resume = false,
    bool Force = false,
    string Format = "csv",
    string CommandLine = "",
    bool Plots = false,
    bool NoPlots = false,
    bool DefaultOut = false,
    bool KeepCheckpoint = false,
    IReadOnlyList<string>? Set = null);
