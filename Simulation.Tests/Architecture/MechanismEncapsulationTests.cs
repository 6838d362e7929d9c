using System.Reflection;
using System.Runtime.CompilerServices;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Tests.Architecture;

/// <summary>
/// The model is a composition of mechanisms that talk through narrow methods. A mechanism type is
/// every non-static, non-record class declared in <c>Simulation.Core.Domain</c> or one of its
/// sub-namespaces (the shared replication context and the tallies included), except the
/// composition <see cref="ChannelModel"/>, whose trace is attached through its public API, and
/// <see cref="ReplicationResult"/>, the output buffer the runners own. Records (the parameter
/// records), static helpers, enums and structs (the boat in its pool) are not mechanisms.
/// </summary>
public class MechanismEncapsulationTests
{
    private static readonly Assembly Core = typeof(ChannelModel).Assembly;
    private static readonly Type[] NotMechanisms = [typeof(ChannelModel), typeof(ReplicationResult)];

    internal static IEnumerable<Type> MechanismTypes() => Core.GetTypes().Where(t =>
        t.IsClass && !(t.IsAbstract && t.IsSealed) && !IsRecord(t) && !NotMechanisms.Contains(t)
        && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) && !t.IsNested
        && t.Namespace is { } ns && (ns == "Simulation.Core.Domain" || ns.StartsWith("Simulation.Core.Domain.", StringComparison.Ordinal)));

    // Another mechanism (or anything else) may change a mechanism's state only by calling one of its methods.
    internal static IEnumerable<string> ExposedMutableState(Type type)
    {
        const BindingFlags publicMembers = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly;
        foreach (FieldInfo field in type.GetFields(publicMembers))
            if (!field.IsInitOnly && !field.IsLiteral) yield return $"{type.FullName}.{field.Name} (public mutable field)";
        foreach (PropertyInfo property in type.GetProperties(publicMembers))
            if (property.SetMethod is { IsPublic: true }) yield return $"{type.FullName}.{property.Name} (public setter)";
    }

    [Fact]
    public void MechanismTypesExposeNoPublicMutableFieldOrSetter()
    {
        Type[] mechanisms = MechanismTypes().ToArray();
        // Guards the filter itself: an empty or shrunken selection would pass vacuously.
        Assert.True(mechanisms.Length >= 20, "only " + mechanisms.Length + " mechanism types found");
        Assert.Contains(mechanisms, t => t.Name == "UkResponder");
        Assert.Contains(mechanisms, t => t.Name == "ReplicationContext");
        string[] offenders = mechanisms.SelectMany(ExposedMutableState).ToArray();
        Assert.True(offenders.Length == 0, "mechanism state exposed: " + string.Join(", ", offenders));
    }

    // Sealed classes held in readonly fields are devirtualised: no virtual call on the event path.
    [Fact]
    public void MechanismTypesAreSealedAndDeclareNoVirtualMember()
    {
        var offenders = new List<string>();
        foreach (Type type in MechanismTypes())
        {
            if (!type.IsSealed) offenders.Add(type.FullName + " is not sealed");
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                if (method.IsVirtual && !method.IsFinal) offenders.Add(type.FullName + "." + method.Name + " is virtual");
        }
        Assert.True(offenders.Count == 0, string.Join(", ", offenders));
    }

    [Fact]
    public void TheCheckFindsAPublicSetterAndAPublicField()
    {
        Assert.Equal(2, ExposedMutableState(typeof(LeakyMechanism)).Count());
        Assert.Empty(ExposedMutableState(typeof(TidyMechanism)));
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

#pragma warning disable CA1051 // the point of these two types is to be checked
    private sealed class LeakyMechanism
    {
        public int Count;
        public double Share { get; set; }
        public void Add() => Count++;
    }

    private sealed class TidyMechanism
    {
        public readonly int Limit = 3;
        public double Share { get; private set; }
        public void Add() => Share++;
    }
#pragma warning restore CA1051
}
