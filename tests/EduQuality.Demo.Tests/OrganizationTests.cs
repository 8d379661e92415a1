using System.Text.RegularExpressions;
using EduQuality.Api.V1;

namespace EduQuality.Demo.Tests;

public sealed partial class OrganizationTests
{
    private static readonly DemoRegion Demo = DemoRegion.Generate(new DemoOptions());

    [Fact]
    public void The_default_region_has_30_municipalities_and_600_organisations_under_one_region()
    {
        Assert.Equal(OrganizationLevel.Region, Demo.Region.Level);
        Assert.Equal(30, Demo.Municipalities.Count);
        Assert.Equal(600, Demo.Schools.Count);
        Assert.Equal(631, Demo.Organizations().Count());
        Assert.Equal(Demo.Region, Demo.Organizations().First());
        Assert.All(Demo.Municipalities, m => Assert.Equal("R99", m.ParentCode));
        var municipalities = Demo.Municipalities.Select(m => m.Code).ToHashSet();
        Assert.All(Demo.Schools, s => Assert.Contains(s.ParentCode, municipalities));
        Assert.All(Demo.Schools, s => Assert.StartsWith(s.ParentCode + "-S", s.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Codes_are_stable_and_names_are_russian()
    {
        Assert.Equal(["M01", "M02", "M03"], Demo.Municipalities.Take(3).Select(m => m.Code));
        Assert.All(Demo.Organizations(), o => Assert.Matches(Code(), o.Code));
        Assert.Equal(Demo.Organizations().Count(), Demo.Organizations().Select(o => o.Code).Distinct().Count());
        Assert.All(Demo.Organizations(), o => Assert.Matches(Cyrillic(), o.Name));
        Assert.Equal(6, Demo.Municipalities.Count(m => m.Name.StartsWith("Городской округ ", StringComparison.Ordinal)));
        Assert.Equal(24, Demo.Municipalities.Count(m => m.Name.EndsWith(" муниципальный район", StringComparison.Ordinal)));
        Assert.Contains(Demo.Schools, s => s.Name.StartsWith("МКОУ ", StringComparison.Ordinal) && s.Name.EndsWith(" ООШ", StringComparison.Ordinal));
        Assert.Contains(Demo.Schools, s => s.Name.Contains(" Лицей № 1 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Most_organisations_are_general_schools_with_a_few_of_every_other_kind()
    {
        var kinds = Demo.Schools.GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(12, kinds[SchoolKind.Preschool]);
        Assert.Equal(8, kinds[SchoolKind.AdditionalEducation]);
        Assert.Equal(6, kinds[SchoolKind.College]);
        Assert.Equal(574, kinds[SchoolKind.General]);
        Assert.All(Demo.Schools, s => Assert.True(s.Students > 0, s.Code));
        var rural = Demo.Schools.Count(s => s.Settlement == Settlement.Rural);
        Assert.InRange(rural, 180, 300);
    }

    [Fact]
    public void Every_school_has_a_context_with_nine_factors()
    {
        Assert.Equal(Demo.Schools.Select(s => s.Code), Demo.Contexts.Select(c => c.SchoolCode));
        Assert.All(Demo.Contexts, c =>
        {
            Assert.InRange(c.Factors.ShareOnPreventiveRegister, 0, 1);
            Assert.InRange(c.Factors.ShareMigrantOrLowRussian, 0, 1);
            Assert.InRange(c.Factors.ShareNotCertified, 0, 1);
            Assert.InRange(c.Factors.ShareChronicAbsence, 0, 1);
            Assert.InRange(c.Factors.ShareSpecialNeeds, 0, 1);
        });
        var general = Demo.Contexts.Where(c => c.Kind == SchoolKind.General).ToList();
        Assert.InRange(general.Average(c => c.SocialAdvantage), -0.001, 0.001);
        Assert.All(general.Where(c => c.Factors.SmallSchool), c => Assert.Equal(Settlement.Rural, c.Settlement));
        var advantaged = general.Where(c => c.SocialAdvantage > 0.5).Average(c => c.Factors.ShareOnPreventiveRegister);
        var disadvantaged = general.Where(c => c.SocialAdvantage < -0.5).Average(c => c.Factors.ShareOnPreventiveRegister);
        Assert.True(disadvantaged > 1.5 * advantaged, $"register share {disadvantaged:0.000} vs {advantaged:0.000}");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{2,40}$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[А-ЯЁа-яё0-9 №.«»-]+$")]
    private static partial Regex Cyrillic();
}
