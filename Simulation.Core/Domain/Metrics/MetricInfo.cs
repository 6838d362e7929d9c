namespace Simulation.Core.Domain.Metrics;

/// <summary>
/// Everything a reader needs to read one metric right: its stable name, a human label, the unit, what
/// exactly is counted (naming the official definition it follows where there is one), how many decimals
/// to show and whether a percentage change means anything.
/// </summary>
/// <param name="Name">Stable snake_case name: the column of replications.csv and the key of summary.json.</param>
/// <param name="Label">Human label for tables, charts and headlines, sentence case, without the unit.</param>
/// <param name="Unit">Unit of the values as shown ("people", "boats", "hours"; "%" for shares).</param>
/// <param name="Kind">What is counted.</param>
/// <param name="Definition">One or two sentences: what is counted, and which official definition it follows.</param>
/// <param name="Decimals">Decimals shown for a mean or a difference of means (in the displayed unit).</param>
/// <param name="PercentChangeMeaningful">False for shares (their change is in percentage points) and for stocks fixed by the scenario.</param>
public sealed record MetricInfo(string Name, string Label, string Unit, MetricKind Kind, string Definition, int Decimals, bool PercentChangeMeaningful)
{
    /// <summary>The per-replication total this entry describes, or null for a daily series only.</summary>
    public Metric? Metric { get; init; }

    /// <summary>
    /// Smallest |baseline mean| at which a percentage change is shown: below it a percentage of a near-zero
    /// baseline would dwarf the absolute change, so only the absolute change is shown.
    /// </summary>
    public double PercentChangeMinimumBaseline { get; init; } = 1;

    /// <summary>True for shares: fractions in data files, percent on screen.</summary>
    public bool IsShare => Kind == MetricKind.Share;

    /// <summary>Factor from the value in data files to the value shown (100 for shares).</summary>
    public double DisplayScale => IsShare ? 100.0 : 1.0;

    /// <summary>Unit of the values in data files (shares are fractions there).</summary>
    public string UnitInFiles => IsShare ? "fraction (0 to 1)" : Unit;

    /// <summary>Unit of a difference as shown: percentage points for shares.</summary>
    public string DifferenceUnit => IsShare ? "percentage points" : Unit;

    /// <summary>"Label (unit)".</summary>
    public string LabelWithUnit => $"{Label} ({Unit})";

    /// <summary>
    /// Percentage change of <paramref name="difference"/> against <paramref name="baselineMean"/>, or null where a
    /// percentage would mislead: the metric says so, or the baseline is near zero or undefined.
    /// </summary>
    public double? PercentChange(double baselineMean, double difference)
    {
        if (!PercentChangeMeaningful || !double.IsFinite(baselineMean) || !double.IsFinite(difference)) return null;
        if (Math.Abs(baselineMean) < PercentChangeMinimumBaseline) return null;
        return 100.0 * difference / baselineMean;
    }
}
