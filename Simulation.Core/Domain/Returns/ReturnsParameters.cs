using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Returns;

/// <summary>Typed returns-after-arrival parameters (MODEL.md §2.10).</summary>
public sealed record ReturnsParameters
{
    /// <summary>One in, one out in force (from its start date).</summary>
    public required bool OneInOneOutEnabled { get; init; }
    /// <summary>First day of one in, one out.</summary>
    public required DateOnly OneInOneOutStart { get; init; }
    /// <summary>Weekly cap.</summary>
    public required double OneInOneOutWeeklyCapPeople { get; init; }
    /// <summary>Share of arrivals eligible.</summary>
    public required double OneInOneOutEligibleShare { get; init; }
    /// <summary>Removals in force (from its start date).</summary>
    public required bool RemovalsEnabled { get; init; }
    /// <summary>First day of removals.</summary>
    public required DateOnly RemovalsStart { get; init; }
    /// <summary>Probability an arrival is removed.</summary>
    public required double RemovalsShare { get; init; }
    /// <summary>Days from arrival until back on the coast.</summary>
    public required double ReturnDelayDays { get; init; }

    /// <summary>Reads the returns parameters.</summary>
    public static ReturnsParameters From(ParameterSet p) => new()
    {
        OneInOneOutEnabled = p.Boolean("returns.one_in_one_out.enabled"),
        OneInOneOutStart = p.Date("returns.one_in_one_out.start_date"),
        OneInOneOutWeeklyCapPeople = p.Number("returns.one_in_one_out.weekly_cap_people"),
        OneInOneOutEligibleShare = p.Number("returns.one_in_one_out.eligible_share"),
        RemovalsEnabled = p.Boolean("returns.removals.enabled"),
        RemovalsStart = p.Date("returns.removals.start_date"),
        RemovalsShare = p.Number("returns.removals.share_of_arrivals_probability"),
        ReturnDelayDays = p.Number("returns.return_delay_days"),
    };
}
