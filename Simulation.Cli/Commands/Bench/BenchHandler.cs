using System.Diagnostics;
using System.Globalization;
using Simulation.Core.Domain;
using Simulation.Core.Domain.Metrics;
using Simulation.Core.Domain.Parameters;
using Simulation.Core.Engine.Examples;
using Simulation.Core.Scenarios;

namespace Simulation.Cli.Commands.Bench;

/// <summary>Behaviour of channelsim bench.</summary>
public static class BenchHandler
{
    private const string DefaultScenario = "scenarios/baseline-2024.yaml";

    /// <summary>Runs the three measurements within <paramref name="seconds"/>; returns the exit code.</summary>
    public static int Execute(int seconds, string? scenarioPath, int threads, TextWriter output, TextWriter error) =>
        Execute(TimeSpan.FromSeconds(seconds), seconds < BenchCommand.MinimumSeconds ? $"--seconds must be at least {BenchCommand.MinimumSeconds} (was {seconds})" : null,
            scenarioPath, threads, output, error);

    /// <summary>Same with any budget; tests use a fraction of a second.</summary>
    internal static int Execute(TimeSpan budget, string? budgetProblem, string? scenarioPath, int threads, TextWriter output, TextWriter error)
    {
        if (budgetProblem is not null)
        {
            error.WriteLine("channelsim bench: " + budgetProblem);
            return ExitCodes.InvalidInput;
        }
        if (threads < 1)
        {
            error.WriteLine($"channelsim bench: --threads must be at least 1 (was {threads})");
            return ExitCodes.InvalidInput;
        }
        ParameterSet parameters;
        string source;
        if (scenarioPath is not null || File.Exists(DefaultScenario))
        {
            Scenario? scenario = ScenarioFiles.TryLoad(scenarioPath ?? DefaultScenario, error);
            if (scenario is null) return ExitCodes.InvalidInput;
            parameters = scenario.Variants[0].Parameters;
            source = $"{scenario.Name} ({scenario.Variants[0].Name})";
        }
        else
        {
            parameters = ParameterCatalog.Defaults();
            source = "catalog defaults (the calibrated 2024 baseline)";
        }

        error.WriteLine($"channelsim bench: {budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s budget, {source}, {threads} thread(s) for the parallel step");
        // A fifth of the time for the engine, a tenth to warm up, the rest for the alternating pairs.
        TimeSpan engineBudget = budget * 0.2;
        (long events, double engineSeconds) = MeasureEngine(engineBudget);
        error.WriteLine("  engine measured");
        SpeedUp speedUp = MeasureSpeedUp((t, slice) => MeasureReplications(parameters, t, slice), threads, budget * 0.1, budget * 0.7, Pairs);
        (long single, double singleSeconds) = (speedUp.SingleReplications, speedUp.SingleSeconds);
        (long parallel, double parallelSeconds) = (speedUp.ParallelReplications, speedUp.ParallelSeconds);

        double eventsPerSecond = events / engineSeconds;
        double singleRate = single / singleSeconds, parallelRate = parallel / parallelSeconds;
        var rows = new List<string[]>
        {
            new[] { "measurement", "threads", "work", "seconds", "rate" },
            new[] { "engine (PHOLD, 1,024 processes)", "1", Count(events) + " events", Fixed(engineSeconds, "0.0"), Count(eventsPerSecond) + " events/s" },
            new[] { "replications of " + source, "1", Count(single) + " replications", Fixed(singleSeconds, "0.0"), Fixed(singleRate, "#,##0.0") + " replications/s" },
            new[] { "replications of " + source, threads.ToString(CultureInfo.InvariantCulture), Count(parallel) + " replications", Fixed(parallelSeconds, "0.0"), Fixed(parallelRate, "#,##0.0") + " replications/s" },
        };
        int[] widths = new int[rows[0].Length];
        foreach (string[] row in rows) for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        foreach (string[] row in rows)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == 0 ? cell.PadRight(widths[i]) : cell.PadLeft(widths[i]))).TrimEnd());
        }
        output.WriteLine();
        output.WriteLine($"Speed-up with {threads} threads: {Fixed(speedUp.Median, "0.00")}x (median of {speedUp.Ratios.Count} alternating 1-thread/{threads}-thread pairs after a warm-up; " +
            $"range {Fixed(speedUp.Ratios.Min(), "0.00")}-{Fixed(speedUp.Ratios.Max(), "0.00")})");
        output.WriteLine(parallelRate > 0
            ? $"10,000 replications ≈ {Fixed(10_000 / parallelRate, "#,##0")} s on this machine with {threads} thread(s) (one variant; a policy study takes this per variant)."
            : "No replication finished within the budget; raise --seconds.");
        return ExitCodes.Ok;
    }

    /// <summary>Alternating pairs measured after the warm-up.</summary>
    internal const int Pairs = 5;

    /// <summary>Totals over the slices at 1 thread and at all threads, and each pair's speed-up.</summary>
    internal sealed record SpeedUp(long SingleReplications, double SingleSeconds, long ParallelReplications, double ParallelSeconds, IReadOnlyList<double> Ratios)
    {
        /// <summary>Median of the pairs' ratios: one pair disturbed by other work on the machine moves it little.</summary>
        public double Median
        {
            get
            {
                double[] sorted = Ratios.Order().ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
        }
    }

    /// <summary>
    /// The speed-up of <paramref name="threads"/> threads over one. Measuring one thread first and all
    /// threads after, once each, credited the parallel run with the warm-up (JIT tiers, caches) and with
    /// any change in the machine's load: 2.18x on 2 cores. So: warm up on all threads untimed, then
    /// alternate short 1-thread and N-thread slices, and take the median of the pairs' ratios.
    /// </summary>
    internal static SpeedUp MeasureSpeedUp(Func<int, TimeSpan, (long Replications, double Seconds)> measure, int threads, TimeSpan warmUp, TimeSpan budget, int pairs)
    {
        measure(threads, warmUp);
        TimeSpan slice = budget / (2 * pairs);
        long single = 0, parallel = 0;
        double singleSeconds = 0, parallelSeconds = 0;
        var ratios = new List<double>(pairs);
        for (int p = 0; p < pairs; p++)
        {
            (long one, double oneSeconds) = measure(1, slice);
            (long many, double manySeconds) = measure(threads, slice);
            single += one;
            singleSeconds += oneSeconds;
            parallel += many;
            parallelSeconds += manySeconds;
            ratios.Add(many / manySeconds / (one / oneSeconds));
        }
        return new SpeedUp(single, singleSeconds, parallel, parallelSeconds, ratios);
    }

    private static (long Events, double Seconds) MeasureEngine(TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        long events = 0;
        ulong seed = 1;
        // 1,024 processes to an end time of 200 is about 200,000 events, short enough to stop near the budget.
        do events += Phold.Run(1024, 200.0, seed++).Events;
        while (clock.Elapsed < budget);
        return (events, clock.Elapsed.TotalSeconds);
    }

    private static (long Replications, double Seconds) MeasureReplications(ParameterSet parameters, int threads, TimeSpan budget)
    {
        long next = -1;
        var clock = Stopwatch.StartNew();
        var workers = new Thread[threads];
        long[] done = new long[threads];
        for (int t = 0; t < threads; t++)
        {
            int worker = t;
            workers[t] = new Thread(() =>
            {
                var model = new ChannelModel(parameters);
                var result = new ReplicationResult(model.Days);
                // Always at least one replication per worker, so a slow machine still yields a rate.
                do
                {
                    result.Clear();
                    model.RunReplication(20240101, Interlocked.Increment(ref next), result);
                    done[worker]++;
                }
                while (clock.Elapsed < budget);
            }) { IsBackground = true };
            workers[t].Start();
        }
        foreach (Thread worker in workers) worker.Join();
        return (done.Sum(), clock.Elapsed.TotalSeconds);
    }

    private static string Count(double value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
    private static string Fixed(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
