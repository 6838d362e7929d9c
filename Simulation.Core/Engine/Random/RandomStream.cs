using System.Numerics;
using System.Runtime.CompilerServices;

namespace Simulation.Core.Engine.Random;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64. It derives from
/// <see cref="System.Random"/> so MathNet's static samplers accept it, but it is sealed and never
/// thread-safe: one stream belongs to one replication on one thread.
/// </summary>
public sealed class RandomStream : System.Random
{
    private ulong _s0, _s1, _s2, _s3;
    // The polar method makes normals in pairs; the spare is kept for the next call.
    private double _spareNormal;
    private bool _hasSpareNormal;

    /// <summary>Creates a stream from a 64-bit seed (any value, zero included).</summary>
    public RandomStream(ulong seed) => Reseed(seed);

    /// <summary>Restarts the stream from a new seed without allocating.</summary>
    public void Reseed(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMixNext(ref x);
        _s1 = SplitMixNext(ref x);
        _s2 = SplitMixNext(ref x);
        _s3 = SplitMixNext(ref x);
        _hasSpareNormal = false;
        _spareNormal = 0;
    }

    private static ulong SplitMixNext(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: safe to take the logarithm of.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n) by Lemire's multiply-shift (bias below 2^-32 for n &lt; 2^32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int n) => (int)(((NextUInt64() >> 32) * (ulong)(uint)n) >> 32);

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return NextInt(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)(NextDouble() * ((long)maxValue - minValue)));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    internal bool TryTakeSpareNormal(out double value)
    {
        value = _spareNormal;
        if (!_hasSpareNormal) return false;
        _hasSpareNormal = false;
        return true;
    }

    internal void StoreSpareNormal(double value)
    {
        _spareNormal = value;
        _hasSpareNormal = true;
    }
}
