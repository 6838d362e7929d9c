using System.Collections.Immutable;
using Simulation.Core.Domain.Metrics;

namespace Simulation.Core.Experiments;

/// <summary>
/// Everything that determines the per-replication rows of an experiment: code version, master
/// seed, scenario hash, variants (names, start dates, horizons), replication plan and the daily cap.
/// Two checkpoints can be resumed or merged only when their identities are equal. The thread count
/// is deliberately not part of it: it never changes a result.
/// </summary>
public sealed record ExperimentIdentity
{
    /// <summary>ChannelSim version that produced the rows.</summary>
    public required string Version { get; init; }
    /// <summary>Master seed.</summary>
    public required ulong MasterSeed { get; init; }
    /// <summary>Lower-case hex SHA-256 of the scenario input(s).</summary>
    public required string ScenarioSha256 { get; init; }
    /// <summary>Variant names, baseline first.</summary>
    public required ImmutableArray<string> VariantNames { get; init; }
    /// <summary>First simulated day of each variant.</summary>
    public required ImmutableArray<DateOnly> StartDates { get; init; }
    /// <summary>Horizon of each variant in days.</summary>
    public required ImmutableArray<int> Days { get; init; }
    /// <summary>Replications requested (the first batch when a precision target is set).</summary>
    public required long Replications { get; init; }
    /// <summary>Optional sequential-stopping rule.</summary>
    public PrecisionTarget? Precision { get; init; }
    /// <summary>Daily series are kept (and checkpointed) for replications below this index.</summary>
    public required int DailyReplicationCap { get; init; }

    /// <summary>SHA-256 of the plausible-set file of run --ensemble (null for a plain run, and then absent from the fields).</summary>
    public string? EnsembleSha256 { get; init; }

    /// <summary>
    /// The identity of a design run as variants (a sweep, a sensitivity analysis): its description
    /// (scenario hash, settings, every point as text) is hashed in place of a scenario hash, so changing
    /// any point changes the identity; totals only (no daily series).
    /// </summary>
    public static ExperimentIdentity ForDesign(string designText, ulong masterSeed, ImmutableArray<Scenarios.ScenarioVariant> variants,
        Func<Scenarios.ScenarioVariant, Domain.IReplicationModel> modelFactory, long replications)
    {
        ArgumentNullException.ThrowIfNull(modelFactory);
        return new ExperimentIdentity
        {
            Version = Reporting.ChannelSimVersion.Current,
            MasterSeed = masterSeed,
            ScenarioSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(designText))),
            VariantNames = variants.Select(v => v.Name).ToImmutableArray(),
            StartDates = variants.Select(v => v.Parameters.Date("calendar.start_date")).ToImmutableArray(),
            Days = variants.Select(v => modelFactory(v).Days).ToImmutableArray(),
            Replications = replications,
            DailyReplicationCap = 0,
        };
    }

    /// <summary>Upper bound on replications this experiment can run.</summary>
    public long MaxReplications => Precision?.MaxReplications ?? Replications;

    /// <summary>Header lines "key=value" in a fixed order (checkpoint files; equality check on resume and merge).</summary>
    public IEnumerable<KeyValuePair<string, string>> ToFields()
    {
        yield return new("version", Version);
        yield return new("seed", Reporting.InvariantFormat.Unsigned(MasterSeed));
        yield return new("scenario_sha256", ScenarioSha256);
        yield return new("variants", string.Join("|", VariantNames.Select(Uri.EscapeDataString)));
        yield return new("start_dates", string.Join("|", StartDates.Select(Reporting.InvariantFormat.Date)));
        yield return new("days", string.Join("|", Days.Select(d => Reporting.InvariantFormat.Integer(d))));
        yield return new("replications", Reporting.InvariantFormat.Integer(Replications));
        yield return new("precision", Precision is null ? "" : Reporting.InvariantFormat.Number(Precision.RelativeHalfWidth));
        yield return new("precision_metric", Precision is null ? "" : MetricNames.Of(Precision.Metric));
        yield return new("max_replications", Reporting.InvariantFormat.Integer(MaxReplications));
        yield return new("metrics", string.Join("|", MetricNames.All));
        yield return new("daily_series", string.Join("|", MetricNames.Daily));
        yield return new("daily_replication_cap", Reporting.InvariantFormat.Integer(DailyReplicationCap));
        // Only with an ensemble, so a plain run's checkpoint header and manifest keep their shape.
        if (EnsembleSha256 is not null) yield return new("ensemble_sha256", EnsembleSha256);
    }

    /// <summary>Rebuilds an identity from header fields, or explains what is missing.</summary>
    public static ExperimentIdentity? FromFields(IReadOnlyDictionary<string, string> fields, out string error)
    {
        error = "";
        try
        {
            string Get(string key) => fields.TryGetValue(key, out string? value) ? value : throw new FormatException($"missing '{key}'");
            var ci = System.Globalization.CultureInfo.InvariantCulture;
            PrecisionTarget? precision = null;
            if (Get("precision").Length > 0)
            {
                if (!MetricNames.TryParse(Get("precision_metric"), out Metric metric)) throw new FormatException("unknown precision_metric");
                precision = new PrecisionTarget(double.Parse(Get("precision"), ci), metric, long.Parse(Get("max_replications"), ci));
            }
            if (Get("metrics") != string.Join("|", MetricNames.All) || Get("daily_series") != string.Join("|", MetricNames.Daily))
            {
                throw new FormatException("it was written for a different list of metrics");
            }
            return new ExperimentIdentity
            {
                Version = Get("version"),
                MasterSeed = ulong.Parse(Get("seed"), ci),
                ScenarioSha256 = Get("scenario_sha256"),
                VariantNames = Get("variants").Split('|').Select(Uri.UnescapeDataString).ToImmutableArray(),
                StartDates = Get("start_dates").Split('|').Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", ci)).ToImmutableArray(),
                Days = Get("days").Split('|').Select(d => int.Parse(d, ci)).ToImmutableArray(),
                Replications = long.Parse(Get("replications"), ci),
                Precision = precision,
                DailyReplicationCap = int.Parse(Get("daily_replication_cap"), ci),
                EnsembleSha256 = fields.TryGetValue("ensemble_sha256", out string? ensemble) ? ensemble : null,
            };
        }
        catch (FormatException e)
        {
            error = e.Message;
            return null;
        }
        catch (OverflowException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Field-by-field equality (ImmutableArray compares by reference in a record).</summary>
    public bool SameAs(ExperimentIdentity other) => ToFields().SequenceEqual(other.ToFields());

    /// <summary>The first field that differs, for error messages.</summary>
    public string Difference(ExperimentIdentity other)
    {
        foreach (var (mine, theirs) in ToFields().Zip(other.ToFields()))
        {
            if (mine.Value != theirs.Value)
            {
                return $"{mine.Key}: '{mine.Value}' vs '{theirs.Value}'" + (mine.Key == "scenario_sha256" ? "; the scenario files or the --set values differ" : "")
                    + (mine.Key == "ensemble_sha256" ? "; the --ensemble files differ" : "");
            }
        }
        // The ensemble hash is the only optional field and comes last.
        if ((EnsembleSha256 is null) != (other.EnsembleSha256 is null)) return "ensemble_sha256: one was run with --ensemble and the other without";
        return "";
    }
}
