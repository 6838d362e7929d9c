using System.Collections.Immutable;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;

namespace Simulation.Tests.Scenarios;

/// <summary>
/// A small catalog with one parameter of every kind, so loader tests do not depend on the model's
/// catalog (which grows as mechanisms are added).
/// </summary>
internal static class TestCatalog
{
    public static readonly ImmutableArray<ParameterSpec> Specs =
    [
        new() { Path = "calendar.start_date", Kind = ParameterKind.Date, Default = ParameterValue.Of(new DateOnly(2024, 1, 1)), Unit = "date", Description = "First day.", Mechanism = "calendar" },
        new() { Path = "calendar.horizon_days", Kind = ParameterKind.Integer, Default = ParameterValue.Of(366), Min = 1, Max = 3660, Unit = "days", Description = "Days simulated.", Mechanism = "calendar" },
        new() { Path = "weather.red_day_share", Kind = ParameterKind.Probability, Default = ParameterValue.Of(0.29), Unit = "probability", Description = "Share of red days.", Mechanism = "weather" },
        new() { Path = "weather.series_file", Kind = ParameterKind.Text, Default = ParameterValue.Of(""), Unit = "path", Description = "Replayed series.", Mechanism = "weather" },
        new() { Path = "uk.windspire.return_probability", Kind = ParameterKind.Probability, Default = ParameterValue.Of(0.0), Unit = "probability", Description = "Returns.", Mechanism = "windspire" },
        new() { Path = "uk.vessels.count", Kind = ParameterKind.Integer, Default = ParameterValue.Of(4), Min = 0, Max = 50, Unit = "vessels", Description = "Vessels.", Mechanism = "uk response" },
        new() { Path = "uk.vessels.speed_knots", Kind = ParameterKind.Number, Default = ParameterValue.Of(20.0), Min = 1, Max = 60, Unit = "knots", Description = "Speed.", Mechanism = "uk response" },
        new() { Path = "french.maritime.doctrine", Kind = ParameterKind.Choice, Default = ParameterValue.Of("none"), Choices = ["none", "shallow_water", "before_boarding", "full"], Unit = "choice", Description = "Doctrine.", Mechanism = "french maritime" },
        new() { Path = "returns.one_in_one_out_enabled", Kind = ParameterKind.Boolean, Default = ParameterValue.Of(false), Unit = "flag", Description = "One in, one out.", Mechanism = "returns" },
        new() { Path = "demand.quarterly_weights", Kind = ParameterKind.NumberList, Default = ParameterValue.Of(1.0, 1.0, 1.0, 1.0), Min = 0, Max = 10, ListLength = 4, Unit = "relative rate", Description = "Seasonality.", Mechanism = "demand" },
    ];

    public static ScenarioLoadResult Load(string yaml, string fileName = "test.yaml") => ScenarioLoader.LoadText(yaml, fileName, Specs);

    public static Scenario LoadValid(string yaml, string fileName = "test.yaml")
    {
        var result = Load(yaml, fileName);
        Assert.True(result.IsValid, "expected a valid scenario, got:\n" + string.Join("\n", result.Issues));
        return result.Scenario!;
    }

    /// <summary>The single issue of an invalid file (fails the test when there are none or several).</summary>
    public static ScenarioIssue SingleIssue(string yaml)
    {
        var result = Load(yaml);
        Assert.False(result.IsValid);
        Assert.True(result.Issues.Length == 1, "expected one issue, got:\n" + string.Join("\n", result.Issues));
        return result.Issues[0];
    }
}
