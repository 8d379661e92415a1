namespace EduQuality.Demo.Randomness;

/// <summary>
/// Hashes that never change between runtimes or platforms (unlike <see cref="string.GetHashCode()"/>), so every
/// random stream can be keyed by what it describes: seed, school, year, subject.
/// </summary>
internal static class StableHash
{
    /// <summary>The SplitMix64 finaliser: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>Folds one more value into a hash; the order of the values matters.</summary>
    public static ulong Combine(ulong hash, ulong value) => Mix(hash ^ Mix(value) ^ (hash << 7));

    public static ulong Of(ulong a, ulong b) => Combine(Mix(a), b);

    public static ulong Of(ulong a, ulong b, ulong c) => Combine(Of(a, b), c);

    public static ulong Of(ulong a, ulong b, ulong c, ulong d) => Combine(Of(a, b, c), d);

    public static ulong Of(ulong a, ulong b, ulong c, ulong d, ulong e) => Combine(Of(a, b, c, d), e);

    public static ulong Of(ulong a, ulong b, ulong c, ulong d, ulong e, ulong f) => Combine(Of(a, b, c, d, e), f);

    /// <summary>FNV-1a over the UTF-16 code units, for keying by subject codes.</summary>
    public static ulong Of(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return Mix(hash);
    }

    /// <summary>A uniform double in [0, 1) from a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// An approximately standard normal value from two hashes: the sum of four 32-bit uniforms (Irwin–Hall), centred
    /// and scaled to variance 1. Only additions and multiplications, so the result is identical on every platform,
    /// which transcendental functions do not guarantee.
    /// </summary>
    public static double Gaussian(ulong first, ulong second)
    {
        const double TwoToMinus32 = 1.0 / 4294967296.0;
        const double Sqrt3 = 1.7320508075688772;
        double sum = (first & 0xFFFFFFFFUL) + (double)(first >> 32) + (second & 0xFFFFFFFFUL) + (double)(second >> 32);
        return ((sum * TwoToMinus32) - 2.0) * Sqrt3;
    }
}
