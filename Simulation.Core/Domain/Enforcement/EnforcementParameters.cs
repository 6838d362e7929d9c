using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Enforcement;

/// <summary>Typed French land and sea enforcement parameters (MODEL.md §2.4 and §2.6).</summary>
public sealed record EnforcementParameters
{
    /// <summary>Officers patrolling per night.</summary>
    public required double OfficersPerNight { get; init; }
    /// <summary>Effort scale of the detection curve.</summary>
    public required double OfficersScale { get; init; }
    /// <summary>Share of launch sites covered.</summary>
    public required double CoverageShare { get; init; }
    /// <summary>Prevention probability at unlimited effort.</summary>
    public required double MaxPreventionProbability { get; init; }
    /// <summary>Probability a prevented boat is seized.</summary>
    public required double SeizureProbability { get; init; }
    /// <summary>Per-person death probability in a beach launch.</summary>
    public required double LaunchDeathProbabilityPerPerson { get; init; }
    /// <summary>Doctrine at sea.</summary>
    public required MaritimeDoctrine Doctrine { get; init; }
    /// <summary>Shallow-water interception probability.</summary>
    public required double ShallowWaterEffectiveness { get; init; }
    /// <summary>Capsize probability of a shallow-water intervention.</summary>
    public required double ShallowWaterCapsize { get; init; }
    /// <summary>Before-boarding interception probability.</summary>
    public required double BeforeBoardingEffectiveness { get; init; }
    /// <summary>Incident probability of a before-boarding intervention.</summary>
    public required double BeforeBoardingCapsize { get; init; }
    /// <summary>Full interception probability of a loaded boat.</summary>
    public required double FullEffectiveness { get; init; }
    /// <summary>Capsize probability of a full interception.</summary>
    public required double FullCapsize { get; init; }
    /// <summary>French vessels able to intercept at the same time.</summary>
    public required int MaritimeVessels { get; init; }
    /// <summary>Hours one interception occupies a vessel.</summary>
    public required double InterceptionHours { get; init; }
    /// <summary>Death probability of a person in the water after an interception capsize.</summary>
    public required double FatalityGivenCapsize { get; init; }

    /// <summary>Probability that a beach launch is prevented on land, from patrol effort and coverage.</summary>
    public double BeachPreventionProbability =>
        CoverageShare * MaxPreventionProbability * (1 - Math.Exp(-OfficersPerNight / OfficersScale));

    /// <summary>True when boats in shallow water can be stopped.</summary>
    public bool ActsInShallowWater => Doctrine != MaritimeDoctrine.None;
    /// <summary>True when taxi-boats can be stopped before boarding.</summary>
    public bool ActsBeforeBoarding => Doctrine is MaritimeDoctrine.BeforeBoarding or MaritimeDoctrine.Full;
    /// <summary>True when loaded boats are intercepted at sea.</summary>
    public bool InterceptsAtSea => Doctrine == MaritimeDoctrine.Full;

    /// <summary>Reads the enforcement parameters.</summary>
    public static EnforcementParameters From(ParameterSet p) => new()
    {
        OfficersPerNight = p.Number("french.beach.officers_per_night"),
        OfficersScale = p.Number("french.beach.officers_scale"),
        CoverageShare = p.Number("french.beach.coverage_share"),
        MaxPreventionProbability = p.Number("french.beach.max_prevention_probability"),
        SeizureProbability = p.Number("french.beach.seizure_probability"),
        LaunchDeathProbabilityPerPerson = p.Number("french.beach.launch_death_probability_per_person"),
        Doctrine = ParseDoctrine(p.Text("french.maritime.doctrine")),
        ShallowWaterEffectiveness = p.Number("french.maritime.shallow_water_effectiveness_probability"),
        ShallowWaterCapsize = p.Number("french.maritime.shallow_water_capsize_probability"),
        BeforeBoardingEffectiveness = p.Number("french.maritime.before_boarding_effectiveness_probability"),
        BeforeBoardingCapsize = p.Number("french.maritime.before_boarding_capsize_probability"),
        FullEffectiveness = p.Number("french.maritime.full_effectiveness_probability"),
        FullCapsize = p.Number("french.maritime.full_capsize_probability"),
        MaritimeVessels = p.Integer("french.maritime.vessels"),
        InterceptionHours = p.Number("french.maritime.interception_hours"),
        FatalityGivenCapsize = p.Number("french.maritime.fatality_given_capsize_probability"),
    };

    /// <summary>Maps the scenario name of a doctrine to the enum.</summary>
    public static MaritimeDoctrine ParseDoctrine(string name) => name switch
    {
        "none" => MaritimeDoctrine.None,
        "shallow_water" => MaritimeDoctrine.ShallowWater,
        "before_boarding" => MaritimeDoctrine.BeforeBoarding,
        "full" => MaritimeDoctrine.Full,
        _ => throw new ArgumentException($"french.maritime.doctrine: unknown doctrine '{name}' (none, shallow_water, before_boarding, full).", nameof(name)),
    };
}
