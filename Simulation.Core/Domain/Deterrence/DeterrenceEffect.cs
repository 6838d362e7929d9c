namespace Simulation.Core.Domain.Deterrence;

/// <summary>
/// People's perception of recent outcomes and the multiplier it puts on new arrivals and on the
/// odds of giving up (MODEL.md deterrence). Outcomes of a day are perceived from the next day on.
/// </summary>
internal sealed class DeterrenceEffect
{
    private readonly ReplicationContext _ctx;
    private Perception _perceived;
    private double _daySuccess, _dayFailure;

    public DeterrenceEffect(ReplicationContext ctx) => _ctx = ctx;

    /// <summary>Factor on the arrival rate today (1 = no deterrence).</summary>
    public double Multiplier { get; private set; }

    public void Reset()
    {
        _perceived = new Perception(_ctx.P.Deterrence.ReferenceSuccessShare, 100);
        Multiplier = 1;
        _daySuccess = _dayFailure = 0;
    }

    public void StartDay()
    {
        DeterrenceParameters d = _ctx.P.Deterrence;
        _perceived.AddDay(_daySuccess, _dayFailure, d.MemoryDays);
        _daySuccess = _dayFailure = 0;
        Multiplier = d.Multiplier(_perceived.Share);
    }

    public void Success(int people) => _daySuccess += people;

    public void Failure(int people) => _dayFailure += people;

    /// <summary>
    /// People sent back after arriving: their arrival stops counting as a success and the return
    /// counts as a failure, on the day it happens, so people perceive arrivals that stayed.
    /// </summary>
    public void ReturnedAfterArrival(int people)
    {
        _daySuccess -= people;
        _dayFailure += people;
    }
}
