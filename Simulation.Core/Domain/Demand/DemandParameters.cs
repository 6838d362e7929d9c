using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Demand;

/// <summary>Typed demand and camp parameters (MODEL.md §2.2).</summary>
public sealed record DemandParameters
{
    /// <summary>People on the coast on day 0.</summary>
    public required int InitialPeopleOnCoast { get; init; }
    /// <summary>Year-average arrival rate of new people.</summary>
    public required double NewArrivalsRatePerDay { get; init; }
    /// <summary>Relative seasonal swing of the arrival rate.</summary>
    public required double SeasonalAmplitude { get; init; }
    /// <summary>Day of year of the fastest arrivals.</summary>
    public required int PeakDayOfYear { get; init; }
    /// <summary>Mean delay before a retry.</summary>
    public required double RetryDelayDaysMean { get; init; }
    /// <summary>Probability of giving up after a failed attempt.</summary>
    public required double GiveUpProbability { get; init; }

    /// <summary>Daily give-up hazard of a person on the coast per whole week waited: h(w) = rate × w per day.</summary>
    public required double WaitGiveUpRatePerWeek { get; init; }

    /// <summary>Reads the demand parameters.</summary>
    public static DemandParameters From(ParameterSet p) => new()
    {
        InitialPeopleOnCoast = p.Integer("demand.initial_people_on_coast"),
        NewArrivalsRatePerDay = p.Number("demand.new_arrivals_rate_per_day"),
        SeasonalAmplitude = p.Number("demand.seasonal_amplitude"),
        PeakDayOfYear = p.Integer("demand.peak_day_of_year"),
        RetryDelayDaysMean = p.Number("demand.retry_delay_days_mean"),
        GiveUpProbability = p.Number("demand.give_up_probability"),
        WaitGiveUpRatePerWeek = p.Number("demand.wait_give_up_rate_per_week"),
    };

    /// <summary>Arrival rate of new people on a day of the year, before deterrence.</summary>
    public double RatePerDay(int dayOfYear) =>
        Math.Max(0, NewArrivalsRatePerDay * (1 + SeasonalAmplitude * Math.Cos(2 * Math.PI * (dayOfYear - PeakDayOfYear) / 365.25)));
}
