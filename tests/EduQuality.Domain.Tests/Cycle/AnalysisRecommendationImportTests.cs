using EduQuality.Domain.Analysis.Recommendations;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Hierarchy;
using Addressee = EduQuality.Domain.Cycle.Addressee;
using AnalysisAddressee = EduQuality.Domain.Analysis.Recommendations.Addressee;
using Recommendation = EduQuality.Domain.Analysis.Recommendations.Recommendation;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class AnalysisRecommendationImportTests
{
    private static Recommendation Tasks() => new(
        "R2-TASKS:2025:S11:MA:5", "R2-TASKS", AnalysisAddressee.Teachers, OrganizationLevel.School, "S11", 2025, "R2", "MA", 5,
        "Учителям предмета «Математика», 5 класс: …", [new TraceFigure("work_success", 0.41, 0.58), new TraceFigure("participants", 24)]);

    [Fact]
    public void An_analysis_recommendation_enters_its_addressees_cycle_issued_by_the_regions_cycle_with_its_trace()
    {
        var imported = AnalysisRecommendationImport.ToCycle(Tasks(), "R1", new DateOnly(2025, 7, 31));

        Assert.Equal(new CycleKey("R1", "R2", 2025), imported.IssuedBy);
        Assert.Equal(("S11", RecommendationSource.Analysis, Addressee.Teachers, RecommendationStatus.Issued),
            (imported.OrganizationCode, imported.Source, imported.Addressee, imported.Status));
        Assert.Equal("Учителям предмета «Математика», 5 класс: …", imported.Subject);
        Assert.Equal("R2-TASKS:2025:S11:MA:5", imported.AnalysisId);
        Assert.Equal([new TraceFigure("work_success", 0.41, 0.58), new TraceFigure("participants", 24)], imported.Trace);
        Assert.Equal("analysis:R2-TASKS:2025:S11:MA:5", AnalysisRecommendationImport.RequestId(Tasks()));
    }

    [Theory]
    [InlineData(AnalysisAddressee.Region, Addressee.Ministry)]
    [InlineData(AnalysisAddressee.Municipality, Addressee.MunicipalAuthority)]
    [InlineData(AnalysisAddressee.SchoolHead, Addressee.SchoolHead)]
    [InlineData(AnalysisAddressee.Teachers, Addressee.Teachers)]
    public void Each_analysis_addressee_has_its_cycle_addressee(AnalysisAddressee from, Addressee to)
    {
        Assert.Equal(to, AnalysisRecommendationImport.AddresseeOf(from));
    }
}
