using System.CommandLine;

namespace Simulation.Cli.Commands.Backtest;

/// <summary>
/// <c>channelsim backtest SCENARIO... --out DIR</c>: the targets of a calibration file against the
/// year scenarios given, with the calibration's implausibility test.
/// </summary>
public static class BacktestCommand
{
    /// <summary>The calibration file used when --calibration is not given.</summary>
    public const string DefaultCalibration = "scenarios/calibration/history-2022-2024.yaml";

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenarios = new Argument<string[]>("scenarios")
        {
            Description = "Year scenario files (YAML); the calibration file's targets for these files (same full path) are compared.",
            Arity = ArgumentArity.OneOrMore,
        };
        var calibration = new Option<string>("--calibration")
        {
            Description = $"Calibration file whose targets are compared (default: {DefaultCalibration}).",
            DefaultValueFactory = _ => DefaultCalibration,
        };
        var replications = new Option<int>("--replications", "-r")
        {
            Description = "Replications of each scenario's baseline (first) variant (default: 100).",
            DefaultValueFactory = _ => 100,
        };
        var seed = new Option<ulong?>("--seed", "-s") { Description = "Master seed for every scenario (default: experiment.seed of each scenario)." };
        var output = new Option<string>("--out", "-o") { Description = "Output directory for backtest.csv and manifest.json (required).", Required = true };
        var markdown = new Option<string?>("--markdown")
        {
            Description = "Also write the validation document (docs/VALIDATION.md) generated from the same figures to this path (default: none).",
        };
        var ensemble = new Option<string?>("--ensemble")
        {
            Description = "Plausible parameter sets (CSV: set_id,<key>,...; one row per set): every set runs -r replications with the same seeds, " +
                "and the simulated mean and 5%-95% range are over the sets' means (default: none, the scenarios' own parameters).",
        };
        var noPlots = new Option<bool>("--no-plots") { Description = "Do not write report.html (its table and observed-vs-simulated chart per target) (default: off: the report is written)." };
        var command = new Command("backtest",
            "Compare the model with the observed targets of a calibration file: each given year scenario's baseline runs -r times; " +
            "writes backtest.csv (observed 90% range, simulated mean and 5%-95% quantiles, within = implausibility <= 3) and manifest.json to --out.")
        {
            scenarios, calibration, ensemble, replications, seed, output, markdown, noPlots,
        };
        command.SetAction(parse => BacktestHandler.Run(
            new BacktestArguments
            {
                Scenarios = parse.GetValue(scenarios) ?? [],
                Calibration = parse.GetValue(calibration) ?? DefaultCalibration,
                Replications = parse.GetValue(replications),
                Seed = parse.GetValue(seed),
                Out = parse.GetValue(output)!,
                Markdown = parse.GetValue(markdown),
                Ensemble = parse.GetValue(ensemble),
                NoPlots = parse.GetValue(noPlots),
                CommandLine = string.Join(' ', parse.Tokens.Select(t => t.Value)),
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }
}

/// <summary>What <c>channelsim backtest</c> was asked to do.</summary>
public sealed record BacktestArguments
{
    /// <summary>Year scenario files as given.</summary>
    public required IReadOnlyList<string> Scenarios { get; init; }
    /// <summary>Calibration file.</summary>
    public required string Calibration { get; init; }
    /// <summary>Replications per scenario.</summary>
    public required int Replications { get; init; }
    /// <summary>Master seed, or null for each scenario's own.</summary>
    public ulong? Seed { get; init; }
    /// <summary>Output directory.</summary>
    public required string Out { get; init; }
    /// <summary>Where to write the generated validation document, or null.</summary>
    public string? Markdown { get; init; }
    /// <summary>Plausible-sets file, or null.</summary>
    public string? Ensemble { get; init; }
    /// <summary>Skip the chart (report.html holds the table only).</summary>
    public bool NoPlots { get; init; }
    /// <summary>The command line as given, for the manifest.</summary>
    public string CommandLine { get; init; } = "";
}
