using Simulation.Core.Domain.Metrics;
using static Simulation.Tests.Domain.ModelRunner;

namespace Simulation.Tests.Domain.Returns;

public class ReturnsDefectTests
{
    // One in, one out from the first day of a summer run, every arrival eligible and a one-day return
    // delay: the cap binds every week, and a return of an arrival on day d reaches the coast on d + 1,
    // so a run of 7w + 1 days counts exactly the returns of weeks 0..w-1.
    private static double ReturnedInWeeks(int weeks, double cap)
    {
        var start = new DateOnly(2024, 8, 1);
        var p = TestParameters.With(TestParameters.With(TestParameters.NoHazards),
            ("calendar.start_date", start), ("calendar.horizon_days", 7 * weeks + 1),
            ("french.beach.officers_per_night", 0.0), ("french.maritime.doctrine", "none"), ("uk.windspire.return_probability", 0.0),
            ("returns.one_in_one_out.enabled", true), ("returns.one_in_one_out.start_date", start),
            ("returns.one_in_one_out.weekly_cap_people", cap), ("returns.one_in_one_out.eligible_share", 1.0),
            ("returns.return_delay_days", 1.0), ("demand.initial_people_on_coast", 5000),
            ("smuggling.attempt_share_green", 0.3), ("smuggling.attempt_share_amber", 0.3), ("smuggling.attempt_share_red", 0.3));
        var results = Run(p, 3);
        foreach (var r in results) Assert.True(r[Metric.ArrivalsUk] > 20 * weeks * 7, "the cap must bind every week");
        return results[0][Metric.ReturnedAfterArrival];
    }

    [Fact]
    public void OneInOneOutCarriesTheFractionOfItsWeeklyCap()
    {
        // Rule: the cap allowed through week i is floor(cap × (i + 1)), so 15.5 a week gives 15, 16, 15, 16...
        Assert.Equal(15, ReturnedInWeeks(1, 15.5));
        Assert.Equal(31, ReturnedInWeeks(2, 15.5));
        Assert.Equal(62, ReturnedInWeeks(4, 15.5));
        Assert.Equal(4 * 10, ReturnedInWeeks(4, 10.0));
        // A quarter a week: one person every fourth week.
        Assert.Equal(1, ReturnedInWeeks(4, 0.25));
    }

    [Fact]
    public void PeopleLoadedButNotYetLaunchedAtTheHorizonAreOnTheCoast()
    {
        // A one-day run whose launch window opens at midnight: boats are loaded on the only night but
        // none leaves before the horizon, so nobody is at sea and everybody is still on the coast.
        var p = TestParameters.With(TestParameters.With(TestParameters.NoHazards),
            ("calendar.horizon_days", 1), ("smuggling.launch_window_start_hour", 24.0), ("smuggling.launch_window_hours", 1.0),
            ("smuggling.attempt_share_green", 0.5), ("smuggling.attempt_share_amber", 0.5), ("smuggling.attempt_share_red", 0.5),
            ("smuggling.night_activity_cv", 0.0));
        foreach (var r in Run(p, 3))
        {
            Assert.Equal(0, r[Metric.PeopleAtSeaEnd]);
            Assert.Equal(0, r[Metric.LaunchAttempts]);
            Assert.Equal(r[Metric.PeopleOnCoastStart] + r[Metric.PeopleNewOnCoast], r[Metric.PeopleOnCoastEnd]);
        }
    }
}
