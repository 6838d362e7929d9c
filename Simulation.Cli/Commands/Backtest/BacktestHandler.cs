using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Simulation.Core.Calibration;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Backtest;

/// <summary>Behaviour of <c>channelsim backtest</c>: load, check, run, write backtest.csv, manifest.json and the table.</summary>
public static class BacktestHandler
{
    /// <summary>Runs the backtest; exit 0, or 2 for bad input (nothing written).</summary>
    public static int Run(BacktestArguments arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (arguments.Replications < 2)
        {
            error.WriteLine($"backtest: --replications must be at least 2 (got {arguments.Replications.ToString(CultureInfo.InvariantCulture)}): the implausibility needs a variance.");
            return ExitCodes.InvalidInput;
        }
        CalibrationLoadResult calibration = CalibrationFileLoader.Load(arguments.Calibration);
        if (!calibration.IsValid)
        {
            foreach (ScenarioIssue issue in calibration.Issues) error.WriteLine(issue.ToString());
            error.WriteLine($"backtest: {arguments.Calibration} is not a valid calibration file ({calibration.Issues.Length} problem{(calibration.Issues.Length == 1 ? "" : "s")}); nothing was run.");
            return ExitCodes.InvalidInput;
        }
        CalibrationSpec spec = calibration.Spec!;
        var scenarios = new List<Scenario>();
        var invalid = false;
        foreach (string file in arguments.Scenarios)
        {
            ScenarioLoadResult loaded = ScenarioLoader.Load(file);
            if (!loaded.IsValid)
            {
                foreach (ScenarioIssue issue in loaded.Issues) error.WriteLine(issue.ToString());
                invalid = true;
                continue;
            }
            if (!spec.ScenarioFiles.Any(f => string.Equals(Path.GetFullPath(f), Path.GetFullPath(file), StringComparison.Ordinal)))
            {
                error.WriteLine($"backtest: {file} is not one of the scenarios of {arguments.Calibration} ({string.Join(", ", spec.ScenarioFiles)}); it has no targets.");
                invalid = true;
                continue;
            }
            scenarios.Add(loaded.Scenario!);
        }
        (ImmutableArray<PlausibleSet> Sets, ImmutableArray<ScenarioIssue> Issues)? sets = null;
        if (arguments.Ensemble is { } ensembleFile)
        {
            sets = PlausibleSetsFile.Load(ensembleFile);
            foreach (ScenarioIssue issue in sets.Value.Issues) error.WriteLine(issue.ToString());
            if (!sets.Value.Issues.IsEmpty || sets.Value.Sets.IsEmpty) invalid = true;
            else if (sets.Value.Sets.Length < 2)
            {
                error.WriteLine($"backtest: {ensembleFile} holds one parameter set; an ensemble needs two or more for a spread.");
                invalid = true;
            }
        }
        if (invalid)
        {
            error.WriteLine("backtest: nothing was run.");
            return ExitCodes.InvalidInput;
        }
        if (arguments.Markdown is not null && sets is not null)
        {
            error.WriteLine("backtest: --markdown writes the validation document of the default mechanisms; leave out --ensemble. Nothing was run.");
            return ExitCodes.InvalidInput;
        }
        var rows = Core.Calibration.Backtest.Run(spec, scenarios, arguments.Replications, arguments.Seed, sets?.Sets.ToArray());
        try
        {
            Directory.CreateDirectory(arguments.Out);
            AtomicFile.WriteAllText(Path.Combine(arguments.Out, "backtest.csv"), Core.Calibration.Backtest.Csv(rows));
            AtomicFile.WriteAllText(Path.Combine(arguments.Out, "manifest.json"), Manifest(arguments, spec, scenarios, sets));
            if (!arguments.NoPlots)
            {
                string spread = sets is null
                    ? "5%/95% quantiles (R-7) over the replications of the year scenario's baseline variant (simulation noise)"
                    : "5%/95% quantiles (R-7) of the set means across " + sets.Value.Sets.Length.ToString(CultureInfo.InvariantCulture) + " plausible parameter sets";
                AtomicFile.WriteAllText(Path.Combine(arguments.Out, "report.html"), Reporting.BacktestReport.Render(spec.Name, spread, rows));
            }
            if (arguments.Markdown is { } markdown)
                AtomicFile.WriteAllText(markdown, ValidationMarkdown.Write(spec, scenarios, rows, arguments.Replications, arguments.Seed));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"backtest: cannot write the results: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        output.Write(Table(rows));
        int within = rows.Count(r => r.Within);
        output.WriteLine($"{within.ToString(CultureInfo.InvariantCulture)} of {rows.Length.ToString(CultureInfo.InvariantCulture)} targets within (implausibility <= 3); results in {arguments.Out}");
        return ExitCodes.Ok;
    }

    /// <summary>The stdout table: one line per target.</summary>
    public static string Table(IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"year",-5} {"target",-22} {"observed",10} {"observed 90% range",22} {"simulated mean",15} {"simulated p05-p95",22} {"I",6} within\n");
        foreach (BacktestRow r in rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{r.Year,-5} {r.Target,-22} {ValidationMarkdown.Figure(r.Observed),10} {"[" + ValidationMarkdown.Figure(r.ObservedLow) + ", " + ValidationMarkdown.Figure(r.ObservedHigh) + "]",22} " +
                $"{ValidationMarkdown.Figure(r.SimulatedMean),15} {"[" + ValidationMarkdown.Figure(r.SimulatedP05) + ", " + ValidationMarkdown.Figure(r.SimulatedP95) + "]",22} {r.Implausibility.ToString("F2", CultureInfo.InvariantCulture),6} {(r.Within ? "yes" : "NO")}\n");
        }
        return text.ToString();
    }

    private static string Manifest(BacktestArguments arguments, CalibrationSpec spec, List<Scenario> scenarios, (ImmutableArray<PlausibleSet> Sets, ImmutableArray<ScenarioIssue> Issues)? sets)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("channelsim_version", ChannelSimVersion.Current);
            json.WriteString("command_line", "channelsim " + arguments.CommandLine);
            json.WriteString("calibration_file", spec.SourcePath);
            json.WriteString("calibration_sha256", spec.Sha256);
            json.WriteNumber("replications", arguments.Replications);
            if (sets is null)
            {
                json.WriteString("simulated_spread", "replications of each scenario's baseline variant: mean and 5%/95% quantiles (R-7) over replications");
                json.WriteString("within_rule", "|observed - simulated_mean| / sqrt(observation_sd^2 + discrepancy_sd^2 + variance/replications) <= 3");
            }
            else
            {
                json.WriteString("ensemble_file", arguments.Ensemble);
                json.WriteString("ensemble_sha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(arguments.Ensemble!))));
                json.WriteNumber("ensemble_sets", sets.Value.Sets.Length);
                json.WriteString("simulated_spread", "each plausible set runs every replication (same seeds across sets): simulated_mean is the mean of the set means, " +
                    "simulated_p05/p95 the 5%/95% quantiles (R-7) of the set means: the spread across plausible parameter sets");
                json.WriteString("within_rule", "|observed - simulated_mean| / sqrt(observation_sd^2 + discrepancy_sd^2 + variance of the set means) <= 3");
            }
            json.WriteString("observed_range", "observed -/+ 1.645 * sqrt(observation_sd^2 + discrepancy_sd^2)");
            json.WriteStartArray("scenarios");
            foreach (Scenario s in scenarios)
            {
                json.WriteStartObject();
                json.WriteString("file", s.SourcePath);
                json.WriteString("name", s.Name);
                json.WriteString("sha256", s.Sha256);
                json.WriteString("seed", InvariantFormat.Unsigned(arguments.Seed ?? s.DefaultSeed));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
