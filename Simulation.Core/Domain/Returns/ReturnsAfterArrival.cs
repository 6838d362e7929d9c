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
    private double _oneInOneOutUsedThisWeek;

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
            int take = (int)Math.Min(eligible, Math.Max(0, Math.Floor(r.OneInOneOutWeeklyCapPeople - _oneInOneOutUsedThisWeek)));
            _oneInOneOutUsedThisWeek += take;
            returned += take;
        }
        if (returned == 0) return;
        int backOn = day + Math.Max(1, (int)Math.Round(r.ReturnDelayDays));
        // Returns falling after the horizon stay arrivals: nobody is put back on the coast.
        if (backOn < _ctx.Days) _camp.ReturnOn(backOn, returned);
    }
}
