using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class TaskTotalsTests
{
    [Fact]
    public void Success_IsPointsOverMaxPoints()
    {
        var task = new TaskTotals { Participants = 4, Points = 3, MaxPoints = 8 };

        Assert.Equal(0.375, task.Success, 12);
        Assert.False(task.IsEmpty);
    }

    [Fact]
    public void Success_WithoutMaxPoints_IsZero()
    {
        Assert.Equal(0.0, new TaskTotals().Success);
    }

    [Fact]
    public void IsEmpty_OnlyWhenEveryCountIsZero()
    {
        Assert.True(new TaskTotals().IsEmpty);
        Assert.False(new TaskTotals { Participants = 1 }.IsEmpty);
        Assert.False(new TaskTotals { Points = 1 }.IsEmpty);
        Assert.False(new TaskTotals { MaxPoints = 1 }.IsEmpty);
    }
}
