using System.Collections.Immutable;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Engine.Random;
using Simulation.Core.Experiments;
using Simulation.Core.Scenarios;

namespace Simulation.Core.Calibration;

/// <summary>
/// Runs points of the parameter space: every year scenario's baseline with the point's values, as the
/// variants of one <see cref="MonteCarloRunner"/> plan per scenario, so replication r of every point
/// (of every wave) uses the same random numbers. Non-implausible points are then confirmed with
/// <see cref="CalibrationSettings.ConfirmationReplications"/> replications under a separate master seed.
/// A point's result depends only on its values and the settings, never on which points share its plan
/// or on the thread count; that is what makes blocks, resumes and shards give the same bytes.
/// </summary>
public sealed class CalibrationEngine
{
    private readonly CalibrationSpec _spec;
    private readonly ImmutableArray<ScenarioVariant> _baselines;
    private readonly Func<ScenarioVariant, IReplicationModel> _modelFactory;
    private readonly CalibrationSettings _settings;

    /// <summary>Creates an engine; <paramref name="baselines"/> holds each year scenario's baseline variant, in the spec's order.</summary>
    public CalibrationEngine(CalibrationSpec spec, ImmutableArray<ScenarioVariant> baselines, CalibrationSettings settings,
        Func<ScenarioVariant, IReplicationModel> modelFactory)
    {
        if (baselines.Length != spec.Scenarios.Length) throw new ArgumentException("One baseline per year scenario is needed.", nameof(baselines));
        _spec = spec;
        _baselines = baselines;
        _settings = settings;
        _modelFactory = modelFactory;
    }

    /// <summary>Master seed of the confirmation runs.</summary>
    public static ulong ConfirmationSeed(ulong seed) => SeedDerivation.For(seed, 0, StreamId.CalibrationConfirmation);

    /// <summary>Runs and judges the points (wave, index, values); null when cancelled (nothing of the block is kept).</summary>
    public CalibrationPoint[]? Run(int wave, IReadOnlyList<int> indices, IReadOnlyList<double[]> values, CancellationToken cancellation)
    {
        var explored = Simulate(values, _settings.Seed, _settings.Replications, cancellation);
        if (explored is null) return null;
        var points = new CalibrationPoint[values.Count];
        var candidates = new List<int>();
        for (int p = 0; p < values.Count; p++)
        {
            points[p] = CalibrationPoint.Evaluate(_spec, wave, indices[p], values[p].ToImmutableArray(),
                explored.Value.Means[p], explored.Value.Sds[p], _settings.Replications);
            if (points[p].NonImplausible) candidates.Add(p);
        }
        if (candidates.Count == 0) return points;
        var confirmed = Simulate(candidates.Select(p => values[p]).ToList(), ConfirmationSeed(_settings.Seed), _settings.ConfirmationReplications, cancellation);
        if (confirmed is null) return null;
        for (int c = 0; c < candidates.Count; c++)
        {
            int p = candidates[c];
            points[p] = points[p].WithConfirmation(_spec, confirmed.Value.Means[c], confirmed.Value.Sds[c], _settings.ConfirmationReplications);
        }
        return points;
    }

    /// <summary>Mean and sample sd of every target's metric at every point; null when cancelled.</summary>
    private (ImmutableArray<double>[] Means, ImmutableArray<double>[] Sds)? Simulate(IReadOnlyList<double[]> values, ulong seed, int replications,
        CancellationToken cancellation)
    {
        int targets = _spec.Targets.Length;
        var means = new double[values.Count][];
        var sds = new double[values.Count][];
        for (int p = 0; p < values.Count; p++)
        {
            means[p] = new double[targets];
            sds[p] = new double[targets];
        }
        var sample = new double[replications];
        for (int s = 0; s < _spec.Scenarios.Length; s++)
        {
            string scenario = _spec.Scenarios[s];
            if (!_spec.Targets.Any(t => t.Scenario == scenario)) continue;
            var variants = ImmutableArray.CreateBuilder<ScenarioVariant>(values.Count);
            foreach (double[] point in values) variants.Add(WithValues(_baselines[s], point));
            var plan = new ExperimentPlan { Variants = variants.MoveToImmutable(), MasterSeed = seed, Replications = replications, Threads = _settings.Threads };
            var store = new ReplicationStore(plan.Variants.Select(v => _modelFactory(v).Days).ToArray(), dailyReplicationCap: 0, replications);
            RunOutcome outcome = new MonteCarloRunner(_modelFactory).Run(plan, store, sink: null, progress: null, cancellation);
            if (outcome.Interrupted || store.CompletePrefix(replications) != replications) return null;
            for (int t = 0; t < targets; t++)
            {
                if (_spec.Targets[t].Scenario != scenario) continue;
                int metric = (int)_spec.Targets[t].Metric;
                for (int p = 0; p < values.Count; p++)
                {
                    for (int r = 0; r < replications; r++) sample[r] = store.Value(p, r, metric);
                    (means[p][t], sds[p][t]) = MeanSd(sample);
                }
            }
        }
        return (means.Select(m => m.ToImmutableArray()).ToArray(), sds.Select(m => m.ToImmutableArray()).ToArray());
    }

    /// <summary>Mean and n−1 sample standard deviation (MathNet; 0 for a single replication).</summary>
    private static (double Mean, double Sd) MeanSd(double[] sample)
    {
        if (sample.Length == 1) return (sample[0], 0);
        var (mean, sd) = MathNet.Numerics.Statistics.ArrayStatistics.MeanStandardDeviation(sample);
        return (mean, sd);
    }

    /// <summary>The baseline with the point's values set, exactly as <c>run --set key=value</c> sets them.</summary>
    public ScenarioVariant WithValues(ScenarioVariant baseline, double[] point)
    {
        ParameterSet parameters = baseline.Parameters;
        for (int d = 0; d < point.Length; d++) parameters = parameters.With(_spec.Parameters[d].Key, ParameterValue.Of(point[d]));
        return baseline with { Parameters = parameters };
    }
}

/// <summary>Replication settings of a calibration (the file's design, after command-line overrides).</summary>
public sealed record CalibrationSettings
{
    /// <summary>Master seed (design points and model random numbers).</summary>
    public required ulong Seed { get; init; }
    /// <summary>Replications per point per year scenario.</summary>
    public required int Replications { get; init; }
    /// <summary>Replications of the confirmation runs.</summary>
    public required int ConfirmationReplications { get; init; }
    /// <summary>Most waves.</summary>
    public required int MaxWaves { get; init; }
    /// <summary>Worker threads; never changes a result.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The file's settings.</summary>
    public static CalibrationSettings From(CalibrationSpec spec, int threads) => new()
    {
        Seed = spec.Design.Seed,
        Replications = spec.Design.Replications,
        ConfirmationReplications = spec.Design.ConfirmationReplications,
        MaxWaves = spec.Design.MaxWaves,
        Threads = threads,
    };
}
