using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using Simulation.Core.Engine.Random;

namespace Simulation.Benchmarks;

/// <summary>
/// The engine's samplers on <see cref="RandomStream"/> against MathNet's static samplers on a seeded
/// <see cref="System.Random"/> (MathNet's fastest configuration). Reported per draw.
/// </summary>
[MemoryDiagnoser]
public class SamplerBenchmarks
{
    private const int N = 10_000;
    private readonly RandomStream _stream = new(42);
    private readonly System.Random _system = new(42);
    private readonly double[] _cumulative = { 0.1, 0.3, 0.35, 0.7, 0.9, 1.0 };
    private readonly double[] _probabilities = { 0.1, 0.2, 0.05, 0.35, 0.2, 0.1 };

    [Benchmark(OperationsPerInvoke = N)]
    public double NextDoubleEngine() { double s = 0; for (int i = 0; i < N; i++) s += _stream.NextDouble(); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double NextDoubleSystemRandom() { double s = 0; for (int i = 0; i < N; i++) s += _system.NextDouble(); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double ExponentialEngine() { double s = 0; for (int i = 0; i < N; i++) s += Samplers.Exponential(_stream, 2.0); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double ExponentialMathNet() { double s = 0; for (int i = 0; i < N; i++) s += Exponential.Sample(_system, 0.5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double NormalEngine() { double s = 0; for (int i = 0; i < N; i++) s += Samplers.Normal(_stream, 0, 1); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double NormalMathNet() { double s = 0; for (int i = 0; i < N; i++) s += Normal.Sample(_system, 0, 1); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double LogNormalEngine() { double s = 0; for (int i = 0; i < N; i++) s += Samplers.LogNormal(_stream, 0, 0.5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double LogNormalMathNet() { double s = 0; for (int i = 0; i < N; i++) s += LogNormal.Sample(_system, 0, 0.5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double GammaEngine() { double s = 0; for (int i = 0; i < N; i++) s += Samplers.Gamma(_stream, 2, 2); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double GammaMathNet() { double s = 0; for (int i = 0; i < N; i++) s += Gamma.Sample(_system, 2, 0.5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double BetaEngine() { double s = 0; for (int i = 0; i < N; i++) s += Samplers.Beta(_stream, 2, 5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public double BetaMathNet() { double s = 0; for (int i = 0; i < N; i++) s += Beta.Sample(_system, 2, 5); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Poisson4Engine() { long s = 0; for (int i = 0; i < N; i++) s += Samplers.Poisson(_stream, 4); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Poisson4MathNet() { long s = 0; for (int i = 0; i < N; i++) s += Poisson.Sample(_system, 4); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Poisson50Engine() { long s = 0; for (int i = 0; i < N; i++) s += Samplers.Poisson(_stream, 50); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Poisson50MathNet() { long s = 0; for (int i = 0; i < N; i++) s += Poisson.Sample(_system, 50); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Binomial1000Engine() { long s = 0; for (int i = 0; i < N; i++) s += Samplers.Binomial(_stream, 1000, 0.4); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long Binomial1000MathNet() { long s = 0; for (int i = 0; i < N; i++) s += Binomial.Sample(_system, 0.4, 1000); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long NegativeBinomialEngine() { long s = 0; for (int i = 0; i < N; i++) s += Samplers.NegativeBinomial(_stream, 3, 0.4); return s; }

    /// <summary>MathNet's own NegativeBinomial.Sample is wrong in 5.0.0; this is the documented workaround.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long NegativeBinomialMathNetWorkaround()
    {
        long s = 0;
        for (int i = 0; i < N; i++) s += Poisson.Sample(_system, Gamma.Sample(_system, 3, 0.4 / 0.6));
        return s;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long CategoricalEngine() { long s = 0; for (int i = 0; i < N; i++) s += Samplers.Categorical(_stream, _cumulative); return s; }

    [Benchmark(OperationsPerInvoke = N)]
    public long CategoricalMathNet() { long s = 0; for (int i = 0; i < N; i++) s += Categorical.Sample(_system, _probabilities); return s; }
}
