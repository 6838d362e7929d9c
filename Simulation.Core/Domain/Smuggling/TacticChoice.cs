using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Policy;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>
/// The networks' choice between taxi-boats and beach launches: the taxi-boat share drifts towards
/// the tactic whose recent outcomes they perceive as better.
/// </summary>
internal sealed class TacticChoice
{
    private readonly ReplicationContext _ctx;
    private Perception _taxiPerceived;
    private Perception _beachPerceived;
    private double _dayTaxiSuccess, _dayTaxiFailure, _dayBeachSuccess, _dayBeachFailure;

    public TacticChoice(ReplicationContext ctx) => _ctx = ctx;

    /// <summary>Share of tonight's boats sent as taxi-boats.</summary>
    public double TaxiShare { get; private set; }

    public void Reset()
    {
        TaxiShare = _ctx.P.Smuggling.TaxiBoatShareInitial;
        _taxiPerceived = new Perception(0.5, 50);
        _beachPerceived = new Perception(0.5, 50);
        _dayTaxiSuccess = _dayTaxiFailure = _dayBeachSuccess = _dayBeachFailure = 0;
    }

    /// <summary>A dated change of the initial share resets the share; other changes leave the networks' learning alone.</summary>
    public void ParametersChanged(ModelParameters previous)
    {
        if (_ctx.P.Smuggling.TaxiBoatShareInitial != previous.Smuggling.TaxiBoatShareInitial)
            TaxiShare = _ctx.P.Smuggling.TaxiBoatShareInitial;
    }

    public void StartDay()
    {
        SmugglingParameters sm = _ctx.P.Smuggling;
        _taxiPerceived.AddDay(_dayTaxiSuccess, _dayTaxiFailure, sm.TacticMemoryDays);
        _beachPerceived.AddDay(_dayBeachSuccess, _dayBeachFailure, sm.TacticMemoryDays);
        _dayTaxiSuccess = _dayTaxiFailure = _dayBeachSuccess = _dayBeachFailure = 0;
        TaxiShare = Math.Clamp(TaxiShare + sm.AdaptationRatePerDay * (_taxiPerceived.Share - _beachPerceived.Share),
            sm.TaxiBoatShareMin, sm.TaxiBoatShareMax);
    }

    public void Success(bool taxi, int people)
    {
        if (taxi) _dayTaxiSuccess += people; else _dayBeachSuccess += people;
    }

    public void Failure(bool taxi, int people)
    {
        if (taxi) _dayTaxiFailure += people; else _dayBeachFailure += people;
    }
}
