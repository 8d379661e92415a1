using EduQuality.Domain.Cycle;
using static EduQuality.Domain.Tests.Cycle.CycleBuilder;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class CycleRollupTests
{
    [Fact]
    public void Share_of_schools_with_a_complete_cycle()
    {
        var complete = At_(CycleStage.Effectiveness, Key("S11"));
        Complete(complete, CycleStage.Effectiveness);
        var halfway = At_(CycleStage.Monitoring, Key("S12"));

        var rollup = CycleRollup.Of("M1", "R1", 2025, [(complete, 0.75), (halfway, 0.25), (null, 0), (At_(CycleStage.Effectiveness, Key("S14")), 0.5)]);

        Assert.Equal(4, rollup.Children);
        Assert.Equal(3, rollup.Started);
        Assert.Equal(1, rollup.Complete);
        Assert.Equal(0.25, rollup.ShareComplete);
        Assert.Equal(0.375, rollup.MeanMaturity);
    }
}
