using System.Collections.Immutable;
using System.Globalization;

namespace Simulation.Core.Domain.Parameters;

/// <summary>
/// A resolved parameter value. Numbers, integers, probabilities, booleans (0/1) and dates
/// (days since 0001-01-01) are held in <see cref="Number"/>; choices and text in <see cref="Text"/>;
/// lists in <see cref="List"/>.
/// </summary>
public readonly record struct ParameterValue(double Number, string? Text, ImmutableArray<double> List)
{
    /// <summary>A numeric value.</summary>
    public static ParameterValue Of(double number) => new(number, null, default);
    /// <summary>A boolean value.</summary>
    public static ParameterValue Of(bool flag) => new(flag ? 1 : 0, null, default);
    /// <summary>A choice or text value.</summary>
    public static ParameterValue Of(string text) => new(0, text, default);
    /// <summary>A date value.</summary>
    public static ParameterValue Of(DateOnly date) => new(date.DayNumber, null, default);
    /// <summary>A list value.</summary>
    public static ParameterValue Of(params double[] list) => new(0, null, ImmutableArray.Create(list));

    /// <summary>The boolean held.</summary>
    public bool AsBoolean => Number != 0;
    /// <summary>The date held.</summary>
    public DateOnly AsDate => DateOnly.FromDayNumber((int)Number);

    /// <summary>Culture-invariant text as it would be written in a scenario file.</summary>
    public string Format(ParameterKind kind) => kind switch
    {
        ParameterKind.Boolean => AsBoolean ? "true" : "false",
        ParameterKind.Date => AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ParameterKind.Choice or ParameterKind.Text => Text ?? "",
        ParameterKind.NumberList => "[" + string.Join(", ", List.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]",
        _ => Number.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc />
    public bool Equals(ParameterValue other) =>
        Number.Equals(other.Number) && Text == other.Text &&
        (List.IsDefault ? other.List.IsDefault : !other.List.IsDefault && List.SequenceEqual(other.List));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Text, List.IsDefault ? 0 : List.Length);
}
