using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Results;

/// <summary>
/// The term (journal) mark beside a ВПР mark. Journals are a little kinder than the work: about two thirds of honest
/// rows agree, a quarter have the journal a mark higher (понизили on the ВПР) and under a tenth a mark lower
/// (повысили); a «2» for a term is rare.
/// </summary>
internal static class JournalMarks
{
    public static int For(int honestMark, DemoRandom random)
    {
        var u = random.NextDouble();
        var delta = u switch
        {
            < 0.015 => 2,
            < 0.255 => 1,
            < 0.335 => -1,
            < 0.340 => -2,
            _ => 0,
        };
        var term = Math.Clamp(honestMark + delta, 2, 5);
        return term == 2 && random.Chance(0.5) ? 3 : term;
    }
}
