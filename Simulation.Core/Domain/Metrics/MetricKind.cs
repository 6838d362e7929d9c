namespace Simulation.Core.Domain.Metrics;

/// <summary>What a metric counts or measures; decides how it is shown and whether a percentage change means anything.</summary>
public enum MetricKind
{
    /// <summary>People, counted at each event (an arrival, a rescue, a death): a person returned and crossing again counts twice.</summary>
    People,
    /// <summary>Person-attempts: one person on one launch attempt; the same person is counted again at every attempt.</summary>
    PersonAttempts,
    /// <summary>Boats.</summary>
    Boats,
    /// <summary>Events of another kind (launches, vessel responses).</summary>
    Events,
    /// <summary>Days.</summary>
    Days,
    /// <summary>A fraction from 0 to 1 in data files, shown in percent; its changes are in percentage points.</summary>
    Share,
    /// <summary>Hours.</summary>
    Hours,
    /// <summary>Minutes.</summary>
    Minutes,
    /// <summary>A ratio of two counts (people per boat).</summary>
    Ratio,
}
