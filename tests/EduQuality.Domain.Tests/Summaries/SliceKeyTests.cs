using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class SliceKeyTests
{
    [Fact]
    public void Of_TakesProcedureSubjectGradeAndClassOfTheRow()
    {
        var row = new ResultRecord
        {
            Procedure = ProcedureKind.Vpr,
            Year = 2025,
            ParticipantCode = "P0001",
            SchoolCode = "SCH-1",
            ClassLabel = "5В",
            Grade = 5,
            Subject = "MA",
            PrimaryScore = 10,
            MaxPrimaryScore = 20,
            Mark = 4,
        };

        Assert.Equal(new SliceKey(ProcedureKind.Vpr, "MA", 5, "5В"), SliceKey.Of(row));
    }

    [Fact]
    public void ToWholeOrganization_ClearsOnlyTheClassLabel()
    {
        var slice = new SliceKey(ProcedureKind.Vpr, "MA", 5, "5В");

        Assert.Equal(new SliceKey(ProcedureKind.Vpr, "MA", 5, ""), slice.ToWholeOrganization());
    }
}
