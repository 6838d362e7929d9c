using System.Globalization;
using System.Text;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Scenarios;
using Xunit.Abstractions;

namespace Simulation.Tests.Domain;

/// <summary>
/// Property tests of the Channel model over random valid parameter sets: a random subset of the
/// catalog is drawn within each spec's range (often at its edges), written as a scenario and
/// accepted by the loader, then run for a short horizon. Whatever the parameters, people are
/// conserved exactly, nothing is negative or non-finite, deaths never exceed the people exposed,
/// and the same seed gives the same replication.
/// </summary>
public class ModelInvariantPropertyTests(ITestOutputHelper output)
{
    private const int ParameterSets = 220;
    private const int Replications = 2;

    [Fact]
    public void InvariantsHoldForRandomValidParameterSets()
    {
        int checkedSets = 0;
        var covered = new HashSet<string>(StringComparer.Ordinal);
        for (int set = 0; set < ParameterSets; set++)
        {
            ParameterSet parameters = DrawValid(new Random(7000 + set), out string yaml, covered);
            CheckInvariants(parameters, (ulong)(9000 + set), $"set {set} (seed {7000 + set}):\n{yaml}");
            checkedSets++;
        }
        int eligible = ParameterCatalog.All.Count(s => !s.Path.StartsWith("calendar.", StringComparison.Ordinal) && s.Kind != ParameterKind.Text);
        output.WriteLine($"{checkedSets} parameter sets × {Replications} replications checked; {covered.Count} of {eligible} parameters varied");
        Assert.Equal(ParameterSets, checkedSets);
        // The draw must reach (nearly) every parameter, or the property says little about the model.
        Assert.True(covered.Count >= eligible * 9 / 10, $"only {covered.Count} of {eligible} parameters were ever varied");
    }

    internal static void CheckInvariants(ParameterSet parameters, ulong seed, string label)
    {
        var model = new ChannelModel(parameters);
        for (int r = 0; r < Replications; r++)
        {
            var result = new ReplicationResult(model.Days);
            model.RunReplication(seed, r, result);
            string where = $"{label}\nreplication {r}";
            for (int m = 0; m < MetricNames.Count; m++)
            {
                double v = result.Totals[m];
                Assert.True(double.IsFinite(v), $"{MetricNames.All[m]} = {v}: {where}");
                Assert.True(v >= 0, $"{MetricNames.All[m]} = {v} is negative: {where}");
            }
            for (int s = 0; s < result.Daily.Length; s++)
            {
                foreach (double v in result.Daily[s])
                {
                    Assert.True(double.IsFinite(v) && v >= 0, $"daily {MetricNames.Daily[s]} = {v}: {where}");
                }
            }
            double inflow = result[Metric.PeopleOnCoastStart] + result[Metric.PeopleNewOnCoast] + result[Metric.ReturnedAfterArrival];
            double outflow = result[Metric.ArrivalsUk] + result[Metric.Deaths] + result[Metric.GaveUp] +
                             result[Metric.PeopleOnCoastEnd] + result[Metric.PeopleAtSeaEnd];
            Assert.True(inflow == outflow, $"people balance: in {inflow} != out {outflow}: {where}");
            Assert.True(result[Metric.Deaths] <= result[Metric.PersonAttempts],
                $"deaths {result[Metric.Deaths]} > person attempts {result[Metric.PersonAttempts]}: {where}");
            Assert.True(result[Metric.ArrivalsUk] <= result[Metric.PersonAttempts],
                $"arrivals {result[Metric.ArrivalsUk]} > person attempts {result[Metric.PersonAttempts]}: {where}");
            // Deaths counted day by day (an independent tally: the total is the sum of the causes).
            double dailyDeaths = result.Daily[(int)DailySeries.Deaths].Sum();
            Assert.True(dailyDeaths == result[Metric.Deaths], $"deaths by day {dailyDeaths} != deaths {result[Metric.Deaths]}: {where}");
            double share = result[Metric.PreventedOnLandShare];
            Assert.True(share <= 1, $"prevented_on_land_share {share} > 1: {where}");

            // The same seed on a fresh model gives the same replication, bit for bit.
            var again = new ReplicationResult(model.Days);
            new ChannelModel(parameters).RunReplication(seed, r, again);
            Assert.Equal(result.Totals, again.Totals);
            for (int s = 0; s < result.Daily.Length; s++) Assert.Equal(result.Daily[s], again.Daily[s]);
        }
    }

