using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Simulation.Core.Engine.Examples;

namespace Simulation.Benchmarks;

/// <summary>
/// Two quick verbs time the engine on whole models in-process (set-up plus run, median of timed runs
/// after warm-ups, because the first runs of a process are slower while tiered compilation settles);
/// anything else goes to BenchmarkDotNet.
/// </summary>
internal static class Program
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static int Main(string[] args)
    {
        if (args.Length > 0 && (args[0] == "phold" || args[0] == "mm1"))
        {
            try
            {
                var options = ParseOptions(args);
                return args[0] == "phold" ? RunPhold(options) : RunMm1(options);
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int RunPhold(Dictionary<string, string> o)
    {
        int lps = GetInt(o, "lps", 1000);
        double endTime = GetDouble(o, "end-time", 2000);
        ulong seed = (ulong)GetInt(o, "seed", 42);
        Console.WriteLine(string.Format(Inv, "phold: lps={0} end_time={1} lookahead=0 mean_delay=1 seed={2}", lps, endTime, seed));
        PholdResult last = default;
        Time(o, () =>
        {
            PholdResult r = Phold.Run(lps, endTime, seed);
            if (last.Events != 0 && r != last) throw new InvalidOperationException("PHOLD is not deterministic.");
            last = r;
            return r.Events;
        }, () => string.Format(Inv, "checksum={0:x16} last_event_time={1:F4}", last.Checksum, last.LastEventHours));
        return 0;
    }

    private static int RunMm1(Dictionary<string, string> o)
    {
        double lambda = GetDouble(o, "lambda", 0.9);
        double mu = GetDouble(o, "mu", 1.0);
        int customers = GetInt(o, "customers", 1_000_000);
        ulong seed = (ulong)GetInt(o, "seed", 42);
        Console.WriteLine(string.Format(Inv, "mm1: lambda={0} mu={1} customers={2} seed={3} (2 model events per customer)", lambda, mu, customers, seed));
        MmcResult last = default;
        Time(o, () =>
        {
            MmcResult r = MmcQueue.Run(lambda, mu, servers: 1, customers, seed);
            last = r;
            return 2L * r.Customers;
        }, () => string.Format(Inv,
            "mean_wait_hours={0:F4} theory={1:F4} waited_fraction={2:F4} utilisation={3:F4} engine_events={4}",
            last.MeanWaitHours, lambda / (mu * (mu - lambda)), last.WaitedFraction, last.Utilisation, last.EngineEvents));
        return 0;
    }

    private static void Time(Dictionary<string, string> o, Func<long> body, Func<string>? describe = null)
    {
        int warmup = GetInt(o, "warmup", 2, min: 0);
        int reps = GetInt(o, "reps", 7);
        for (int w = 0; w < warmup; w++) body();
        var rates = new double[reps];
        long events = 0, allocated = 0;
        for (int r = 0; r < reps; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            events = body();
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            rates[r] = events / seconds;
            Console.WriteLine(string.Format(Inv, "rep {0}: {1:F1} ms, {2:F0} events/s", r, seconds * 1000, rates[r]));
        }
        if (describe is not null) Console.WriteLine(describe());
        Array.Sort(rates);
        Console.WriteLine(string.Format(Inv, "events={0} alloc_bytes_per_event={1:F4} (set-up included)", events, (double)allocated / reps / events));
        Console.WriteLine(string.Format(Inv, "min_events_per_second={0:F0} max_events_per_second={1:F0}", rates[0], rates[^1]));
        double median = reps % 2 == 1 ? rates[reps / 2] : 0.5 * (rates[reps / 2 - 1] + rates[reps / 2]);
        Console.WriteLine(string.Format(Inv, "events_per_second={0:F0}", median));
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new FormatException($"Expected '--name value' pairs, got '{args[i]}'.");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static int GetInt(Dictionary<string, string> o, string name, int fallback, int min = 1) =>
        !o.TryGetValue(name, out string? text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, Inv, out int v) && v >= min ? v
        : throw new FormatException($"--{name}: '{text}' is not an integer >= {min}.");

    private static double GetDouble(Dictionary<string, string> o, string name, double fallback) =>
        !o.TryGetValue(name, out string? text) ? fallback
        : double.TryParse(text, NumberStyles.Float, Inv, out double v) && v > 0 && double.IsFinite(v) ? v
        : throw new FormatException($"--{name}: '{text}' is not a positive number.");
}
