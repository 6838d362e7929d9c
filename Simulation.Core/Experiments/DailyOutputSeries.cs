using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// The series of daily.csv: every recorded <see cref="DailySeries"/>, then series derived from them
/// per replication before quantiles are taken (a band of cumulative totals is not the running sum
/// of daily bands).
/// </summary>
public static class DailyOutputSeries
{
    /// <summary>Cumulative UK arrivals up to and including each day, per replication.</summary>
    public const string CumulativeArrivalsUk = "cumulative_arrivals_uk";

    /// <summary>
    /// Share of replications whose day is rated red (crossing likely). A proportion, not a distribution: every quantile
    /// column of daily.csv holds it. The median rating across replications would show only the days most replications agree on.
    /// </summary>
    public const string RedDayShare = "red_day_share";

    /// <summary>Names in the order of <see cref="ExperimentResults.Daily"/>'s series index.</summary>
    public static readonly ImmutableArray<string> Names = MetricNames.Daily.Add(CumulativeArrivalsUk).Add(RedDayShare);

    /// <summary>Index of <see cref="CumulativeArrivalsUk"/>.</summary>
    public static int CumulativeArrivalsUkIndex => MetricNames.Daily.Length;

    /// <summary>Index of <see cref="RedDayShare"/>.</summary>
    public static int RedDayShareIndex => MetricNames.Daily.Length + 1;
}
