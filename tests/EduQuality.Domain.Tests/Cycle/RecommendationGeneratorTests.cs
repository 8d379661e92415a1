using EduQuality.Domain.Assessment;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Hierarchy;
using static EduQuality.Domain.Cycle.RecommendationGenerator;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class RecommendationGeneratorTests
{
    private static readonly DateOnly Due = new(2025, 8, 31);

    [Fact]
    public void Municipality_addresses_the_heads_of_schools_above_the_threshold()
    {
        var issuer = new CycleKey("M1", "R1", 2025);

        var generated = ShareOfTwos(issuer, OrganizationLevel.Municipality, ProcedureKind.Vpr, "MA", 5, 0.3, Due,
            [new ChildShare("S12", 40, 0.1), new ChildShare("S11", 4, 0.5), new ChildShare("S13", 0, 0), new ChildShare("S14", 10, 0.3)]);

        var (key, recommendation) = Assert.Single(generated);
        Assert.Equal("analysis/2025/R1/M1/S11/Vpr/MA/5", key);
        Assert.Equal(("S11", Addressee.SchoolHead, RecommendationSource.Analysis, RecommendationStatus.Issued, Due),
            (recommendation.OrganizationCode, recommendation.Addressee, recommendation.Source, recommendation.Status, recommendation.DueDate));
        Assert.StartsWith("Доля «2» по ВПР (", recommendation.Subject, StringComparison.Ordinal);
        Assert.Contains("5 класс) — 50 % при пороге 30 %", recommendation.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_addresses_municipal_authorities_and_a_school_generates_nothing()
    {
        var children = new[] { new ChildShare("M1", 100, 0.4) };

        Assert.Equal(Addressee.MunicipalAuthority,
            Assert.Single(ShareOfTwos(new CycleKey("R1", "R1", 2025), OrganizationLevel.Region, ProcedureKind.Vpr, "MA", 5, 0.3, Due, children)).Recommendation.Addressee);
        Assert.Empty(ShareOfTwos(new CycleKey("S11", "R1", 2025), OrganizationLevel.School, ProcedureKind.Vpr, "MA", 5, 0.3, Due, children));
    }
}
