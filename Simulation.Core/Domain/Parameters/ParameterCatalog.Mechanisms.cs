using System.Collections.Immutable;

namespace Simulation.Core.Domain.Parameters;

// Defaults are the calibrated 2024 baseline (scenarios/baseline-2024.yaml states each value with its source).
public static partial class ParameterCatalog
{
    private static void AddWeather(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Text("weather.series_file", "", "file path",
            "CSV of dated ratings (columns date,rating with rating green/amber/red) replayed instead of the generator; empty uses the generator."));
        s.Add(Probability("weather.red_day_share",
            0.29, "Year-average share of days rated red (crossing likely: calm sea) by the stochastic generator."));
        s.Add(Probability("weather.amber_day_share",
            0.30, "Year-average share of days rated amber (crossing possible)."));
        s.Add(Number("weather.seasonal_amplitude", 0.35, 0, 1, "fraction",
            "Relative seasonal swing of the red-day share (0 = flat, 1 = from zero to double the mean)."));
        s.Add(Integer("weather.peak_day_of_year", 240, 1, 366, "day of year",
            "Day of the year with the highest red-day share (calm late summer)."));
        s.Add(Probability("weather.persistence_probability",
            0.55, "Probability that a day keeps the previous day's rating, so calm and rough spells cluster."));
        s.Add(Number("weather.wave_height_red_m", 0.5, 0.05, 10, "metres",
            "Mean significant wave height on a red day."));
        s.Add(Number("weather.wave_height_amber_m", 1.0, 0.05, 10, "metres",
            "Mean significant wave height on an amber day."));
        s.Add(Number("weather.wave_height_green_m", 2.0, 0.05, 10, "metres",
            "Mean significant wave height on a green day."));
        s.Add(Number("weather.wave_height_cv", 0.3, 0, 2, "ratio",
            "Coefficient of variation of the daily wave height around its rating mean (log-normal)."));
        s.Add(Number("weather.water_temperature_mean_c", 13.5, -2, 30, "degrees Celsius",
            "Year-average sea surface temperature in the Dover Strait."));
        s.Add(Number("weather.water_temperature_amplitude_c", 4.5, 0, 15, "degrees Celsius",
            "Seasonal swing of the sea temperature around its mean."));
        s.Add(Integer("weather.water_temperature_peak_day_of_year", 235, 1, 366, "day of year",
            "Day of the year with the warmest sea."));
    }

    private static void AddDemand(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Integer("demand.initial_people_on_coast", 1500, 0, 1_000_000, "people",
            "People waiting in the camps on the first day."));
        s.Add(Number("demand.new_arrivals_rate_per_day", 104, 0, 100_000, "people/day",
            "Year-average rate at which new people reach the French coast intending to cross."));
        s.Add(Number("demand.seasonal_amplitude", 0.6, 0, 1, "fraction",
            "Relative seasonal swing of the arrival rate of new people."));
        s.Add(Integer("demand.peak_day_of_year", 230, 1, 366, "day of year",
            "Day of the year when new people arrive fastest."));
        s.Add(Number("demand.retry_delay_days_mean", 4, 1, 365, "days",
            "Mean delay before people whose attempt failed are ready to try again."));
        s.Add(Probability("demand.give_up_probability",
            0.07, "Probability that a person leaves the coast for good after a failed attempt."));
        s.Add(Number("demand.wait_give_up_rate_per_week", 0.001, 0, 1, "1/day per week waited",
            "Daily hazard of leaving the coast for good while waiting, per whole week waited since last coming to the coast: " +
            "h(w) = rate × w per day (nobody leaves in the first week). Free parameter, to be calibrated."));
    }

    private static void AddSmuggling(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Integer("smuggling.boat_stock_initial", 80, 0, 100_000, "boats",
            "Boats and engines the networks hold on the coast on the first day."));
        s.Add(Number("smuggling.supply_cover_factor", 3, 0, 50, "ratio",
            "Boats the networks want on the coast, as a multiple of the boats needed to put every person waiting to sea once (people waiting / mean load); each day they order the shortfall below that target, less the boats already on order."));
        s.Add(Integer("smuggling.supply_lead_time_days", 7, 0, 365, "days",
            "Days from ordering a boat and engine to its arrival on the coast."));
        s.Add(Number("smuggling.supply_capacity_boats_per_day", 12, 0, 10_000, "boats/day",
            "Most boats the supply chain can deliver per day (orders above it are cut; a fraction of a boat carries to the next day)."));
        s.Add(Probability("smuggling.attempt_share_red",
            0.7, "Share of the people waiting on the coast whom the networks put on boats on a red night (crossing likely), if boats are there."));
        s.Add(Probability("smuggling.attempt_share_amber",
            0.2, "Share of the people waiting on the coast whom the networks put on boats on an amber night."));
        s.Add(Probability("smuggling.attempt_share_green",
            0.01, "Share of the people waiting on the coast whom the networks put on boats on a green night."));
        s.Add(Number("smuggling.night_activity_cv", 0.3, 0, 3, "ratio",
            "Night-to-night variation of that share (coefficient of variation of a gamma factor with mean 1): some calm nights are busier than others."));
        s.Add(Integer("smuggling.max_launches_per_night", 40, 0, 4000, "boats/night",
            "Most boats the networks can organise in one night."));
        s.Add(Number("smuggling.launch_window_start_hour", 20, 0, 24, "hour of day",
            "Hour at which the night's launch window opens."));
        s.Add(Number("smuggling.launch_window_hours", 9, 0.5, 24, "hours",
            "Length of the night's launch window; launch times are spread uniformly across it."));
        s.Add(Number("smuggling.load_mean_people", 64, 1, 200, "people/boat",
            "Mean planned load per boat (normal, truncated to the minimum and maximum load)."));
        s.Add(Number("smuggling.load_cv", 0.22, 0.01, 2, "ratio",
            "Coefficient of variation of the planned load (sd = cv x mean); a larger value fattens both tails."));
        s.Add(Number("smuggling.scarcity_load_increase", 0.2, 0, 2, "ratio",
            "Largest relative rise of the mean load on a night when the boats in stock cannot carry the people the networks mean to send."));
        s.Add(Integer("smuggling.load_min_people", 15, 1, 200, "people",
            "Smallest load a network will launch."));
        s.Add(Integer("smuggling.load_max_people", 125, 1, 300, "people",
            "Largest load a boat can carry (record 125 people)."));
        s.Add(Probability("smuggling.taxi_boat_share_initial",
            0.5, "Share of launches made by taxi-boat on the first day."));
        s.Add(Number("smuggling.adaptation_rate_per_day", 0.002, 0, 1, "share/day",
            "Daily step of the taxi-boat share towards the tactic that recently succeeded more often, per unit success gap."));
        s.Add(Probability("smuggling.taxi_boat_share_min", 0.05, "Lowest taxi-boat share adaptation can reach."));
        s.Add(Probability("smuggling.taxi_boat_share_max", 0.95, "Highest taxi-boat share adaptation can reach."));
        s.Add(Number("smuggling.tactic_memory_days", 30, 1, 3650, "days",
            "Memory of the networks' success tally per tactic (exponential moving average)."));
    }

    private static void AddFrenchBeach(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Number("french.beach.officers_per_night", 800, 0, 100_000, "officers",
            "Police and gendarmes patrolling the beaches each night."));
        s.Add(Number("french.beach.officers_scale", 300, 1, 100_000, "officers",
            "Patrol effort at which detection reaches 63% of its maximum (saturating response to effort)."));
        s.Add(Probability("french.beach.coverage_share",
            0.9, "Share of launch sites within reach of a patrol."));
        s.Add(Probability("french.beach.max_prevention_probability",
            0.68, "Probability a covered beach launch is stopped when patrol effort is unlimited."));
        s.Add(Probability("french.beach.seizure_probability",
            0.8, "Probability the boat is seized (destroyed) when a beach launch is prevented."));
        s.Add(Probability("french.beach.launch_death_probability_per_person",
            0.00015, "Probability a person dies in the crush of a beach launch (trampling, asphyxiation)."));
    }

    private static void AddTaxiBoat(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Number("taxi_boat.travel_hours_mean", 2.5, 0, 24, "hours",
            "Mean time from the waterway launch to the first pick-up point."));
        s.Add(Number("taxi_boat.pickup_points_mean", 1.7, 1, 3, "points",
            "Mean number of pick-up points where groups board, from 1 to 3: each taxi-boat makes 1 + Binomial(2, (mean - 1) / 2) stops."));
        s.Add(Number("taxi_boat.wait_in_water_hours_mean", 0.75, 0, 12, "hours",
            "Mean time a group waits in the sea before boarding."));
        s.Add(Number("taxi_boat.land_prevention_factor", 0.45, 0, 1, "ratio",
            "Probability that a waiting group is stopped on the beach, relative to a beach launch."));
        s.Add(Probability("taxi_boat.boarding_drowning_probability_per_person",
            0.00005, "Probability a person drowns while wading out and boarding."));
        s.Add(Number("taxi_boat.hypothermia_rate_per_hour", 0.0005, 0, 1, "1/hour",
            "Death rate of people waiting in the water, per hour at the reference coldness (10 °C below 20 °C)."));
    }

    private static void AddFrenchMaritime(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Choice("french.maritime.doctrine", "none", ["none", "shallow_water", "before_boarding", "full"],
            "French doctrine at sea: none (rescue only), shallow_water (act near shore), before_boarding (stop taxi-boats before they load), full (intercept near the coast and take people back)."));
        s.Add(Probability("french.maritime.shallow_water_effectiveness_probability",
            0.25, "Probability a boat in shallow water (beach launch afloat, taxi-boat at a pick-up) is stopped under shallow_water or full."));
        s.Add(Probability("french.maritime.shallow_water_capsize_probability",
            0.03, "Probability a shallow-water intervention puts the people in the water."));
        s.Add(Probability("french.maritime.before_boarding_effectiveness_probability",
            0.3, "Probability a taxi-boat is stopped before its passengers board under before_boarding or full."));
        s.Add(Probability("french.maritime.before_boarding_capsize_probability",
            0.005, "Probability a before-boarding intervention capsizes the empty taxi-boat; only its crew is aboard, so none of the passengers dies (they are still on the beach and go back to the camps)."));
        s.Add(Probability("french.maritime.full_effectiveness_probability",
            0.5, "Probability a loaded boat leaving the coast is intercepted and taken back under full."));
        s.Add(Probability("french.maritime.full_capsize_probability",
            0.06, "Probability an interception of a loaded boat at sea puts the people in the water."));
        s.Add(Integer("french.maritime.vessels", 6, 0, 100, "vessels",
            "French vessels able to intercept boats at the same time (gendarmerie maritime, customs, Navy patrol boats); an interception that would need a vessel when all are busy does not happen."));
        s.Add(Number("french.maritime.interception_hours", 3, 0, 48, "hours",
            "Hours one interception occupies a French vessel (stopping the boat, taking the people aboard or escorting them back, landing them)."));
        s.Add(Probability("french.maritime.fatality_given_capsize_probability",
            0.06, "Probability a person in the water after an interception capsize dies."));
    }

    private static void AddCrossing(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Number("crossing.transit_distance_nm_mean", 27, 1, 200, "nautical miles",
            "Mean distance from the launch or pick-up point to the UK landing area."));
        s.Add(Number("crossing.transit_distance_nm_sd", 5, 0, 100, "nautical miles",
            "Spread of the crossing distance between launch points."));
        s.Add(Number("crossing.speed_knots_mean", 4, 0.5, 30, "knots",
            "Mean speed of an overloaded inflatable."));
        s.Add(Number("crossing.speed_knots_sd", 0.8, 0, 10, "knots",
            "Spread of boat speed."));
        s.Add(Probability("crossing.french_waters_share",
            0.45, "Share of the transit spent in French waters before the median line."));
        s.Add(Number("crossing.engine_failure_rate_per_hour", 0.02, 0, 10, "1/hour",
            "Hazard of engine failure per hour under way."));
        s.Add(Number("crossing.deflation_rate_per_hour", 0.008, 0, 10, "1/hour",
            "Hazard of a tube deflating or the floor breaking per hour."));
        s.Add(Integer("crossing.rated_capacity_people", 40, 1, 300, "people",
            "Load above which overloading adds to the hazard."));
        s.Add(Number("crossing.overload_hazard_per_person_per_hour", 0.0008, 0, 1, "1/(person·hour)",
            "Extra hazard per hour for each person above the rated capacity."));
        s.Add(Number("crossing.sea_state_hazard_per_metre_per_hour", 0.015, 0, 10, "1/(metre·hour)",
            "Extra hazard per hour for each metre of significant wave height."));
    }

    private static void AddFrenchRescue(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Probability("french.rescue.refuse_help_probability",
            0.2, "Probability the people on a boat in distress in French waters refuse help and continue under escort."));
        s.Add(Number("french.rescue.response_hours_mean", 0.5, 0, 24, "hours",
            "Mean time French assets take to reach people in the water."));
    }

    private static void AddUkResponse(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Integer("uk.border_force.vessels", 5, 0, 100, "vessels",
            "Border Force vessels on small-boat duty (five chartered crew-transfer vessels)."));
        s.Add(Number("uk.border_force.speed_knots", 18, 1, 60, "knots", "Transit speed of a Border Force vessel."));
        s.Add(Number("uk.border_force.response_distance_nm", 15, 0, 200, "nautical miles",
            "Mean distance from a Border Force vessel's station to a boat in UK waters."));
        s.Add(Integer("uk.border_force.capacity_people", 100, 1, 1000, "people",
            "People a Border Force vessel can carry in one trip."));
        s.Add(Number("uk.border_force.transfer_hours", 1.0, 0, 24, "hours",
            "Time to take the people of one boat on board."));
        s.Add(Number("uk.border_force.return_distance_nm", 15, 0, 200, "nautical miles",
            "Distance from the scene to Dover."));
        s.Add(Number("uk.border_force.turnaround_hours", 2.0, 0, 48, "hours",
            "Time to land the people at Dover and be ready again."));
        s.Add(Integer("uk.rnli.lifeboats", 3, 0, 100, "lifeboats", "RNLI lifeboats available for small-boat incidents."));
        s.Add(Number("uk.rnli.speed_knots", 17, 1, 60, "knots", "Transit speed of an RNLI lifeboat."));
        s.Add(Number("uk.rnli.response_distance_nm", 10, 0, 200, "nautical miles",
            "Mean distance from an RNLI station to a boat in UK waters."));
        s.Add(Integer("uk.rnli.capacity_people", 60, 1, 1000, "people", "People a lifeboat can carry in one trip."));
        s.Add(Number("uk.rnli.transfer_hours", 0.5, 0, 24, "hours", "Time to take the people of one boat on board."));
        s.Add(Number("uk.rnli.return_distance_nm", 12, 0, 200, "nautical miles", "Distance from the scene to the landing port."));
        s.Add(Number("uk.rnli.turnaround_hours", 1.0, 0, 48, "hours", "Time to land people and be ready again."));
        s.Add(Probability("uk.rnli.nearest_asset_share",
            0.07, "Share of incidents where an RNLI lifeboat is the nearest asset (inshore, off Dungeness) and is tasked first if free."));
        s.Add(Number("uk.rnli.wait_threshold_hours", 0.5, 0, 48, "hours",
            "Coastguard tasks an RNLI lifeboat when a boat has waited this long for Border Force."));
        s.Add(Probability("uk.response.self_land_probability_when_busy",
            0.02, "Probability a boat that finds no UK vessel free heads for a beach instead of waiting."));
        s.Add(Number("uk.response.max_wait_hours", 4, 0, 48, "hours",
            "A boat still waiting after this long heads for a beach."));
        s.Add(Number("uk.response.beach_run_hours", 1.5, 0, 24, "hours",
            "Time from UK waters to a UK beach for a boat that lands itself."));
        s.Add(Number("uk.response.waiting_hazard_per_hour", 0.05, 0, 10, "1/hour",
            "Extra distress hazard per hour for a boat drifting while it waits for a UK vessel."));
    }

    private static void AddWindspire(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Probability("uk.windspire.return_probability",
            0.004, "Probability Border Force seeks to take the people of a rescue in UK waters back to a French port."));
        s.Add(Probability("uk.windspire.permission_probability",
            0.6, "Probability France gives permission for a return."));
        s.Add(Probability("uk.windspire.medical_emergency_probability",
            0.25, "Probability a medical emergency on board blocks the return (people go to Dover)."));
        s.Add(Number("uk.windspire.max_wave_height_m", 1.25, 0, 10, "metres",
            "Returns are blocked when the day's wave height is above this threshold."));
        s.Add(Number("uk.windspire.extra_hours", 2.5, 0, 48, "hours",
            "Extra vessel time to land people at a French port instead of Dover."));
        s.Add(Flag("uk.windspire.operate_in_french_waters", false,
            "When true, UK vessels may respond to distress in French waters, where returns are likeliest."));
        s.Add(Probability("uk.windspire.french_waters_response_share",
            0.3, "Share of distress calls in French waters answered by a free UK vessel when the lever is on."));
        s.Add(Probability("uk.windspire.return_probability_french_waters",
            0.5, "Probability Border Force seeks a return for a rescue made in French waters."));
    }

    // A chartered rescue ship for joint operations with France (the Home Office considered renting
    // one). Off by default: no ship was chartered, and with none on station the model draws nothing more.
    private static void AddJointOperations(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Integer("uk.joint_operations.ships", 0, 0, 20, "ships",
            "Chartered joint-operations rescue ships on station near the median line, answering distress on both sides of it and returning the people they rescue to France unless a medical emergency or the sea state prevents it (0 = none)."));
        s.Add(Number("uk.joint_operations.station_distance_nm", 6, 0, 100, "nautical miles",
            "Mean distance from a ship's station to a boat in distress, in French or UK waters."));
        s.Add(Number("uk.joint_operations.speed_knots", 12, 1, 60, "knots", "Transit speed of a joint-operations ship."));
        s.Add(Integer("uk.joint_operations.capacity_people", 400, 1, 2000, "people",
            "People a joint-operations ship can carry in one trip."));
        s.Add(Number("uk.joint_operations.on_scene_hours", 1.0, 0, 24, "hours",
            "Time on scene to take the people of one boat on board (with the ship's own rescue craft)."));
        s.Add(Number("uk.joint_operations.port_distance_nm", 15, 0, 200, "nautical miles",
            "Distance from the scene to the landing port: a French port for a return, Dover otherwise."));
        s.Add(Number("uk.joint_operations.turnaround_hours", 3.0, 0, 48, "hours",
            "Time from reaching port until the ship has landed the people and is back on station."));
    }

    private static void AddReturns(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Flag("returns.one_in_one_out.enabled", false, "One in, one out: people who arrived are returned to France up to a weekly cap."));
        s.Add(Date("returns.one_in_one_out.start_date", new DateOnly(2025, 8, 6), "First day of one in, one out."));
        s.Add(Number("returns.one_in_one_out.weekly_cap_people", 15, 0, 100_000, "people/week",
            "Most people returned to France per week."));
        s.Add(Probability("returns.one_in_one_out.eligible_share",
            0.5, "Share of arrivals eligible for return (not yet returned, case allows it)."));
        s.Add(Flag("returns.removals.enabled", false, "Removals of a share of arrivals to a third country."));
        s.Add(Date("returns.removals.start_date", new DateOnly(2024, 1, 1), "First day of removals to a third country."));
        s.Add(Probability("returns.removals.share_of_arrivals_probability",
            0.0, "Probability an arrival is removed to a third country."));
        s.Add(Number("returns.return_delay_days", 30, 0, 3650, "days",
            "Days from arrival until a returned person is back on the French coast (or as good as back in the pool of would-be crossers)."));
    }

    private static void AddDeterrence(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Number("deterrence.elasticity", 0, 0, 10, "ratio",
            "Elasticity of the new-arrival rate and of the retry probability to the perceived success share (0 = no deterrence)."));
        s.Add(Number("deterrence.memory_days", 30, 1, 3650, "days",
            "Memory of the perceived outcomes (exponential moving average)."));
        s.Add(Probability("deterrence.reference_success_share",
            0.545, "Perceived success share at which deterrence neither deters nor attracts (the baseline's typical value)."));
        s.Add(Number("deterrence.max_multiplier", 2, 1, 100, "ratio",
            "Cap on the multiplier applied to the arrival rate when perceived success is high."));
    }

    private static void AddHarm(ImmutableArray<ParameterSpec>.Builder s)
    {
        s.Add(Probability("harm.capsize_given_distress_probability",
            0.0025, "Probability a boat in distress capsizes or loses people into the sea before help arrives, at or below the crowding level on a flat sea."));
        s.Add(Integer("harm.crowding_level_people", 45, 1, 300, "people",
            "Load above which crowding multiplies the risk of capsize, of drowning while boarding and of crush at a beach launch."));
        s.Add(Number("harm.crowding_rate_per_person", 0.09, 0, 1, "1/person",
            "Log-rate of the crowding multiplier: each person above the crowding level multiplies those risks by exp(rate)."));
        s.Add(Number("harm.capsize_sea_state_rate_per_metre", 0.5, 0, 10, "1/metre",
            "Log-rate of the capsize multiplier per metre of significant wave height."));
        s.Add(Probability("harm.share_in_water_given_capsize",
            0.6, "Share of the people on board who end up in the water when a boat capsizes or deflates."));
        s.Add(Probability("harm.drowning_probability_in_water",
            0.05, "Mean share of the people in the water who drown in one capsize, at the crowding level."));
        s.Add(Number("harm.drowning_increase_per_10_people", 0.4, 0, 100, "ratio",
            "Relative rise of the mean drowning share per 10 people above the crowding level (more people in the water, harder to recover)."));
        s.Add(Number("harm.incident_severity_concentration", 6, 0.05, 1000, "ratio",
            "Concentration a+b of the Beta distribution of an incident's drowning share; small values make most capsizes end with few deaths and a few with many."));
        s.Add(Number("harm.hypothermia_rate_per_hour", 0.04, 0, 10, "1/hour",
            "Death rate from hypothermia per hour in the water at the reference coldness (10 °C below 20 °C)."));
        s.Add(Integer("harm.crush_threshold_people", 60, 1, 300, "people",
            "Load above which crush and asphyxiation incidents become possible."));
        s.Add(Number("harm.crush_incident_probability_per_extra_person", 0.00001, 0, 1, "1/person",
            "Probability of a crush incident per person above the threshold, before the crowding multiplier."));
        s.Add(Number("harm.crush_deaths_per_incident_mean", 2, 1, 50, "people",
            "Mean deaths in a crush incident on a boat at the threshold load; the mean scales with the load."));
        s.Add(Number("harm.crush_deaths_dispersion_shape", 0.5, 0.01, 1000, "ratio",
            "Gamma shape of the deaths beyond the first in a crush incident (negative binomial); small values make mass-casualty incidents possible."));
    }
}
