using System.Collections.Immutable;

namespace Simulation.Core.Domain.Validation;

/// <summary>Whether the model met a validation target.</summary>
public enum ValidationOutcome
{
    /// <summary>The model's mean meets the target (within its stated band).</summary>
    Met,
    /// <summary>The model misses the target.</summary>
    Missed,
    /// <summary>Shown for information: no target, or a breakdown without a verdict.</summary>
    NotJudged,
}

/// <summary>One row of a validation table: a public figure of a year against the model's mean for that year's scenario.</summary>
/// <param name="Year">Calendar year of the figure and of the scenario.</param>
/// <param name="Metric">What is compared, as in the table.</param>
/// <param name="Target">The public figure or band.</param>
/// <param name="ModelMean">The model's mean over the replications.</param>
/// <param name="Interval">Its 95% interval, or another note, or empty.</param>
/// <param name="Verdict">The table's verdict.</param>
/// <param name="Outcome">Met, missed or not judged.</param>
public sealed record ValidationCheck(int Year, string Metric, string Target, string ModelMean, string Interval, string Verdict, ValidationOutcome Outcome);

/// <summary>
/// The validation tables of docs/VALIDATION.md as data, so a report can state how the model fares in its scenario's
/// base year. A test keeps the two identical: change the document and this table together (the calibration tests print
/// the figures).
/// </summary>
public static class ValidationRecord
{
    /// <summary>Where the tables and their discussion are.</summary>
    public const string Document = "docs/VALIDATION.md";

    /// <summary>Replications behind every model figure (each year's scenario, its own seed).</summary>
    public const int Replications = 100;

    /// <summary>The scenario file validated for each year.</summary>
    public static readonly ImmutableDictionary<int, string> Scenarios = new Dictionary<int, string>
    {
        [2022] = "scenarios/year-2022.yaml", [2023] = "scenarios/year-2023.yaml", [2024] = "scenarios/baseline-2024.yaml",
    }.ToImmutableDictionary();

    /// <summary>Every row, in the document's order within each year.</summary>
    public static readonly ImmutableArray<ValidationCheck> Checks =
    [
        new(2024, "arrivals_uk", "36,816", "36,384.1", "[36,300.2, 36,468.0]", "within ±5% (−1.2%)", ValidationOutcome.Met),
        new(2024, "boats_arrived", "695", "689.9", "[687.4, 692.5]", "within ±10% (−0.7%)", ValidationOutcome.Met),
        new(2024, "people_per_boat", "53", "52.75", "[52.59, 52.90]", "within ±5%", ValidationOutcome.Met),
        new(2024, "deaths (beach, boarding, sea)", "50–95 (~78 whole route, ~50 at sea)", "74.7", "[71.4, 77.9]", "in band", ValidationOutcome.Met),
        new(2024, "of which drowning / hypothermia / crush / interception", "~60% / ~15% / ~8% / –", "58.5 / 7.2 / 9.0 / 0", "", "drowning 78%, hypothermia 10%, crush 12%", ValidationOutcome.NotJudged),
        new(2024, "share of person-attempts prevented on land", "0.30–0.50", "0.373", "[0.370, 0.375]", "in band", ValidationOutcome.Met),
        new(2024, "boats_self_landed (uncontrolled landings)", "~0", "2.2", "[1.7, 2.6]", "nearly none (0.3% of boats)", ValidationOutcome.Met),
        new(2024, "Border Force share of UK responses", "~0.90", "0.894", "[0.891, 0.897]", "on target", ValidationOutcome.Met),
        new(2024, "red days (crossing likely) share", "0.28–0.30", "0.289", "[0.281, 0.298]", "on target", ValidationOutcome.Met),
        new(2024, "share of arrivals in the second half", "~0.65", "0.643", "[0.640, 0.646]", "on target", ValidationOutcome.Met),
        new(2024, "returned_windspire", "tens of people", "38.7", "[28.9, 48.6]", "on target", ValidationOutcome.Met),
        new(2024, "rescued_fr", "5,300 by early Nov", "5,437.6", "[5,312.2, 5,563.0]", "on target", ValidationOutcome.Met),
        new(2024, "busiest day of H1 (mean over replications of each year's maximum)", "882 (18 Jun 2024)", "834", "", "within ±35% (−5%)", ValidationOutcome.Met),
        new(2024, "arrivals per red day in a calm spell (31-day windows from July with ≥ 20 red days)", "~240 (6,288 over 26 red days, 11 Oct–10 Nov 2024)", "227", "30 windows", "within ±35% (−5%)", ValidationOutcome.Met),
        new(2022, "arrivals_uk", "45,774", "46,079.1", "[45,992.2, 46,166.0]", "+0.7%", ValidationOutcome.Met),
        new(2022, "boats_arrived", "1,110", "1,113.9", "[1,111.0, 1,116.8]", "+0.4%", ValidationOutcome.Met),
        new(2022, "people_per_boat", "41", "41.37", "[41.30, 41.45]", "on target", ValidationOutcome.Met),
        new(2022, "deaths", "~5 (Refugee Council)", "69.7", "[66.8, 72.6]", "**miss: 14× too high**", ValidationOutcome.Missed),
        new(2022, "prevented share", "0.424 (UK–France declaration)", "0.309", "[0.306, 0.311]", "**miss: too low**", ValidationOutcome.Missed),
        new(2022, "Border Force share", "~0.75 (RNLI met ~1 boat in 4)", "0.749", "[0.746, 0.752]", "on target", ValidationOutcome.Met),
        new(2022, "boats_self_landed", "not in the data pack", "26.1", "[23.9, 28.2]", "2% of boats; plausible with 4 Border Force vessels", ValidationOutcome.NotJudged),
        new(2023, "arrivals_uk", "29,437", "29,334.5", "[29,261.5, 29,407.5]", "−0.3%", ValidationOutcome.Met),
        new(2023, "boats_arrived", "~602 (604 incidents)", "601.8", "[599.4, 604.1]", "on target", ValidationOutcome.Met),
        new(2023, "people_per_boat", "49", "48.76", "[48.61, 48.91]", "on target", ValidationOutcome.Met),
        new(2023, "deaths", "12 at sea (Prémar)", "55.0", "[52.1, 57.9]", "**miss: 4–5× too high**", ValidationOutcome.Missed),
        new(2023, "prevented share", "~0.45", "0.425", "[0.422, 0.428]", "close", ValidationOutcome.Met),
        new(2023, "rescued_fr", "4,900", "3,861.2", "[3,756.2, 3,966.1]", "**miss: −21%**", ValidationOutcome.Missed),
        new(2023, "Border Force share", "~0.90", "0.898", "[0.896, 0.901]", "on target", ValidationOutcome.Met),
    ];

    /// <summary>The rows of one year (empty when the year was not validated).</summary>
    public static IReadOnlyList<ValidationCheck> ForYear(int year) => Checks.Where(c => c.Year == year).ToList();
}
