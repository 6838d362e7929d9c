namespace Simulation.Core.Domain.Metrics;

/// <summary>
/// Per-replication outcomes (MODEL.md §3). The numeric order is the column order of every output;
/// the snake_case names in <see cref="MetricNames"/> are stable identifiers.
/// </summary>
public enum Metric
{
    /// <summary>People landed in the UK.</summary>
    ArrivalsUk,
    /// <summary>Boats whose passengers reached the UK.</summary>
    BoatsArrived,
    /// <summary>Mean load of the boats that arrived.</summary>
    PeoplePerBoat,
    /// <summary>Boats that set off for a launch, prevented or not.</summary>
    LaunchAttempts,
    /// <summary>Person-attempts stopped before the boat was afloat.</summary>
    PreventedOnLand,
    /// <summary>Share of person-attempts stopped on land.</summary>
    PreventedOnLandShare,
    /// <summary>Person-attempts stopped afloat by French maritime interception.</summary>
    InterceptedAtSeaFr,
    /// <summary>People rescued by French assets and landed in France.</summary>
    RescuedFr,
    /// <summary>People picked up by UK assets.</summary>
    RescuedUk,
    /// <summary>People taken back to a French port by UK vessels.</summary>
    ReturnedWindspire,
    /// <summary>People returned after arrival.</summary>
    ReturnedAfterArrival,
    /// <summary>All deaths.</summary>
    Deaths,
    /// <summary>Deaths by drowning.</summary>
    DeathsDrowning,
    /// <summary>Deaths by hypothermia or exposure.</summary>
    DeathsHypothermia,
    /// <summary>Deaths by crush or asphyxiation.</summary>
    DeathsCrush,
    /// <summary>Deaths linked to an interception.</summary>
    DeathsInterception,
    /// <summary>Share of launches made by taxi-boat.</summary>
    TaxiBoatShare,
    /// <summary>Days rated red (crossing likely).</summary>
    RedDays,
    /// <summary>Busy share of UK vessel time.</summary>
    UkVesselUtilisation,
    /// <summary>Boats met at sea by Border Force.</summary>
    UkResponsesBorderForce,
    /// <summary>Boats met at sea by the RNLI.</summary>
    UkResponsesRnli,
    /// <summary>Boats that reached a UK beach without being met.</summary>
    BoatsSelfLanded,
    /// <summary>Mean time a boat in UK waters waits for a UK vessel.</summary>
    MeanWaitForRescueHours,
    /// <summary>People who left the coast without crossing.</summary>
    GaveUp,
    /// <summary>People on the coast at the start.</summary>
    PeopleOnCoastStart,
    /// <summary>People newly arrived on the coast during the run.</summary>
    PeopleNewOnCoast,
    /// <summary>People on the coast at the end.</summary>
    PeopleOnCoastEnd,
    /// <summary>People at sea at the end.</summary>
    PeopleAtSeaEnd,
    /// <summary>Person-attempts: people on boats that set off for a launch, prevented or not.</summary>
    PersonAttempts,
    /// <summary>Deaths in the deadliest single incident of the run.</summary>
    LargestIncidentDeaths,
    /// <summary>Incidents with 10 or more deaths.</summary>
    MassCasualtyIncidents,
    /// <summary>Arrived boats with more than 70 people.</summary>
    BoatsOver70People,
    /// <summary>Arrived boats with more than 80 people.</summary>
    BoatsOver80People,
    /// <summary>Arrivals minus people returned after arrival.</summary>
    NetArrivalsUk,
    /// <summary>Arrivals of people who had arrived before and were returned.</summary>
    RepeatArrivalsUk,
    /// <summary>People returned to France at sea (Windspire) or after arrival.</summary>
    PeopleReturnedToFrance,
    /// <summary>People who left the coast after waiting, without a failed attempt.</summary>
    GaveUpWaiting,
    /// <summary>Share of boats met by a UK vessel in UK waters or self-landed that found no vessel free.</summary>
    BoatsWaitedShare,
    /// <summary>90th percentile of the time from entering UK waters to a UK vessel on scene.</summary>
    WaitP90Minutes,
    /// <summary>UK vessel utilisation over the busiest tenth of the days.</summary>
    UkBusyNightUtilisation,
    /// <summary>Days on which at least one launch was not made because the networks had no boat left.</summary>
    DaysBoatStockBinding,
    /// <summary>Days on which at least one French interception did not happen because no French vessel was free.</summary>
    DaysFrenchVesselsBinding,
}
