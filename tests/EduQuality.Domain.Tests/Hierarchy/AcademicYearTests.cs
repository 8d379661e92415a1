using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Tests.Hierarchy;

public sealed class AcademicYearTests
{
    [Fact]
    public void FirstDay_Of2025_IsFirstSeptember2024()
    {
        Assert.Equal(new DateOnly(2024, 9, 1), AcademicYear.FirstDay(2025));
    }

    [Theory]
    [InlineData(2025, 8, 31, 2025)]
    [InlineData(2025, 9, 1, 2026)]
    [InlineData(2025, 1, 1, 2025)]
    [InlineData(2024, 12, 31, 2025)]
    [InlineData(2025, 5, 20, 2025)]
    public void Of_NamesTheYearByItsEndingCalendarYear(int year, int month, int day, int expected)
    {
        Assert.Equal(expected, AcademicYear.Of(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Of_FirstDay_IsTheSameYear()
    {
        Assert.Equal(2025, AcademicYear.Of(AcademicYear.FirstDay(2025)));
        Assert.Equal(2024, AcademicYear.Of(AcademicYear.FirstDay(2025).AddDays(-1)));
    }
}
