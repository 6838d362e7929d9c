namespace Simulation.Core.Domain.Parameters;

/// <summary>The type of a scenario parameter, which decides how it is parsed and checked.</summary>
public enum ParameterKind
{
    /// <summary>A finite real number within [Min, Max].</summary>
    Number,
    /// <summary>A whole number within [Min, Max].</summary>
    Integer,
    /// <summary>A real number within [0, 1].</summary>
    Probability,
    /// <summary>true or false.</summary>
    Boolean,
    /// <summary>One of a fixed list of names (<see cref="ParameterSpec.Choices"/>).</summary>
    Choice,
    /// <summary>A calendar date, ISO yyyy-MM-dd.</summary>
    Date,
    /// <summary>A list of finite numbers, each within [Min, Max]; length fixed when <see cref="ParameterSpec.ListLength"/> &gt; 0.</summary>
    NumberList,
    /// <summary>Free text (a file path or a label).</summary>
    Text,
}
