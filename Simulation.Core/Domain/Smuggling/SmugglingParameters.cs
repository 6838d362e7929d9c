using Simulation.Core.Domain.Parameters;

namespace Simulation.Core.Domain.Smuggling;

/// <summary>Typed smuggling-network parameters (MODEL.md §2.3).</summary>
public sealed record SmugglingParameters
{
    /// <summary>Boats held on day 0.</summary>
    public required int BoatStockInitial { get; init; }
    /// <summary>Target stock as a multiple of the boats needed to put every person waiting to sea once.</summary>
    public required double SupplyCoverFactor { get; init; }
    /// <summary>Days from order to delivery on the coast.</summary>
    public required int SupplyLeadTimeDays { get; init; }
    /// <summary>Most boats delivered per day.</summary>
    public required double SupplyCapacityBoatsPerDay { get; init; }
    /// <summary>Share of the waiting people put on boats per night, by rating (green, amber, red).</summary>
    public required double[] AttemptShare { get; init; }
    /// <summary>Coefficient of variation of the night's activity factor (gamma, mean 1); 0 means no factor.</summary>
    public required double NightActivityCv { get; init; }
    /// <summary>Gamma shape of the night's activity factor (1/cv²).</summary>
    public double NightActivityShape => 1.0 / (NightActivityCv * NightActivityCv);
    /// <summary>Gamma scale of the night's activity factor (cv², so the mean is 1).</summary>
    public double NightActivityScale => NightActivityCv * NightActivityCv;
    /// <summary>Most boats launched in one night.</summary>
    public required int MaxLaunchesPerNight { get; init; }
    /// <summary>Hour the launch window opens.</summary>
    public required double LaunchWindowStartHour { get; init; }
    /// <summary>Length of the launch window.</summary>
    public required double LaunchWindowHours { get; init; }
    /// <summary>Mean planned load.</summary>
    public required double LoadMeanPeople { get; init; }
    /// <summary>Coefficient of variation of the load.</summary>
    public required double LoadCv { get; init; }
    /// <summary>Largest relative rise of the mean load when boats are short.</summary>
    public required double ScarcityLoadIncrease { get; init; }
    /// <summary>Smallest load launched.</summary>
    public required int LoadMinPeople { get; init; }
    /// <summary>Largest load.</summary>
    public required int LoadMaxPeople { get; init; }
    /// <summary>Taxi-boat share on day 0 (or when this snapshot starts, if it changes it).</summary>
    public required double TaxiBoatShareInitial { get; init; }
    /// <summary>Adaptation step per day per unit success gap.</summary>
    public required double AdaptationRatePerDay { get; init; }
    /// <summary>Lower bound of the taxi-boat share.</summary>
    public required double TaxiBoatShareMin { get; init; }
    /// <summary>Upper bound of the taxi-boat share.</summary>
    public required double TaxiBoatShareMax { get; init; }
    /// <summary>Memory of the per-tactic success tally.</summary>
    public required double TacticMemoryDays { get; init; }
    /// <summary>Gamma shape of the load above the minimum.</summary>
    public double LoadShape { get; private init; }
    /// <summary>Gamma scale of the load above the minimum.</summary>
    public double LoadScale { get; private init; }

    /// <summary>Reads the smuggling parameters.</summary>
    public static SmugglingParameters From(ParameterSet p)
    {
        double mean = p.Number("smuggling.load_mean_people");
        double cv = p.Number("smuggling.load_cv");
        int min = p.Integer("smuggling.load_min_people");
        // Load = min + Gamma: right-skewed with the requested mean and standard deviation (cv·mean).
        double excess = Math.Max(mean - min, 0.5);
        double sd = cv * mean;
        double shape = Math.Max(excess * excess / (sd * sd), 0.05);
        return new SmugglingParameters
        {
            BoatStockInitial = p.Integer("smuggling.boat_stock_initial"),
            SupplyCoverFactor = p.Number("smuggling.supply_cover_factor"),
            SupplyLeadTimeDays = p.Integer("smuggling.supply_lead_time_days"),
            SupplyCapacityBoatsPerDay = p.Number("smuggling.supply_capacity_boats_per_day"),
            AttemptShare = [p.Number("smuggling.attempt_share_green"), p.Number("smuggling.attempt_share_amber"), p.Number("smuggling.attempt_share_red")],
            NightActivityCv = p.Number("smuggling.night_activity_cv"),
            MaxLaunchesPerNight = p.Integer("smuggling.max_launches_per_night"),
            LaunchWindowStartHour = p.Number("smuggling.launch_window_start_hour"),
            LaunchWindowHours = p.Number("smuggling.launch_window_hours"),
            LoadMeanPeople = mean,
            LoadCv = cv,
            ScarcityLoadIncrease = p.Number("smuggling.scarcity_load_increase"),
            LoadMinPeople = min,
            LoadMaxPeople = Math.Max(min, p.Integer("smuggling.load_max_people")),
            TaxiBoatShareInitial = p.Number("smuggling.taxi_boat_share_initial"),
            AdaptationRatePerDay = p.Number("smuggling.adaptation_rate_per_day"),
            TaxiBoatShareMin = p.Number("smuggling.taxi_boat_share_min"),
            TaxiBoatShareMax = Math.Max(p.Number("smuggling.taxi_boat_share_min"), p.Number("smuggling.taxi_boat_share_max")),
            TacticMemoryDays = p.Number("smuggling.tactic_memory_days"),
            LoadShape = shape,
            LoadScale = excess / shape,
        };
    }
}
