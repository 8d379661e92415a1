namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// How the works of one subject are grouped for judging (объединение малых выборок): a work with the minimum of
/// participants stands alone; smaller works are pooled with the next small works in grade order until the pool reaches
/// the minimum, so a pool mixes as few grades as it must; a remainder still short of it joins the last pool, or stays
/// alone (too small to judge) when there is none.
/// </summary>
public static class GradePooling
{
    /// <summary>The groups of grades, each ascending, ordered by their lowest grade.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyDictionary<int, long> participantsByGrade, int minimum)
    {
        var groups = new List<IReadOnlyList<int>>();
        List<int>? lastPool = null;
        var pool = new List<int>();
        long pooled = 0;
        foreach (var (grade, count) in participantsByGrade.OrderBy(p => p.Key))
        {
            if (count >= minimum)
            {
                groups.Add([grade]);
                continue;
            }

            pool.Add(grade);
            pooled += count;
            if (pooled >= minimum)
            {
                groups.Add(pool);
                lastPool = pool;
                pool = [];
                pooled = 0;
            }
        }

        if (pool.Count > 0)
        {
            if (lastPool is null)
            {
                groups.Add(pool);
            }
            else
            {
                lastPool.AddRange(pool);
            }
        }

        return groups.OrderBy(g => g[0]).ToList();
    }
}
