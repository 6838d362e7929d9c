using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Engine.Random;

namespace Simulation.Tests.Experiments;

/// <summary>
/// A tiny stand-in for the Channel model: deterministic from (master seed, replication) through
/// SeedDerivation like the real one, with arrivals driven by shared weather and demand streams and
/// reduced by the test-only parameter <see cref="ReductionPath"/>, so paired comparisons and
/// common random numbers can be tested without the real model.
/// </summary>
internal sealed class FakeReplicationModel : IReplicationModel
{
    /// <summary>Share of would-be arrivals a policy prevents on land (0 in the baseline).</summary>
    public const string ReductionPath = "test.prevented_share";
    private readonly double _reduction;
    private readonly Action<long>? _afterReplication;
    private readonly RandomStream _weather = new(0);
    private readonly RandomStream _demand = new(0);
    private readonly RandomStream _crossing = new(0);

    public FakeReplicationModel(ParameterSet parameters, Action<long>? afterReplication = null)
    {
        _reduction = parameters.Values.TryGetValue(ReductionPath, out ParameterValue value) ? value.Number : 0;
        Days = parameters.Integer("calendar.horizon_days");
        _afterReplication = afterReplication;
    }

    public int Days { get; }

    public IEventTrace? Trace { get; set; }

    public void RunReplication(ulong masterSeed, long replication, ReplicationResult result)
    {
        result.Clear();
        _weather.Reseed(SeedDerivation.For(masterSeed, replication, StreamId.Weather));
        _demand.Reseed(SeedDerivation.For(masterSeed, replication, StreamId.Demand));
        _crossing.Reseed(SeedDerivation.For(masterSeed, replication, StreamId.Crossing));
        double arrivals = 0, prevented = 0, deaths = 0, launches = 0, redDays = 0;
        for (int day = 0; day < Days; day++)
        {
            double calm = _weather.NextDouble();
            int rating = calm > 0.5 ? 0 : calm > 0.2 ? 1 : 2;
            double wouldCross = Math.Floor((40 + 400 * _demand.NextDouble()) * calm);
            double stopped = Math.Floor(wouldCross * _reduction);
            double crossed = wouldCross - stopped;
            double died = Math.Floor(crossed * 0.002 + _crossing.NextDouble());
            double boats = Math.Ceiling(crossed / 50);
            result.Daily[(int)DailySeries.ArrivalsUk][day] = crossed - died;
            result.Daily[(int)DailySeries.LaunchAttempts][day] = boats;
            result.Daily[(int)DailySeries.PreventedOnLand][day] = stopped;
            result.Daily[(int)DailySeries.Deaths][day] = died;
            result.Daily[(int)DailySeries.WeatherRating][day] = rating;
            arrivals += crossed - died;
            prevented += stopped;
            deaths += died;
            launches += boats;
            if (rating == 2) redDays++;
            Trace?.Record(day * 24 + 3.5, "day-" + day, "Crossed", (int)crossed, died > 0 ? "deaths" : "landed");
        }
        result[Metric.ArrivalsUk] = arrivals;
        result[Metric.BoatsArrived] = launches;
        result[Metric.PeoplePerBoat] = launches > 0 ? arrivals / launches : double.NaN;
        result[Metric.LaunchAttempts] = launches;
        result[Metric.PreventedOnLand] = prevented;
        result[Metric.PreventedOnLandShare] = prevented / Math.Max(1, prevented + arrivals);
        result[Metric.Deaths] = deaths;
        result[Metric.RedDays] = redDays;
        result.EventsProcessed = Days;
        _afterReplication?.Invoke(replication);
    }
}
