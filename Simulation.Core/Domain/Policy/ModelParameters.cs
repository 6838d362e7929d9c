using Simulation.Core.Domain.Crossing;
using Simulation.Core.Domain.Demand;
using Simulation.Core.Domain.Deterrence;
using Simulation.Core.Domain.Enforcement;
using Simulation.Core.Domain.Harm;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Domain.Returns;
using Simulation.Core.Domain.Smuggling;
using Simulation.Core.Domain.UkResponse;
using Simulation.Core.Domain.Weather;

namespace Simulation.Core.Domain.Policy;

/// <summary>
/// Every parameter of the model as typed records: built once per distinct parameter state (start
/// and each timeline date), so the event loop reads fields and never a dictionary.
/// </summary>
public sealed record ModelParameters
{
    /// <summary>Weather.</summary>
    public required WeatherParameters Weather { get; init; }
    /// <summary>Demand and camps.</summary>
    public required DemandParameters Demand { get; init; }
    /// <summary>Smuggling networks.</summary>
    public required SmugglingParameters Smuggling { get; init; }
    /// <summary>French land and sea enforcement.</summary>
    public required EnforcementParameters Enforcement { get; init; }
    /// <summary>Taxi-boat pick-ups.</summary>
    public required TaxiBoatParameters TaxiBoat { get; init; }
    /// <summary>Crossing and French rescue.</summary>
    public required CrossingParameters Crossing { get; init; }
    /// <summary>UK response and Windspire.</summary>
    public required UkResponseParameters Uk { get; init; }
    /// <summary>Returns after arrival.</summary>
    public required ReturnsParameters Returns { get; init; }
    /// <summary>Deterrence.</summary>
    public required DeterrenceParameters Deterrence { get; init; }
    /// <summary>Harm.</summary>
    public required HarmParameters Harm { get; init; }

    /// <summary>Converts a resolved parameter set.</summary>
    public static ModelParameters From(ParameterSet p) => new()
    {
        Weather = WeatherParameters.From(p),
        Demand = DemandParameters.From(p),
        Smuggling = SmugglingParameters.From(p),
        Enforcement = EnforcementParameters.From(p),
        TaxiBoat = TaxiBoatParameters.From(p),
        Crossing = CrossingParameters.From(p),
        Uk = UkResponseParameters.From(p),
        Returns = ReturnsParameters.From(p),
        Deterrence = DeterrenceParameters.From(p),
        Harm = HarmParameters.From(p),
    };
}
