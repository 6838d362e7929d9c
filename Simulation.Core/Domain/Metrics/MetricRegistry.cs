using System.Collections.Immutable;

namespace Simulation.Core.Domain.Metrics;

/// <summary>
/// The one description of every output: name, label, unit, definition, kind, precision and whether a
/// percentage change means anything. Tables, charts, reports, <c>channelsim metrics</c> and the list of
/// metric names (<see cref="MetricNames.All"/>) all read it, so a metric is added by adding its
/// <see cref="Metric"/> value and one entry to <see cref="Totals"/> (a test fails until both exist).
/// </summary>
public static class MetricRegistry
{
    /// <summary>Per-replication totals, in <see cref="Metric"/> order (the column order of every output).</summary>
    public static readonly ImmutableArray<MetricInfo> Totals =
    [
        Total(Metric.ArrivalsUk, "arrivals_uk", "Arrivals in the UK", "people", MetricKind.People,
            "People landed in the UK by a UK vessel or on a beach during the period. This is the Home Office meaning of small boat " +
            "arrivals: detected arrivals, so a person returned to France who crosses again is counted at each arrival (repeats included). " +
            "Returns raise it when returned people cross again; net_arrivals_uk is the figure net of returns.", 0, minimumBaseline: 50),
        Total(Metric.BoatsArrived, "boats_arrived", "Boats arrived in the UK", "boats", MetricKind.Boats,
            "Small boats whose passengers reached the UK (met at sea and landed, or landed on a beach), as the Home Office's count of small boats arriving.", 0, minimumBaseline: 10),
        Total(Metric.PeoplePerBoat, "people_per_boat", "People per arrived boat", "people per boat", MetricKind.Ratio,
            "Mean load of the boats that arrived: arrivals in the UK divided by boats arrived, as the Home Office's average people per boat.", 1),
        Total(Metric.LaunchAttempts, "launch_attempts", "Launch attempts", "launches", MetricKind.Events,
            "Boats that set off from a beach or a waterway for a crossing, whether or not they were stopped; a boat relaunched on a later night counts again.", 0, minimumBaseline: 10),
        Total(Metric.PreventedOnLand, "prevented_on_land", "Prevented on land", "person-attempts", MetricKind.PersonAttempts,
            "Person-attempts stopped on the French coast before the boat was afloat (beach launches and taxi-boat groups waiting in the water). " +
            "A person stopped on several nights is counted each time, as in the French interior ministry's count of prevented crossings.", 0, minimumBaseline: 50),
        Total(Metric.PreventedOnLandShare, "prevented_on_land_share", "Share of person-attempts prevented on land", "%", MetricKind.Share,
            "Prevented on land divided by person-attempts, a fraction from 0 to 1 in data files; comparable to the UK-France joint declaration's " +
            "share of people prevented (0.42 in 2022), which also counts repeated attempts.", 1, percentChange: false),
        Total(Metric.InterceptedAtSeaFr, "intercepted_at_sea_fr", "Intercepted at sea by France", "person-attempts", MetricKind.PersonAttempts,
            "People on boats stopped afloat by French maritime interception and taken back to France. A person is counted again at every " +
            "interception, so this counts interceptions of people, not distinct people.", 0, minimumBaseline: 50),
        Total(Metric.RescuedFr, "rescued_fr", "Rescued by France", "people", MetricKind.People,
            "People on boats in distress in French waters rescued by French assets and landed in France (counted at each rescue), " +
            "comparable to the Préfecture maritime's count of people rescued at sea.", 0, minimumBaseline: 50),
        Total(Metric.RescuedUk, "rescued_uk", "Picked up by UK vessels", "people", MetricKind.People,
            "People taken aboard a Border Force vessel or an RNLI lifeboat at sea, including those then taken back to France under Windspire.", 0, minimumBaseline: 50),
        Total(Metric.ReturnedWindspire, "returned_windspire", "Returned to France at sea (Windspire)", "people", MetricKind.People,
            "People picked up by Border Force and landed at a French port instead of Dover (Operation Windspire); they rejoin the people " +
            "waiting on the French coast and are counted again if returned again.", 0, minimumBaseline: 30),
        Total(Metric.ReturnedAfterArrival, "returned_after_arrival", "Returned after arrival", "people", MetricKind.People,
            "People sent back after landing in the UK (one in, one out, or removals), counted when they are back among the people waiting " +
            "on the French coast, after the return delay.", 0, minimumBaseline: 30),
        Total(Metric.Deaths, "deaths", "Deaths", "people", MetricKind.People,
            "All deaths on the route: at beach launches, while boarding taxi-boats, at sea and in interceptions. Comparable to the all-route " +
            "counts of OLTIM and IOM (78 in 2024) rather than to deaths at sea only (about 50 in 2024).", 1, minimumBaseline: 5),
        Total(Metric.DeathsDrowning, "deaths_drowning", "Deaths by drowning", "people", MetricKind.People,
            "Deaths by drowning after a capsize, deflation or fall into the sea, and while wading out to a taxi-boat.", 1, minimumBaseline: 5),
        Total(Metric.DeathsHypothermia, "deaths_hypothermia", "Deaths by hypothermia", "people", MetricKind.People,
            "Deaths from cold and exposure in the water, as IOM's 'harsh conditions'.", 1, minimumBaseline: 5),
        Total(Metric.DeathsCrush, "deaths_crush", "Deaths by crush", "people", MetricKind.People,
            "Deaths by crush or asphyxiation on overloaded boats and in the crowd of a beach launch.", 1, minimumBaseline: 5),
        Total(Metric.DeathsInterception, "deaths_interception", "Deaths in interceptions", "people", MetricKind.People,
            "Deaths of people put in the water by a French interception at sea.", 1, minimumBaseline: 5),
        Total(Metric.TaxiBoatShare, "taxi_boat_share", "Share of launches by taxi-boat", "%", MetricKind.Share,
            "Launch attempts made by taxi-boat (launched from a waterway, picking people up in the sea) divided by all launch attempts; a fraction in data files.", 1, percentChange: false),
        Total(Metric.RedDays, "red_days", "Red days", "days", MetricKind.Days,
            "Days rated red, crossing likely (the Met Office and Home Office rating: probability of crossing activity above 55%). " +
            "The same in every variant of a replication (common random numbers).", 1, minimumBaseline: 5),
        Total(Metric.UkVesselUtilisation, "uk_vessel_utilisation", "UK vessel utilisation", "% of vessel time", MetricKind.Share,
            "Hours Border Force vessels and RNLI lifeboats spent tasked to small boats, divided by their hours on duty over the whole period; a fraction in data files.", 1, percentChange: false),
        Total(Metric.UkResponsesBorderForce, "uk_responses_border_force", "Boats met by Border Force", "boats", MetricKind.Boats,
            "Boats in UK waters met at sea by a Border Force vessel.", 0, minimumBaseline: 10),
        Total(Metric.UkResponsesRnli, "uk_responses_rnli", "Boats met by the RNLI", "boats", MetricKind.Boats,
            "Boats in UK waters met at sea by an RNLI lifeboat.", 0, minimumBaseline: 10),
        Total(Metric.BoatsSelfLanded, "boats_self_landed", "Uncontrolled landings", "boats", MetricKind.Boats,
            "Boats that reached a UK beach without being met at sea, as the Home Office's uncontrolled beach landings.", 1, minimumBaseline: 10),
        Total(Metric.MeanWaitForRescueHours, "mean_wait_for_rescue_hours", "Mean wait for a UK vessel", "hours", MetricKind.Hours,
            "Mean time from entering UK waters to a UK vessel (Border Force, RNLI or joint-operations ship) on scene, over the boats met " +
            "in UK waters, the vessel's transit included; boats that landed themselves and rescues in French waters are not counted (0 when no boat was met).", 2, minimumBaseline: 0.05),
        Total(Metric.GaveUp, "gave_up", "Gave up", "people", MetricKind.People,
            "People who left the French coast without crossing after a failed attempt.", 0, minimumBaseline: 50),
        Total(Metric.PeopleOnCoastStart, "people_on_coast_start", "People on the coast at the start", "people", MetricKind.People,
            "People waiting on the French coast on the first day (a scenario input).", 0, percentChange: false),
        Total(Metric.PeopleNewOnCoast, "people_new_on_coast", "New arrivals on the coast", "people", MetricKind.People,
            "People who reached the French coast during the period, intending to cross.", 0, minimumBaseline: 50),
        Total(Metric.PeopleOnCoastEnd, "people_on_coast_end", "People on the coast at the end", "people", MetricKind.People,
            "People waiting on the French coast at the end, including those waiting to retry.", 0, minimumBaseline: 50),
        Total(Metric.PeopleAtSeaEnd, "people_at_sea_end", "People at sea at the end", "people", MetricKind.People,
            "People on boats still at sea when the period ends.", 1, minimumBaseline: 50),
        Total(Metric.PersonAttempts, "person_attempts", "Person-attempts", "person-attempts", MetricKind.PersonAttempts,
            "People on boats that set off for a launch, prevented or not, counted at every attempt.", 0, minimumBaseline: 50),
        Total(Metric.LargestIncidentDeaths, "largest_incident_deaths", "Deaths in the deadliest incident", "people", MetricKind.People,
            "Deaths in the single deadliest incident of the run: one capsize (drowning and cold), one crush incident aboard, or one taxi-boat group's boarding. " +
            "Comparable to the largest single losses on record (27 on 24 Nov 2021, 12 on 3 Sep 2024).", 1, minimumBaseline: 5),
        Total(Metric.MassCasualtyIncidents, "mass_casualty_incidents", "Mass-casualty incidents", "incidents", MetricKind.Events,
            "Incidents (as in largest_incident_deaths) with 10 or more deaths.", 2, minimumBaseline: 1),
        Total(Metric.BoatsOver70People, "boats_over_70_people", "Arrived boats with more than 70 people", "boats", MetricKind.Boats,
            "Boats that reached the UK with more than 70 people aboard on arrival, as in the Home Office occupancy bands (71-80 and over 80) of the Mar 2025 written answer.", 1, minimumBaseline: 5),
        Total(Metric.BoatsOver80People, "boats_over_80_people", "Arrived boats with more than 80 people", "boats", MetricKind.Boats,
            "Boats that reached the UK with more than 80 people aboard on arrival (the top occupancy band of the Mar 2025 written answer).", 1, minimumBaseline: 5),
        Total(Metric.NetArrivalsUk, "net_arrivals_uk", "Net arrivals in the UK", "people", MetricKind.People,
            "Arrivals in the UK minus the people returned after arrival (returned_after_arrival) in the period: the number of arrivals " +
            "that stayed. Use it, not arrivals_uk, to judge a returns policy: returned people who cross again add to arrivals_uk.", 0, minimumBaseline: 50),
        Total(Metric.RepeatArrivalsUk, "repeat_arrivals_uk", "Repeat arrivals in the UK", "people", MetricKind.People,
            "Arrivals in the UK of people who had arrived before and were returned to France after that arrival; included in arrivals_uk.", 0, minimumBaseline: 30),
        Total(Metric.PeopleReturnedToFrance, "people_returned_to_france", "People returned to France", "people", MetricKind.People,
            "People returned to France by the UK: returned at sea under Windspire plus returned after arrival (returned_windspire + returned_after_arrival).", 0, minimumBaseline: 30),
        Total(Metric.GaveUpWaiting, "gave_up_waiting", "Gave up while waiting", "people", MetricKind.People,
            "People who left the French coast after waiting, without a failed attempt, at a daily rate that rises with the weeks waited; included in gave_up.", 0, minimumBaseline: 50),
        Total(Metric.BoatsWaitedShare, "boats_waited_share", "Boats that found no UK vessel free", "% of boats", MetricKind.Share,
            "Boats that found no UK vessel free on entering UK waters (they joined the waiting list, or headed straight for a beach), divided by " +
            "the boats met by a UK vessel in UK waters or landed on a beach; a fraction in data files.", 1, percentChange: false),
        Total(Metric.WaitP90Minutes, "wait_p90_minutes", "Wait for a UK vessel, 90th percentile", "minutes", MetricKind.Minutes,
            "90th percentile (nearest rank) over the boats met in UK waters of the time from entering UK waters to a UK vessel on scene, " +
            "the vessel's transit included, in minutes (0 when no boat was met).", 0, minimumBaseline: 5),
        Total(Metric.UkBusyNightUtilisation, "uk_busy_night_utilisation", "UK vessel utilisation on busy days", "% of vessel time", MetricKind.Share,
            "Days ranked by the boats entering UK waters (ties: the earlier day); over the busiest tenth of the days (at least one), hours Border " +
            "Force vessels and RNLI lifeboats spent tasked within those calendar days divided by their hours on duty in them; a fraction in data files.", 1, percentChange: false),
        Total(Metric.DaysBoatStockBinding, "days_boat_stock_binding", "Days the boat stock ran out", "days", MetricKind.Days,
            "Days on which the networks wanted to launch at least one more boat but had none left on the coast (boats used, seized " +
            "or lost, and the new ones not yet delivered): the supply of boats, not the people waiting, set that night's launches.", 1, minimumBaseline: 5),
        Total(Metric.DaysFrenchVesselsBinding, "days_french_vessels_binding", "Days French vessels ran out", "days", MetricKind.Days,
            "Days on which at least one boat that French maritime interception would have stopped went on because every French " +
            "vessel was busy with an earlier interception; a night's boats count on the day they left, even after midnight.", 1, minimumBaseline: 5),
    ];

