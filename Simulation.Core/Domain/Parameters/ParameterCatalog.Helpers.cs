using System.Collections.Immutable;

namespace Simulation.Core.Domain.Parameters;

public static partial class ParameterCatalog
{
    private static ParameterSpec Number(string path, double value, double min, double max, string unit, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Number, Default = ParameterValue.Of(value), Min = min, Max = max,
            Unit = unit, Description = description, Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Integer(string path, int value, int min, int max, string unit, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Integer, Default = ParameterValue.Of(value), Min = min, Max = max,
            Unit = unit, Description = description, Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Probability(string path, double value, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Probability, Default = ParameterValue.Of(value), Min = 0, Max = 1,
            Unit = "probability", Description = description, Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Flag(string path, bool value, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Boolean, Default = ParameterValue.Of(value),
            Unit = "true/false", Description = description, Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Date(string path, DateOnly value, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Date, Default = ParameterValue.Of(value),
            Unit = "date", Description = description, Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Choice(string path, string value, string[] choices, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Choice, Default = ParameterValue.Of(value),
            Choices = ImmutableArray.Create(choices), Unit = "choice", Description = description,
            Mechanism = MechanismOf(path),
        };

    private static ParameterSpec Text(string path, string value, string unit, string description) =>
        new()
        {
            Path = path, Kind = ParameterKind.Text, Default = ParameterValue.Of(value),
            Unit = unit, Description = description, Mechanism = MechanismOf(path),
        };

    // The mechanism is the path up to its last segment (french.beach.officers_per_night -> french.beach).
    private static string MechanismOf(string path) => path[..path.LastIndexOf('.')];
}
