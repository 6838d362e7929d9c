using Simulation.Core.Domain.Weather;
using Simulation.Core.Engine.Random;

namespace Simulation.Core.Domain.UkResponse;

/// <summary>
/// Windspire: a Border Force vessel may take the people it picked up back to a French port when it
/// seeks a return, France permits it, nobody needs urgent medical care and the sea is calm enough.
/// </summary>
internal sealed class Windspire
{
    private readonly ReplicationContext _ctx;
    private readonly DailyWeather _weather;

    public Windspire(ReplicationContext ctx, DailyWeather weather)
    {
        _ctx = ctx;
        _weather = weather;
    }

    /// <summary>True when boat k's people, picked up by Border Force, are taken to France.</summary>
    public bool ReturnsToFrance(int k, bool inFrenchWaters, int day)
    {
        var uk = _ctx.P.Uk;
        RandomStream w = _ctx.BoatRng(StreamId.Windspire, k, 0);
        double seek = inFrenchWaters ? uk.WindspireReturnProbabilityFrenchWaters : uk.WindspireReturnProbability;
        bool seeks = w.NextDouble() < seek;
        bool permitted = w.NextDouble() < uk.WindspirePermissionProbability;
        // People who were in the water (a capsize) need care ashore whatever the draw says.
        bool medical = MedicalEmergency(w) | _ctx.Boats[k].Capsized;
        return seeks && permitted && !medical && CalmEnough(day);
    }

    /// <summary>True when a medical emergency on board sends the people to Dover (one draw from <paramref name="rng"/>).</summary>
    public bool MedicalEmergency(RandomStream rng) => rng.NextDouble() < _ctx.P.Uk.WindspireMedicalEmergencyProbability;

    /// <summary>True when the day's sea is calm enough for the longer trip to a French port.</summary>
    public bool CalmEnough(int day) => _weather.WaveHeightM(day) <= _ctx.P.Uk.WindspireMaxWaveHeightM;
}
