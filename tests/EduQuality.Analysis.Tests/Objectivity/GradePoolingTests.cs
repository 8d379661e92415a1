using EduQuality.Domain.Analysis.Objectivity;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class GradePoolingTests
{
    [Fact]
    public void Large_works_stand_alone_and_small_ones_pool_until_they_reach_the_minimum()
    {
        // 4: 30 alone; 5 + 6 = 23 reach 20; 7 + 8 = 11 do not and join the last pool.
        var groups = GradePooling.Group(new Dictionary<int, long> { [4] = 30, [5] = 8, [6] = 15, [7] = 5, [8] = 6 }, 20);

        Assert.Equal([[4], [5, 6, 7, 8]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public void A_tiny_school_pools_as_few_grades_as_reach_the_minimum()
    {
        // 6 per grade: 4–7 make 24; 8 joins them.
        var groups = GradePooling.Group(new Dictionary<int, long> { [4] = 6, [5] = 6, [6] = 6, [7] = 6, [8] = 6 }, 20);

        Assert.Equal([[4, 5, 6, 7, 8]], groups.Select(g => g.ToArray()));
    }

    [Fact]
    public void Small_works_that_never_reach_the_minimum_stay_together_and_too_small()
    {
        var groups = GradePooling.Group(new Dictionary<int, long> { [4] = 5, [5] = 30, [6] = 7 }, 20);

        Assert.Equal([[4, 6], [5]], groups.Select(g => g.ToArray()));
    }
}
