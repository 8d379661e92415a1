namespace EduQuality.Demo.Randomness;

/// <summary>
/// A small seeded generator (xoshiro256**, seeded through SplitMix64). The demo owns its algorithm so that a seed
/// gives the same region on every .NET version, which <see cref="System.Random"/> does not promise.
/// </summary>
internal sealed class DemoRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public DemoRandom(ulong seed)
    {
        s0 = StableHash.Mix(seed);
        s1 = StableHash.Mix(s0);
        s2 = StableHash.Mix(s1);
        s3 = StableHash.Mix(s2);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => StableHash.Unit(NextUInt64());

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="maxExclusive"/>).</summary>
    public int NextInt(int min, int maxExclusive) => min + NextInt(maxExclusive - min);

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately standard normal value (see <see cref="StableHash.Gaussian"/>).</summary>
    public double NextGaussian() => StableHash.Gaussian(NextUInt64(), NextUInt64());

    /// <summary>Shuffles the list in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotateLeft(ulong value, int bits) => (value << bits) | (value >> (64 - bits));
}
