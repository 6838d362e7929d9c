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
        new(2024, "arrivals_uk", "36,816", "36,229.7", "[36,146.8, 36,312.6]", "within ±5% (−1.6%)", ValidationOutcome.Met),
        new(2024, "boats_arrived", "695", "688.7", "[686.5, 690.8]", "within ±10% (−0.9%)", ValidationOutcome.Met),
        new(2024, "people_per_boat", "53", "52.62", "[52.47, 52.77]", "within ±5% (−0.7%)", ValidationOutcome.Met),
        new(2024, "deaths (IOM definition, the route)", "78 (IOM/OLTIM; band 60–95)", "72.2", "[67.5, 76.9]", "in [60, 95]", ValidationOutcome.Met),
        new(2024, "of which drowning / hypothermia / crush / interception", "~60% / ~15% / ~8% / – (IOM 2024, partial)", "56.3 / 8.0 / 7.9 / 0.0", "", "drowning 78% (band 45–80%), crush 11% (band 3–20%)", ValidationOutcome.Met),
        new(2024, "boats_over_70_people (arrived)", "128 in FY2024-25 (Eagle; band 64–256)", "139.4", "[137.5, 141.3]", "in [64, 256]", ValidationOutcome.Met),
        new(2024, "boats_over_80_people (arrived)", "26 in FY2024-25 (Eagle)", "51.0", "[49.8, 52.2]", "no band; FY2024-25 is not the calendar year", ValidationOutcome.NotJudged),
        new(2024, "share of replications with an incident of 10+ deaths", "12 dead on one boat, 3 Sep 2024 (band 0.2–0.9)", "0.75", "largest incident: mean 15.6", "in [0.2, 0.9]", ValidationOutcome.Met),
        new(2024, "share of person-attempts prevented on land", "0.30–0.50", "0.379", "[0.376, 0.382]", "in [0.3, 0.5]", ValidationOutcome.Met),
        new(2024, "rescued_fr", "5,300 by early Nov (band 5,300–8,000)", "5,494.2", "[5,368.6, 5,619.8]", "in [5300, 8000]", ValidationOutcome.Met),
        new(2024, "boats_self_landed (uncontrolled landings)", "~0", "0.9", "[0.7, 1.1]", "in [0, 5]", ValidationOutcome.Met),
        new(2024, "RNLI share of responded boats", "~0.10 (Tomlinson 2023)", "0.101", "[0.099, 0.104]", "in [0.05, 0.15]", ValidationOutcome.Met),
        new(2024, "returned_windspire", "tens of people", "37.2", "[27.6, 46.9]", "in [1, 200]", ValidationOutcome.Met),
        new(2024, "busiest day of H1 (mean over replications of each year's maximum)", "882 (18 Jun 2024)", "876", "", "within ±35% (−1%)", ValidationOutcome.Met),
        new(2024, "arrivals per red day in a calm spell (31-day windows from July with ≥ 20 red days)", "~240 (6,288 over 26 red days, 11 Oct–10 Nov 2024)", "218", "30 windows", "within ±35% (−9%)", ValidationOutcome.Met),
        new(2022, "arrivals_uk", "45,774", "45,230.9", "[45,145.7, 45,316.1]", "within ±5% (−1.2%)", ValidationOutcome.Met),
        new(2022, "boats_arrived", "1,110", "1,085.2", "[1,082.4, 1,087.9]", "within ±10% (−2.2%)", ValidationOutcome.Met),
        new(2022, "people_per_boat", "41", "41.68", "[41.61, 41.76]", "within ±5% (+1.7%)", ValidationOutcome.Met),
        new(2022, "deaths (IOM definition, the route)", "16 (IOM; band 8–30)", "15.9", "[14.8, 17.0]", "in [8, 30]", ValidationOutcome.Met),
        new(2022, "boats_over_70_people (arrived)", "5 in FY2022-23 (Eagle; at most 12)", "4.5", "[4.1, 5.0]", "in [0, 12]", ValidationOutcome.Met),
        new(2022, "share of replications with an incident of 10+ deaths", "none recorded in 2022 (at most 0.3)", "0.06", "largest incident: mean 2.9", "at most 0.3", ValidationOutcome.Met),
        new(2022, "share of person-attempts prevented on land", "0.424 (UK–France declaration; band 0.35–0.50)", "0.382", "[0.380, 0.384]", "in [0.35, 0.5]", ValidationOutcome.Met),
        new(2022, "RNLI share of responded boats", "~0.25 (RNLI: ~1 boat in 4; band 0.15–0.35)", "0.177", "[0.174, 0.180]", "in [0.15, 0.35]", ValidationOutcome.Met),
        new(2022, "boats_self_landed", "not in the data pack", "4.8", "[4.4, 5.2]", "shown for information", ValidationOutcome.NotJudged),
        new(2023, "arrivals_uk", "29,437", "29,178.4", "[29,114.0, 29,242.7]", "within ±5% (−0.9%)", ValidationOutcome.Met),
        new(2023, "boats_arrived", "602", "600.1", "[597.8, 602.3]", "within ±10% (−0.3%)", ValidationOutcome.Met),
        new(2023, "people_per_boat", "49", "48.64", "[48.49, 48.78]", "within ±5% (−0.7%)", ValidationOutcome.Met),
        new(2023, "deaths (IOM definition, the route)", "24 (IOM; 12 at sea, Prémar; band 12–40)", "24.9", "[22.7, 27.1]", "in [12, 40]", ValidationOutcome.Met),
        new(2023, "boats_over_70_people (arrived)", "35 in FY2023-24 (Eagle; band 17–70)", "54.6", "[53.3, 55.8]", "in [17, 70]", ValidationOutcome.Met),
        new(2023, "rescued_fr", "4,900 (Prémar; ±25%)", "3,913.9", "[3,819.7, 4,008.0]", "in [3675, 6125]", ValidationOutcome.Met),
        new(2023, "RNLI share of responded boats", "~0.10 (Tomlinson; band 0.05–0.15)", "0.098", "[0.095, 0.100]", "in [0.05, 0.15]", ValidationOutcome.Met),
        new(2023, "boats_self_landed", "0 Jan–Oct (at most 5)", "0.6", "[0.5, 0.8]", "in [0, 5]", ValidationOutcome.Met),
        new(2023, "share of person-attempts prevented on land", "~0.45", "0.434", "[0.431, 0.437]", "in [0.35, 0.5]", ValidationOutcome.Met),
    ];

    /// <summary>The rows of one year (empty when the year was not validated).</summary>
    public static IReadOnlyList<ValidationCheck> ForYear(int year) => Checks.Where(c => c.Year == year).ToList();
}
