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

    /// <summary>Names in the order of <see cref="ExperimentResults.Daily"/>'s series index.</summary>
    public static readonly ImmutableArray<string> Names = MetricNames.Daily.Add(CumulativeArrivalsUk);

    /// <summary>Index of <see cref="CumulativeArrivalsUk"/>.</summary>
    public static int CumulativeArrivalsUkIndex => MetricNames.Daily.Length;
}
