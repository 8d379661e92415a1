using EduQuality.Demo.Randomness;
using EduQuality.Demo.Scoring;

namespace EduQuality.Demo.Results;

/// <summary>
/// Which exams a student sits, drawn from the student's own choice seed so that the choice is fixed for the student
/// however the year is generated. Choices are bit masks over the elective lists in <see cref="Curriculum"/>.
/// </summary>
internal static class ExamChoices
{
    private const ulong OgeTag = 0x6F6765UL;
    private const ulong EgeTag = 0x656765UL;
    private const ulong VprTag = 0x767072UL;

    private static readonly double[] OgeWeights = Curriculum.OgeElectives.Select(e => e.Weight).ToArray();
    private static readonly double[] EgeProfileWeights = Curriculum.EgeElectives.Select(e => e.ProfileWeight).ToArray();
    private static readonly double[] EgeBaseWeights = Curriculum.EgeElectives.Select(e => e.BaseWeight).ToArray();

    /// <summary>Two ОГЭ electives.</summary>
    public static int OgeElectives(ulong choiceSeed)
    {
        var random = new DemoRandom(StableHash.Of(choiceSeed, OgeTag));
        return PickDistinct(random, OgeWeights, 2);
    }

    /// <summary>Profile or base mathematics (about 60% profile, abler students likelier) and zero to three electives.</summary>
    public static (bool ProfileMathematics, int Electives) Ege(ulong choiceSeed, double ability)
    {
        var random = new DemoRandom(StableHash.Of(choiceSeed, EgeTag));
        var profile = random.NextDouble() < Math.Clamp(0.55 + (0.3 * ability), 0.1, 0.95);
        var u = random.NextDouble();
        var count = 0;
        while (u >= Curriculum.EgeElectiveCount[count])
        {
            count++;
        }

        return (profile, PickDistinct(random, profile ? EgeProfileWeights : EgeBaseWeights, count));
    }

    /// <summary>The ВПР subjects drawn for a grade of a school in a year.</summary>
    public static string[] VprDrawn(ulong seed, int schoolOrdinal, int year, int grade)
    {
        var pool = Curriculum.VprDrawn(grade).ToList();
        if (pool.Count <= Curriculum.VprDrawnCount)
        {
            return [.. pool];
        }

        var random = new DemoRandom(StableHash.Of(seed, VprTag, (ulong)schoolOrdinal, (ulong)year, (ulong)grade));
        random.Shuffle(pool);
        return [.. pool.Take(Curriculum.VprDrawnCount)];
    }

    private static int PickDistinct(DemoRandom random, double[] weights, int count)
    {
        var chosen = 0;
        for (var k = 0; k < count; k++)
        {
            var total = 0.0;
            for (var i = 0; i < weights.Length; i++)
            {
                total += (chosen & (1 << i)) == 0 ? weights[i] : 0.0;
            }

            var target = random.NextDouble() * total;
            var pick = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if ((chosen & (1 << i)) != 0)
                {
                    continue;
                }

                pick = i;
                target -= weights[i];
                if (target < 0)
                {
                    break;
                }
            }

            chosen |= 1 << pick;
        }

        return chosen;
    }
}
