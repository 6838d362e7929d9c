using System.Globalization;
using Simulation.Cli.Plotting;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Experiments;

namespace Simulation.Cli.Commands;

/// <summary>
/// The stdout table of run and compare: the reference's means with their 95% intervals, then per
/// variant its mean, the paired difference from the reference with its interval and the relative
/// change, in the registry's units and precision; variants equal to the reference are named as such
/// instead of showing zeros, and combined policies get their interaction.
/// </summary>
internal static class ResultsTable
{
    /// <summary>Writes the table.</summary>
    public static void Print(TextWriter output, ExperimentResults results)
    {
        var names = results.Identity.VariantNames;
        IReadOnlyList<Metric> shown = ShownMetrics(results);
        EnsembleResults? ensemble = results.Ensemble;
        output.WriteLine($"{Count(results.Replications)} replications ({results.Status}, {results.StoppingRule}), seed {results.Identity.MasterSeed}; " +
            (ensemble is null
                ? "means with 95% confidence intervals (simulation noise only; parameter uncertainty is not included)"
                : $"means with {NoiseLabel}, and the {RangeLabel(ensemble.SetIds.Length)} (of the per-set means, and of the per-set effects)"));
        var blocks = new List<List<string[]>>();
        var reference = new List<string[]> { new[] { names[0] == "baseline" ? "baseline" : names[0] + " (reference)", "unit", "mean", "95% CI" } };
        if (ensemble is not null) reference[0] = [.. reference[0], "90% range, sets"];
        foreach (Metric metric in shown)
        {
            MetricInfo info = MetricRegistry.Of(metric);
            MetricSummary s = results.Summaries[0][(int)metric];
            string[] row = ["  " + info.Name, info.Unit, Value(info, s.Mean), Interval(info, s.Ci95Low, s.Ci95High, signed: false)];
            if (ensemble is not null) row = [.. row, Interval(info, ensemble.Ranges[0][(int)metric].P05, ensemble.Ranges[0][(int)metric].P95, signed: false)];
            reference.Add(row);
        }
        var signFlags = new List<string>();
        blocks.Add(reference);
        var identical = new List<string>();
        for (int v = 1; v < names.Length; v++)
        {
            if (results.Relations.IsIdentical(v))
            {
                identical.Add(names[v]);
                continue;
            }
            var rows = new List<string[]> { new[] { names[v] + " vs " + names[0], "unit", "mean", "95% CI", "difference", "95% CI", "change" } };
            if (ensemble is not null) rows[0] = [.. rows[0], "90% range, sets", "sets <0/>0", ""];
            foreach (Metric metric in shown)
            {
                MetricInfo info = MetricRegistry.Of(metric);
                int m = (int)metric;
                MetricSummary s = results.Summaries[v][m];
                PairedComparison c = results.Comparisons[v][m]!;
                double? change = info.PercentChange(results.Summaries[0][m].Mean, c.MeanDiff);
                string[] row = ["  " + info.Name, info.Unit, Value(info, s.Mean), Interval(info, s.Ci95Low, s.Ci95High, signed: false),
                    Value(info, c.MeanDiff, signed: true), Interval(info, c.Ci95Low, c.Ci95High, signed: true),
                    change is double pct ? MetricLabels.Fixed(pct, 1, signed: true) + "%" : "-"];
                if (ensemble?.Effects[v][m] is { } effect)
                {
                    row = [.. row, Interval(info, effect.P05, effect.P95, signed: true), Shares(effect), effect.SignDependsOnParameters ? SignFlag : ""];
                    if (effect.SignDependsOnParameters)
                    {
                        signFlags.Add($"{names[v]}, {info.Name}: {SignFlag}: the effect is below zero in {Percent(effect.ShareBelowZero)} and above zero in {Percent(effect.ShareAboveZero)} of the {effect.Sets} plausible parameter sets");
                    }
                }
                rows.Add(row);
            }
            blocks.Add(rows);
        }
        foreach (var (combination, i) in results.Relations.Combinations.Select((c, i) => (c, i)))
        {
            string parts = string.Join(" + ", combination.Parts.Select(p => names[p]));
            var rows = new List<string[]>
            {
                new[] { $"{names[combination.Combined]}: interaction of {parts} (vs {names[combination.Base]})", "unit", "together", "sum of parts", "interaction", "95% CI" },
            };
            // The main metrics, and any other whose interaction is beyond noise.
            foreach (Metric metric in shown.Where(m => MetricRegistry.Main.Contains(m) || Excludes0(results.Interactions[i][(int)m].Interaction)))
            {
                MetricInfo info = MetricRegistry.Of(metric);
                InteractionSummary x = results.Interactions[i][(int)metric];
                rows.Add(["  " + info.Name, info.Unit, Value(info, x.CombinedEffect, signed: true), Value(info, x.SumOfPartEffects, signed: true),
                    Value(info, x.Interaction.Mean, signed: true), Interval(info, x.Interaction.Ci95Low, x.Interaction.Ci95High, signed: true)]);
            }
            blocks.Add(rows);
        }
        // One set of widths for all blocks, so the columns line up down the whole table.
        int[] widths = new int[blocks.Max(b => b.Max(r => r.Length))];
        foreach (List<string[]> block in blocks)
        {
            foreach (string[] row in block) for (int i = 1; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
            foreach (string[] row in block.Skip(1)) widths[0] = Math.Max(widths[0], row[0].Length);
        }
        for (int b = 0; b < blocks.Count; b++)
        {
            if (b > 0) output.WriteLine();
            // A block's title may be longer than the metric names: it takes its own line when it does not fit.
            string[] head = blocks[b][0];
            if (head[0].Length > widths[0]) output.WriteLine(head[0]);
            foreach (string[] row in blocks[b])
            {
                string first = row == head && head[0].Length > widths[0] ? "" : row[0];
                output.WriteLine(string.Join("  ", row.Select((cell, i) => i == 0 ? first.PadRight(widths[i]) : i == 1 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
            }
        }
        if (identical.Count > 0)
        {
            output.WriteLine();
            foreach (string name in identical)
            {
                output.WriteLine($"{name}: identical to the reference {names[0]} (same resolved parameters), so it has no effect of its own to show");
            }
        }
        if (ensemble is not null)
        {
            output.WriteLine();
            output.WriteLine($"95% CI: simulation noise (Monte Carlo) of the nominal parameters' replications. 90% range, sets: the {RangeLabel(ensemble.SetIds.Length)}, p05 to p95 of the per-set means " +
                $"(for a policy: of its per-set paired differences from {names[0]}), {ensemble.Replications} replications per set. sets <0/>0: share of sets where the effect is below / above zero.");
            foreach (string flag in signFlags) output.WriteLine(flag);
        }
        output.WriteLine();
        output.WriteLine("Rows: the main metrics, then any other that a variant changes beyond noise. change: difference as a share of the reference mean; '-' where a percentage would mislead (shares, whose differences are in percentage points, and baselines near zero). Every metric: channelsim metrics.");
    }

    /// <summary>
    /// The main metrics, then every other metric that some variant changes beyond simulation noise (its
    /// paired interval excludes zero), so a policy aimed at waiting times shows its waits, not eight rows of zeros.
    /// </summary>
    internal static IReadOnlyList<Metric> ShownMetrics(ExperimentResults results)
    {
        var shown = new List<Metric>(MetricRegistry.Main);
        foreach (MetricInfo info in MetricRegistry.Totals)
        {
            Metric metric = info.Metric!.Value;
            if (shown.Contains(metric)) continue;
            for (int v = 1; v < results.Identity.VariantNames.Length; v++)
            {
                PairedComparison? c = results.Comparisons[v][(int)metric];
                if (!results.Relations.IsIdentical(v) && c is not null && (c.Ci95Low > 0 || c.Ci95High < 0))
                {
                    shown.Add(metric);
                    break;
                }
            }
        }
        return shown;
    }

    /// <summary>What the Monte Carlo interval covers, in the words every output uses.</summary>
    public const string NoiseLabel = "95% CI — simulation noise";

    /// <summary>The flag for an effect whose sign changes across the plausible sets.</summary>
    public const string SignFlag = Reporting.ReportWriter.SignFlag;

    /// <summary>What the ensemble interval covers, in the words every output uses.</summary>
    public static string RangeLabel(int sets) => $"90% range across plausible parameter sets ({sets.ToString(CultureInfo.InvariantCulture)} sets)";

    private static string Shares(EnsembleEffect effect) => Percent(effect.ShareBelowZero) + "/" + Percent(effect.ShareAboveZero);

    private static string Percent(double share) => MetricLabels.Fixed(100 * share, 0, signed: false) + "%";

    private static bool Excludes0(MetricSummary s) => s.Ci95Low > 0 || s.Ci95High < 0;

    private static string Value(MetricInfo info, double value, bool signed = false) =>
        MetricLabels.Fixed(value * info.DisplayScale, info.Decimals, signed);

    private static string Interval(MetricInfo info, double low, double high, bool signed) =>
        "[" + Value(info, low, signed) + ", " + Value(info, high, signed) + "]";

    private static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
}
