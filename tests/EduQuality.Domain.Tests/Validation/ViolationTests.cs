using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Tests.Validation;

public sealed class ViolationTests
{
    [Fact]
    public void ToString_OfARowViolation_NamesTheRow()
    {
        var violation = new Violation(12, "rows[12].mark", "7", "mark must be 2, 3, 4 or 5");

        Assert.Equal("row 12: rows[12].mark = '7': mark must be 2, 3, 4 or 5", violation.ToString());
    }

    [Fact]
    public void ToString_OfABatchViolation_HasNoRow()
    {
        var violation = new Violation(null, "batch_id", "", "batch id is required");

        Assert.Equal("batch_id = '': batch id is required", violation.ToString());
    }
}
