using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.UkResponse;
using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.Crossing;

/// <summary>
/// Distress in French waters: French vessels reach the boat and land its people in France, unless
/// they refuse help (escorted to the median line), a joint-operations ship is nearer, or a UK vessel
/// working in French waters answers.
/// </summary>
internal sealed class FrenchRescue
{
    private readonly ReplicationContext _ctx;
    private readonly Simulator _sim;
    private readonly BoatPool _boats;
    private readonly Tallies _tallies;
    private readonly DailyWeather _weather;
    private readonly HarmModel _harm;
    private readonly UkResponder _uk;
    private readonly JointOperationsShips _ships;
    private readonly BoatOutcomes _outcomes;

    public FrenchRescue(ReplicationContext ctx, DailyWeather weather, HarmModel harm, UkResponder uk, JointOperationsShips ships,
        BoatOutcomes outcomes)
    {
        _ctx = ctx;
        _sim = ctx.Sim;
        _boats = ctx.Boats;
        _tallies = ctx.Tallies;
        _weather = weather;
        _harm = harm;
        _uk = uk;
        _ships = ships;
        _outcomes = outcomes;
    }

    public void OnDistress(int k)
    {
        ref Boat boat = ref _boats[k];
        int day = _ctx.Today;
        RandomStream rng = _ctx.BoatRng(StreamId.FrenchRescue, k, 0);
        double uRefuse = rng.NextDouble();
        double uUk = rng.NextDouble();
        double responseHours = Samplers.Exponential(rng, _ctx.P.Crossing.FrenchResponseHoursMean);
        _ctx.TraceBoat(k, "distress", boat.Load, "french_waters");
        // A free joint-operations ship nearer than the French asset answers instead, and sooner; a UK
        // vessel working in French waters answers in its own time. People in the water wait for whoever comes.
        bool shipNearer = _ships.FreeAndNearerThan(responseHours);
        bool ukAnswers = !shipNearer && _uk.AnswersInFrenchWaters(uUk);
        double hoursToRescue = shipNearer ? _ships.ResponseHours : ukAnswers ? _uk.FrenchWatersResponseHours : responseHours;
        bool capsized = _harm.InWaterHarm(k, hoursToRescue, _weather.WaterTemperatureC(day), 2);
        boat.Capsized = capsized;
        if (boat.Load == 0)
        {
            boat.MoveTo(BoatState.Lost);
            return;
        }
        if (!capsized && uRefuse < _ctx.P.Crossing.RefuseHelpProbability)
        {
            // Refusing help: escorted to the median line, where UK assets take over. The boat is still
            // at sea and still overloaded, so its hazard runs on from the median line with a fresh draw.
            double hazard = _ctx.P.Crossing.DistressHazardPerHour(boat.Load, _weather.WaveHeightM(boat.LaunchDay));
            double exposure = Samplers.Exponential(_ctx.BoatRng(StreamId.Crossing, k, 1), 1);
            boat.DistressAtHours = hazard > 0 ? Math.Max(boat.UkWatersAtHours, _sim.NowHours) + exposure / hazard : double.PositiveInfinity;
            _ctx.TraceBoat(k, "refused_french_help", boat.Load, "escorted");
            _sim.ScheduleAt(Math.Max(boat.UkWatersAtHours, _sim.NowHours), (int)EventKind.EnterUkWaters, k);
            return;
        }
        if (shipNearer)
        {
            _ships.TakeInFrenchWaters(k);
            return;
        }
        if (ukAnswers)
        {
            _uk.RespondInFrenchWaters(k);
            return;
        }
        boat.MoveTo(BoatState.RescuedFr);
        _tallies.RescuedFr(boat.Load);
        _ctx.TraceBoat(k, "rescued_fr", boat.Load, "back_to_camp");
        _outcomes.Fail(k, boat.Load);
    }
}