    /// <summary>Draws parameters until the loader accepts them; values it rejects by a cross-parameter rule are dropped.</summary>
    internal static ParameterSet DrawValid(Random rng, out string yaml, HashSet<string> covered)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (ParameterSpec spec in ParameterCatalog.All)
        {
            if (spec.Path.StartsWith("calendar.", StringComparison.Ordinal) || spec.Kind == ParameterKind.Text) continue;
            if (rng.NextDouble() > 0.4) continue;
            values[spec.Path] = Draw(spec, rng);
        }
        values["calendar.horizon_days"] = rng.Next(30, 61).ToString(CultureInfo.InvariantCulture);
        for (int attempt = 0; attempt < 10; attempt++)
        {
            yaml = Write(values);
            ScenarioLoadResult loaded = ScenarioLoader.LoadText(yaml, "property.yaml");
            if (loaded.IsValid)
            {
                covered.UnionWith(values.Keys.Where(k => !k.StartsWith("calendar.", StringComparison.Ordinal)));
                return loaded.Scenario!.Variants[0].Parameters;
            }
            int removed = 0;
            foreach (ScenarioIssue issue in loaded.Issues)
            {
                if (issue.KeyPath != "calendar.horizon_days" && values.Remove(issue.KeyPath)) removed++;
            }
            Assert.True(removed > 0, "the loader rejects a drawn set for a reason the generator does not know:\n" +
                string.Join("\n", loaded.Issues) + "\n" + yaml);
        }
        throw new InvalidOperationException("no valid parameter set after 10 attempts");
    }

    private static string Draw(ParameterSpec spec, Random rng)
    {
        switch (spec.Kind)
        {
            case ParameterKind.Boolean:
                return rng.Next(2) == 0 ? "true" : "false";
            case ParameterKind.Choice:
                return spec.Choices[rng.Next(spec.Choices.Length)];
            case ParameterKind.Date:
                return new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 90)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case ParameterKind.NumberList:
                {
                    int length = spec.ListLength > 0 ? spec.ListLength : rng.Next(1, 6);
                    var items = new string[length];
                    for (int i = 0; i < length; i++) items[i] = Format(Number(spec, rng, spec.Default.List.IsDefaultOrEmpty ? 1 : spec.Default.List[Math.Min(i, spec.Default.List.Length - 1)]));
                    return "[" + string.Join(", ", items) + "]";
                }
            case ParameterKind.Integer:
                return Format(Math.Round(Number(spec, rng, spec.Default.Number)));
            case ParameterKind.Probability:
                {
                    double lo = Math.Max(0, spec.Min), hi = Math.Min(1, spec.Max);
                    return Format(Edge(rng, lo, hi));
                }
            default:
                return Format(Number(spec, rng, spec.Default.Number));
        }
    }

    private static double Number(ParameterSpec spec, Random rng, double typical)
    {
        // Open-ended ranges are bounded near the default: the property is about valid inputs, and
        // an unbounded draw would only measure how long a run with 10^300 people takes.
        double lo = double.IsFinite(spec.Min) ? spec.Min : Math.Min(0, typical) - Math.Abs(typical) - 1;
        double hi = double.IsFinite(spec.Max) ? spec.Max : Math.Max(typical, 1) * 5;
        hi = Math.Min(hi, Math.Max(lo, 0) + Math.Max(Math.Abs(typical), 1) * 20);
        double v = Edge(rng, lo, hi);
        if (spec.Kind == ParameterKind.Integer)
        {
            v = Math.Round(v);
            if (v < spec.Min) v = Math.Ceiling(spec.Min);
            if (v > spec.Max) v = Math.Floor(spec.Max);
        }
        return v;
    }

    private static double Edge(Random rng, double lo, double hi) => rng.Next(6) switch
    {
        0 => lo,
        1 => hi,
        _ => lo + (hi - lo) * rng.NextDouble(),
    };

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Write(SortedDictionary<string, string> values)
    {
        var text = new StringBuilder("schema_version: 1\nname: property\ndescription: Random valid parameters.\n");
        string[] previous = [];
        foreach (var (path, value) in values)
        {
            string[] parts = path.Split('.');
            int common = 0;
            while (common < parts.Length - 1 && common < previous.Length - 1 && parts[common] == previous[common]) common++;
            for (int i = common; i < parts.Length - 1; i++) text.Append(' ', 2 * i).Append(parts[i]).Append(":\n");
            text.Append(' ', 2 * (parts.Length - 1)).Append(parts[^1]).Append(": ").Append(value).Append('\n');
            previous = parts;
        }
        return text.ToString();
    }
}
