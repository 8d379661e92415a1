using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class ResultRecordTests
{
    [Fact]
    public void Key_IsProcedureYearSubjectGradeAndParticipant()
    {
        Assert.Equal(new ResultKey(ProcedureKind.Vpr, 2025, "RU", 4, "P0001"), Rows.Vpr().Key);
    }

    [Fact]
    public void HasSameValuesAs_ACopyWithNewArrays_IsTrue()
    {
        var row = Rows.Vpr();
        var resend = row with { TaskPoints = [10, 10], TaskMaxPoints = [12, 12] };

        Assert.True(row.HasSameValuesAs(resend));
    }

    [Fact]
    public void HasSameValuesAs_ChangedTaskPoints_IsFalse()
    {
        var row = Rows.Vpr();

        Assert.False(row.HasSameValuesAs(row with { TaskPoints = [11, 9] }));
    }

    [Fact]
    public void HasSameValuesAs_ChangedValues_IsFalse()
    {
        var row = Rows.Vpr();

        Assert.False(row.HasSameValuesAs(row with { ClassLabel = "4Б" }));
        Assert.False(row.HasSameValuesAs(row with { SchoolCode = "SCH-2" }));
        Assert.False(row.HasSameValuesAs(row with { Mark = 5 }));
        Assert.False(row.HasSameValuesAs(row with { TermMark = null }));
        Assert.False(row.HasSameValuesAs(row with { PassedMinimum = true }));
    }

    [Fact]
    public void HasSameValuesAs_OtherKey_IsFalse()
    {
        var row = Rows.Vpr();

        Assert.False(row.HasSameValuesAs(row with { ParticipantCode = "P0002" }));
        Assert.False(row.HasSameValuesAs(row with { Year = 2026 }));
    }
}