    /// <summary>Series of daily.csv (per-day values; the cumulative series is a running total per replication).</summary>
    public static readonly ImmutableArray<MetricInfo> DailySeries =
    [
        new("arrivals_uk", "Arrivals in the UK per day", "people", MetricKind.People, "People landed in the UK that day (see arrivals_uk).", 0, true),
        new("launch_attempts", "Launch attempts per day", "launches", MetricKind.Events, "Boats that set off for a crossing that day (see launch_attempts).", 0, true),
        new("prevented_on_land", "Prevented on land per day", "person-attempts", MetricKind.PersonAttempts, "Person-attempts stopped on land that day (see prevented_on_land).", 0, true),
        new("deaths", "Deaths per day", "people", MetricKind.People, "Deaths that day, all causes (see deaths).", 1, true),
        new("weather_rating", "Weather rating", "0 green, 1 amber, 2 red", MetricKind.Days,
            "The day's Met Office-style rating of crossing conditions: 0 green (crossing unlikely), 1 amber, 2 red (crossing likely).", 0, false),
        new("cumulative_arrivals_uk", "Cumulative arrivals in the UK", "people", MetricKind.People,
            "Running total of arrivals in the UK from the first day, per replication, then quantiles across replications.", 0, true),
        new("red_day_share", "Share of replications rated red", "fraction of replications", MetricKind.Share,
            "Share of replications in which the day is rated red (crossing likely); a proportion, so every quantile column of daily.csv holds it.", 2, false),
    ];

    /// <summary>Metrics shown first (stdout tables, report effects), in this order; the full set is in every file.</summary>
    public static readonly ImmutableArray<Metric> Main =
    [
        Metric.ArrivalsUk, Metric.NetArrivalsUk, Metric.Deaths, Metric.BoatsArrived, Metric.PreventedOnLand, Metric.InterceptedAtSeaFr,
        Metric.ReturnedWindspire, Metric.ReturnedAfterArrival, Metric.LaunchAttempts,
    ];

    /// <summary>The entry of a total.</summary>
    public static MetricInfo Of(Metric metric) => Totals[(int)metric];

    /// <summary>The entry of a total by name, else of a daily series by name, else null.</summary>
    public static MetricInfo? Find(string name)
    {
        foreach (MetricInfo m in Totals) if (m.Name == name) return m;
        foreach (MetricInfo m in DailySeries) if (m.Name == name) return m;
        return null;
    }

    private static MetricInfo Total(Metric metric, string name, string label, string unit, MetricKind kind, string definition, int decimals,
        bool percentChange = true, double minimumBaseline = 1) =>
        new(name, label, unit, kind, definition, decimals, percentChange) { Metric = metric, PercentChangeMinimumBaseline = minimumBaseline };
}
