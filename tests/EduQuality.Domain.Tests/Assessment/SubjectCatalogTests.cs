using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Tests.Assessment;

public sealed class SubjectCatalogTests
{
    [Fact]
    public void Find_KnownCode_GivesTheNames()
    {
        var subject = SubjectCatalog.Find("MAB");

        Assert.Equal(new Subject("MAB", "Математика (базовый уровень)", "Mathematics, base level"), subject);
    }

    [Theory]
    [InlineData("RU", true)]
    [InlineData("OK", true)]
    [InlineData("NL", true)]
    [InlineData("ru", false)]
    [InlineData("XX", false)]
    [InlineData("", false)]
    public void IsKnown_IsCaseSensitive(string code, bool expected)
    {
        Assert.Equal(expected, SubjectCatalog.IsKnown(code));
    }

    [Fact]
    public void All_HoldsEighteenSubjects()
    {
        Assert.Equal(18, SubjectCatalog.All.Count);
        Assert.Null(SubjectCatalog.Find("XX"));
    }
}
