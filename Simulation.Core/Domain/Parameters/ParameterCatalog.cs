using System.Collections.Immutable;

namespace Simulation.Core.Domain.Parameters;

/// <summary>
/// Every parameter of the Channel model with its default, range, unit and meaning. Scenario files
/// can set exactly these paths (plus the scenario-level keys handled by the loader).
/// </summary>
public static partial class ParameterCatalog
{
    /// <summary>All specs, in documentation order.</summary>
    public static readonly ImmutableArray<ParameterSpec> All = Build();

    private static readonly ImmutableDictionary<string, ParameterSpec> ByPath =
        All.ToImmutableDictionary(s => s.Path, StringComparer.Ordinal);

    /// <summary>Finds a spec by its dotted path.</summary>
    public static bool TryFind(string path, out ParameterSpec spec) => ByPath.TryGetValue(path, out spec!);

    /// <summary>A parameter set holding every default and no timeline.</summary>
    public static ParameterSet Defaults() => new()
    {
        Values = All.ToImmutableDictionary(s => s.Path, s => s.Default, StringComparer.Ordinal),
    };

    private static ImmutableArray<ParameterSpec> Build()
    {
        var specs = ImmutableArray.CreateBuilder<ParameterSpec>();
        // Calendar (MODEL.md §2.1). The model owner extends this list mechanism by mechanism.
        specs.Add(new ParameterSpec
        {
            Path = "calendar.start_date", Kind = ParameterKind.Date, Default = ParameterValue.Of(new DateOnly(2024, 1, 1)),
            Unit = "date", Description = "First simulated day (UTC).", Mechanism = "calendar",
        });
        specs.Add(new ParameterSpec
        {
            Path = "calendar.horizon_days", Kind = ParameterKind.Integer, Default = ParameterValue.Of(366),
            Min = 1, Max = 3660, Unit = "days", Description = "Number of simulated days.", Mechanism = "calendar",
        });
        AddWeather(specs);
        AddDemand(specs);
        AddSmuggling(specs);
        AddFrenchBeach(specs);
        AddTaxiBoat(specs);
        AddFrenchMaritime(specs);
        AddCrossing(specs);
        AddFrenchRescue(specs);
        AddUkResponse(specs);
        AddWindspire(specs);
        AddJointOperations(specs);
        AddReturns(specs);
        AddDeterrence(specs);
        AddHarm(specs);
        return specs.ToImmutable();
    }
}
