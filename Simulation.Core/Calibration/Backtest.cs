using System.Collections.Immutable;
using System.Text;
using MathNet.Numerics.Statistics;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Reporting;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Calibration;

/// <summary>
/// One target of a calibration file against the model: the observed figure with its 90% range
/// (observation and discrepancy together), the simulated mean and 5%–95% quantiles, and whether the
/// implausibility is within the cut-off.
/// </summary>
public sealed record BacktestRow(
    int Year, string Target, string Metric, double Observed, double ObservedLow, double ObservedHigh,
    double SimulatedMean, double SimulatedP05, double SimulatedP95, double Implausibility, bool Within)
{
    /// <summary>The target's source: its calibration-targets.csv row(s).</summary>
    public string Source { get; init; } = "";
}

/// <summary>
/// Runs the year scenarios a calibration file names and compares every covered target with the
/// model, using the same implausibility as calibration:
/// I = |observed − mean| / √(observation_sd² + discrepancy_sd² + var/n).
/// </summary>
public static class Backtest
{
    /// <summary>z for a two-sided 90% range of a normal distribution.</summary>
    public const double Z90 = 1.645;

    /// <summary>The cut-off of <see cref="BacktestRow.Within"/>, as the calibration's default.</summary>
    public const double Cutoff = 3.0;

    /// <summary>The columns of backtest.csv, in order.</summary>
    public const string CsvHeader = "year,target,observed,observed_low,observed_high,simulated_mean,simulated_p05,simulated_p95,within";

    /// <summary>
    /// Rows for the targets whose scenario is among <paramref name="scenarios"/> (matched by full path),
    /// in the calibration file's order. Each scenario's first variant runs <paramref name="replications"/>
    /// times from <paramref name="seed"/> (or the scenario's own seed).
    /// </summary>
    public static ImmutableArray<BacktestRow> Run(CalibrationSpec spec, IReadOnlyList<Scenario> scenarios, int replications, ulong? seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(scenarios);
        if (replications < 2) throw new ArgumentOutOfRangeException(nameof(replications), "two replications at least, for a variance");
        var rows = ImmutableArray.CreateBuilder<BacktestRow>();
        // Each scenario runs once; its targets read different metrics of the same replications.
        var totals = new Dictionary<Scenario, double[][]>(ReferenceEqualityComparer.Instance);
        foreach (CalibrationTarget target in spec.Targets)
        {
            int index = spec.Scenarios.IndexOf(target.Scenario);
            Scenario? scenario = FindScenario(spec.ScenarioFiles[index], scenarios);
            if (scenario is null) continue;
            if (!totals.TryGetValue(scenario, out double[][]? runs))
            {
                runs = Simulate(scenario.Variants[0].Parameters, replications, seed ?? scenario.DefaultSeed);
                totals.Add(scenario, runs);
            }
            var values = new double[runs.Length];
            for (int r = 0; r < runs.Length; r++) values[r] = runs[r][(int)target.Metric];
            rows.Add(Row(target, values));
        }
        return rows.ToImmutable();
    }

    /// <summary>The scenario given on the command line that is the calibration's file, by full path; null when not given.</summary>
    public static Scenario? FindScenario(string calibrationScenarioFile, IReadOnlyList<Scenario> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        string full = Path.GetFullPath(calibrationScenarioFile);
        foreach (Scenario s in scenarios)
        {
            if (string.Equals(Path.GetFullPath(s.SourcePath), full, StringComparison.Ordinal)) return s;
        }
        return null;
    }

    /// <summary>One row from the replication values of the target's metric.</summary>
    public static BacktestRow Row(CalibrationTarget target, double[] values)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(values);
        double mean = values.Mean();
        double variance = values.Variance();
        double halfRange = Z90 * Math.Sqrt(target.ObservationSd * target.ObservationSd + target.DiscrepancySd * target.DiscrepancySd);
        double implausibility = Implausibility(target, mean, variance, values.Length);
        return new BacktestRow(target.Year, target.Name, MetricRegistry.Of(target.Metric).Name, target.Observed,
            target.Observed - halfRange, target.Observed + halfRange, mean,
            Statistics.QuantileCustom(values, 0.05, QuantileDefinition.R7), Statistics.QuantileCustom(values, 0.95, QuantileDefinition.R7),
            implausibility, implausibility <= Cutoff) { Source = target.Source };
    }

    /// <summary>The calibration's implausibility of one target, from a mean and the variance of <paramref name="n"/> values.</summary>
    public static double Implausibility(CalibrationTarget target, double mean, double variance, int n)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Math.Abs(target.Observed - mean) /
            Math.Sqrt(target.ObservationSd * target.ObservationSd + target.DiscrepancySd * target.DiscrepancySd + variance / n);
    }

    /// <summary>Every replication's metric totals (replication r uses stream r of <paramref name="seed"/>, as run does).</summary>
    public static double[][] Simulate(ParameterSet parameters, int replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        // One replication after another: the figures do not depend on threads, and three year
        // scenarios at 100 replications take seconds.
        var model = new ChannelModel(parameters);
        var totals = new double[replications][];
        var result = new ReplicationResult(model.Days);
        for (int r = 0; r < replications; r++)
        {
            result.Clear();
            model.RunReplication(seed, r, result);
            totals[r] = (double[])result.Totals.Clone();
        }
        return totals;
    }

    /// <summary>backtest.csv: <see cref="CsvHeader"/>, one row per target, invariant numbers.</summary>
    public static string Csv(IReadOnlyList<BacktestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (BacktestRow row in rows)
        {
            csv.Append(InvariantFormat.Integer(row.Year)).Append(',').Append(InvariantFormat.CsvCell(row.Target)).Append(',')
                .Append(InvariantFormat.Number(row.Observed)).Append(',').Append(InvariantFormat.Number(row.ObservedLow)).Append(',')
                .Append(InvariantFormat.Number(row.ObservedHigh)).Append(',').Append(InvariantFormat.Number(row.SimulatedMean)).Append(',')
                .Append(InvariantFormat.Number(row.SimulatedP05)).Append(',').Append(InvariantFormat.Number(row.SimulatedP95)).Append(',')
                .Append(row.Within ? "true" : "false").Append('\n');
        }
        return csv.ToString();
    }
}
