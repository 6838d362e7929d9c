namespace Simulation.Core.Engine.Random;

/// <summary>
/// Named random streams. Values are explicit and never reused: changing one changes every result
/// that draws from it, so a retired stream keeps its number.
/// </summary>
public enum StreamId
{
    /// <summary>Daily sea state and weather windows.</summary>
    Weather = 1,
    /// <summary>New people arriving on the coast.</summary>
    Demand = 2,
    /// <summary>Smuggling networks: boat supply, launches per night, load, tactic choice.</summary>
    Smuggling = 3,
    /// <summary>French land enforcement on beaches.</summary>
    LandEnforcement = 4,
    /// <summary>Taxi-boat pick-ups and boarding.</summary>
    TaxiBoat = 5,
    /// <summary>French maritime interception.</summary>
    MaritimeInterception = 6,
    /// <summary>The crossing: transit, hazards, distress.</summary>
    Crossing = 7,
    /// <summary>French rescue at sea.</summary>
    FrenchRescue = 8,
    /// <summary>UK response: Border Force and RNLI.</summary>
    UkResponse = 9,
    /// <summary>Windspire returns to France.</summary>
    Windspire = 10,
    /// <summary>Returns after arrival (one in, one out; removals).</summary>
    ReturnsAfterArrival = 11,
    /// <summary>Retry and give-up decisions of people after a failed attempt.</summary>
    Retry = 12,
    /// <summary>Deaths and their causes.</summary>
    Harm = 13,
    /// <summary>Chartered joint-operations rescue ships (drawn only when a ship picks people up).</summary>
    JointOperations = 14,
    /// <summary>People giving up after waiting on the coast (day-keyed).</summary>
    CampWaiting = 24,
    /// <summary>Which people in the camp board a boat (boat-keyed).</summary>
    CampBoarding = 25,
    /// <summary>Design points of a parameter sweep (Latin hypercube strata and offsets); drawn once per sweep, never inside a replication.</summary>
    SweepDesign = 20,
    /// <summary>Design points of a calibration wave (space-filling design, kernel perturbations); drawn once per wave, never inside a replication.</summary>
    CalibrationDesign = 30,
    /// <summary>Master seed of a calibration's confirmation runs, so confirming a point uses random numbers its selection did not see.</summary>
    CalibrationConfirmation = 31,
    /// <summary>Engine tests and benchmarks (arrivals).</summary>
    TestArrivals = 100,
    /// <summary>Engine tests and benchmarks (services).</summary>
    TestServices = 101,
}
