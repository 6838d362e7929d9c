using Simulation.Core.Domain.Demand;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Returns;

/// <summary>
/// Removals and one in, one out: a share of each arrival is sent back to France and put back on
/// the coast after the return delay.
/// </summary>
internal sealed class ReturnsAfterArrival
{
    private readonly ReplicationContext _ctx;
    private readonly Camp _camp;
    private readonly RandomStream _rng = new(0);
    private int _oneInOneOutWeek;
    private long _oneInOneOutUsedThisWeek;

    public ReturnsAfterArrival(ReplicationContext ctx, Camp camp)
    {
        _ctx = ctx;
        _camp = camp;
    }

    public void Reset()
    {
        _rng.Reseed(_ctx.StreamSeed(StreamId.ReturnsAfterArrival));
        _oneInOneOutWeek = -1;
        _oneInOneOutUsedThisWeek = 0;
    }

    /// <summary>
    /// Whole people allowed in week <paramref name="week"/> of the scheme: the allowance through week i is
    /// floor(cap × (i + 1)), so the fraction of a weekly cap carries to the next week and the cap is exact
    /// on average (15.5 gives 15, 16, 15, 16...); unused whole places do not carry over.
    /// </summary>
    public static long WeeklyAllowance(double capPerWeek, int week) =>
        CumulativeAllowance(capPerWeek, week + 1) - CumulativeAllowance(capPerWeek, week);

    // The tolerance keeps a product such as 4.35 × 100 = 434.99999999999994 from losing a person.
    private static long CumulativeAllowance(double capPerWeek, int weeks) => (long)Math.Floor(capPerWeek * weeks + 1e-9);

    public void StartDay(int day) => _rng.Reseed(_ctx.StreamSeed(StreamId.ReturnsAfterArrival, day));

    public void AfterArrival(int people, int day)
    {
        var r = _ctx.P.Returns;
        int today = _ctx.StartDate.DayNumber + day;
        int returned = 0;
        if (r.RemovalsEnabled && today >= r.RemovalsStart.DayNumber)
            returned += Samplers.Binomial(_rng, people, r.RemovalsShare);
        if (r.OneInOneOutEnabled && today >= r.OneInOneOutStart.DayNumber)
        {
            int week = (today - r.OneInOneOutStart.DayNumber) / 7;
            if (week != _oneInOneOutWeek)
            {
                _oneInOneOutWeek = week;
                _oneInOneOutUsedThisWeek = 0;
            }
            int eligible = Samplers.Binomial(_rng, people - returned, r.OneInOneOutEligibleShare);
            int take = (int)Math.Min(eligible, Math.Max(0, WeeklyAllowance(r.OneInOneOutWeeklyCapPeople, week) - _oneInOneOutUsedThisWeek));
            _oneInOneOutUsedThisWeek += take;
            returned += take;
        }
        if (returned == 0) return;
        int backOn = day + Math.Max(1, (int)Math.Round(r.ReturnDelayDays));
        // Returns falling after the horizon stay arrivals: nobody is put back on the coast.
        if (backOn < _ctx.Days) _camp.ReturnOn(backOn, returned);
    }
}
