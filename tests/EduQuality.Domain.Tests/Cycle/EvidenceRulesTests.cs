using EduQuality.Domain.Cycle;
using static EduQuality.Domain.Tests.Cycle.CycleBuilder;

namespace EduQuality.Domain.Tests.Cycle;

public sealed class EvidenceRulesTests
{
    [Theory]
    [InlineData("https://uo-norilsk.ru/docs/prikaz-12.pdf")]
    [InlineData("http://school11.edu.ru/vsoko")]
    [InlineData("https://xn--80aaf.xn--p1ai/документ.pdf")]
    public void Absolute_http_and_https_urls_are_accepted(string url)
    {
        Assert.Empty(EvidenceRules.Check(Evidence(CycleStage.Goals, EvidenceType.ConceptDocument, url)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/docs/prikaz.pdf")]
    [InlineData("docs/prikaz.pdf")]
    [InlineData("ftp://uo.ru/prikaz.pdf")]
    [InlineData("file:///etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://")]
    [InlineData("https://uo.ru/a b.pdf")]
    public void Other_urls_are_refused_naming_the_field_and_value(string url)
    {
        var violation = Assert.Single(EvidenceRules.Check(Evidence(CycleStage.Goals, EvidenceType.ConceptDocument, url)));

        Assert.Equal("url", violation.Field);
        Assert.Equal(url, violation.Value);
    }

    [Fact]
    public void Empty_title_and_a_stage_outside_the_six_are_refused()
    {
        var evidence = Evidence(CycleStage.Closed, EvidenceType.ConceptDocument) with { Title = " " };

        Assert.Equal(["stage", "title"], EvidenceRules.Check(evidence).Select(v => v.Field));
    }
}
