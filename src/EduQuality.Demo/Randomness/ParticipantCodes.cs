namespace EduQuality.Demo.Randomness;

/// <summary>
/// Pseudonymous participant codes ("P" and 13 decimal digits). A student is identified by school, cohort (the year in
/// which the cohort was in grade 0, so grade g in year y is grade g + 1 in year y + 1) and index within the cohort;
/// that 40-bit identity goes through a seeded Feistel permutation, so codes are unique by construction, stable across
/// subjects and years, and carry nothing that resembles a name or a СНИЛС.
/// </summary>
internal sealed class ParticipantCodes
{
    /// <summary>Largest school ordinal that fits the 16 bits reserved for it.</summary>
    public const int MaxSchoolOrdinal = 0xFFFF;

    /// <summary>Largest index within a cohort that fits the 16 bits reserved for it.</summary>
    public const int MaxIndex = 0xFFFF;

    /// <summary>Earliest cohort that fits the 8 bits reserved for it.</summary>
    public const int FirstCohort = 1990;

    /// <summary>Latest cohort that fits the 8 bits reserved for it.</summary>
    public const int LastCohort = FirstCohort + 0xFF;

    private const int HalfBits = 20;
    private const ulong HalfMask = (1UL << HalfBits) - 1;
    private const int Rounds = 4;

    private readonly ulong[] roundKeys = new ulong[Rounds];

    public ParticipantCodes(int seed)
    {
        for (var i = 0; i < Rounds; i++)
        {
            roundKeys[i] = StableHash.Of((ulong)seed, 0x70617274UL, (ulong)i);
        }
    }

    /// <summary>The code of student <paramref name="index"/> of the cohort at the school.</summary>
    public string For(int schoolOrdinal, int cohort, int index)
    {
        if (schoolOrdinal is < 0 or > MaxSchoolOrdinal || cohort is < FirstCohort or > LastCohort || index is < 0 or > MaxIndex)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), $"Student (school {schoolOrdinal}, cohort {cohort}, index {index}) is outside the code space.");
        }

        var identity = ((ulong)(uint)schoolOrdinal << 24) | ((ulong)(uint)(cohort - FirstCohort) << 16) | (uint)index;
        // Decimal digits, because the server refuses a code without a digit as a possible name.
        return "P" + Permute(identity).ToString("D13", System.Globalization.CultureInfo.InvariantCulture);
    }

    private ulong Permute(ulong value)
    {
        var left = value >> HalfBits;
        var right = value & HalfMask;
        foreach (var key in roundKeys)
        {
            (left, right) = (right, left ^ (StableHash.Mix(right ^ key) & HalfMask));
        }

        return (left << HalfBits) | right;
    }
}
