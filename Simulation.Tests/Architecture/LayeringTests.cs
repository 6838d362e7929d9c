using System.Reflection;
using System.Runtime.CompilerServices;
using Simulation.Core.Engine;

namespace Simulation.Tests.Architecture;

public class LayeringTests
{
    private static readonly Assembly Core = typeof(Simulator).Assembly;

    // Parallel replications are safe and reproducible only if nothing in Core is shared mutable state.
    [Fact]
    public void EveryStaticFieldInCoreIsConstOrReadonly()
    {
        var offenders = new List<string>();
        foreach (Type type in Core.GetTypes())
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)) continue;
            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral || field.IsInitOnly) continue;
                if (field.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)) continue;
                offenders.Add(type.FullName + "." + field.Name);
            }
        }
        Assert.True(offenders.Count == 0, "mutable static fields: " + string.Join(", ", offenders));
    }

    // The engine would work for a bank queue: it must not know the Channel domain.
    [Fact]
    public void TheEngineReferencesNoDomainScenarioOrExperimentType()
    {
        string[] forbidden = ["Simulation.Core.Domain", "Simulation.Core.Scenarios", "Simulation.Core.Experiments", "Simulation.Core.Reporting"];
        var offenders = new List<string>();
        foreach (Type type in Core.GetTypes())
        {
            if (type.Namespace is null || !type.Namespace.StartsWith("Simulation.Core.Engine", StringComparison.Ordinal)) continue;
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            IEnumerable<Type> used = type.GetFields(all).Select(f => f.FieldType)
                .Concat(type.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(type.GetConstructors(all).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)))
                .Concat(type.GetInterfaces());
            foreach (Type u in used)
            {
                string name = (u.IsByRef || u.IsArray ? u.GetElementType()! : u).Namespace ?? "";
                if (forbidden.Any(f => name.StartsWith(f, StringComparison.Ordinal))) offenders.Add(type.FullName + " -> " + u.FullName);
            }
        }
        Assert.True(offenders.Count == 0, "engine types using upper layers: " + string.Join(", ", offenders.Distinct()));
    }
}
