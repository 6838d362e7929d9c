using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// The crossing itself: distance and speed give the hours to the median line, and the distress
/// hazard (engine, deflation, overload, sea state) the moment of distress, if it comes first.
/// </summary>
internal sealed class CrossingHazards
{
    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly DailyWeather _weather;
    private readonly HarmModel _harm;

    public CrossingHazards(ReplicationContext ctx, DailyWeather weather, HarmModel harm)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _weather = weather;
        _harm = harm;
    }

    /// <summary>Boat k leaves the shore loaded: schedules its distress in French waters or its entry into UK waters.</summary>
    public void Start(int k)
    {
        ref Boat boat = ref _boats[k];
        var cp = _ctx.P.Crossing;
        _harm.CrushAboard(k);
        boat.MoveTo(BoatState.InFrenchWaters);
        RandomStream rng = _ctx.BoatRng(StreamId.Crossing, k, 0);
        double distance = Math.Max(5, Samplers.Normal(rng, cp.TransitDistanceNmMean, cp.TransitDistanceNmSd));
        double speed = Math.Max(1.5, Samplers.Normal(rng, cp.SpeedKnotsMean, cp.SpeedKnotsSd));
        double transit = distance / speed;
        double frenchHours = transit * cp.FrenchWatersShare;
        // The sea of the night the boat left, not of the day the clock has reached by the time a
        // taxi-boat finishes its pick-ups after midnight.
        double hazard = cp.DistressHazardPerHour(boat.Load, _weather.WaveHeightM(boat.LaunchDay));
        double unitExposure = Samplers.Exponential(rng, 1);
        double distressIn = hazard > 0 ? unitExposure / hazard : double.PositiveInfinity;
        double now = _sim.NowHours;
        boat.UkWatersAtHours = now + frenchHours;
        boat.DistressAtHours = now + distressIn;
        _ctx.TraceBoat(k, "crossing_started", boat.Load, "in_french_waters");
        if (distressIn < frenchHours)
            _sim.Schedule(distressIn, (int)EventKind.FrenchWatersDistress, k);
        else
            _sim.Schedule(frenchHours, (int)EventKind.EnterUkWaters, k);
    }
}
