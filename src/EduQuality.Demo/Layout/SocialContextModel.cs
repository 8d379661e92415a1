using EduQuality.Api.V1;
using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Layout;

/// <summary>
/// Draws the nine social factors of a school from its latent social advantage: the less advantaged the school, the
/// higher its shares of students at risk and the likelier its deficits; noise keeps the factors imperfect proxies.
/// </summary>
internal static class SocialContextModel
{
    /// <summary>Rural grades of at most this many students make a small school (малокомплектная).</summary>
    public const int SmallSchoolCohort = 10;

    public static SocialFactors Draw(DemoRandom random, double advantage, Settlement settlement, int baseCohortSize)
    {
        var rural = settlement == Settlement.Rural;
        var risk = Math.Clamp(1.0 - (0.45 * advantage), 0.25, 2.2);
        var disadvantaged = advantage < -0.5;
        return new SocialFactors(
            ShareOnPreventiveRegister: Share(0.018 * risk * random.NextDouble(0.6, 1.4)),
            ShareMigrantOrLowRussian: Share((rural ? 0.03 : 0.06) * risk * random.NextDouble(0.3, 1.7)),
            ShareNotCertified: Share(0.008 * risk * random.NextDouble(0.5, 1.5)),
            ShareChronicAbsence: Share(0.035 * risk * random.NextDouble(0.6, 1.4)),
            ShareSpecialNeeds: Share(0.045 * risk * random.NextDouble(0.6, 1.4)),
            Remote: rural && random.Chance(advantage < -0.4 ? 0.6 : 0.2),
            SmallSchool: rural && baseCohortSize <= SmallSchoolCohort,
            InfrastructureDeficit: random.Chance(0.08 + (rural ? 0.12 : 0) + (disadvantaged ? 0.25 : 0)),
            StaffShortage: random.Chance(0.12 + (rural ? 0.15 : 0) + (disadvantaged ? 0.3 : 0)));
    }

    private static double Share(double value) => Math.Round(Math.Clamp(value, 0.0, 0.4), 4, MidpointRounding.AwayFromZero);
}
