using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;

namespace EduQuality.Domain.Tests.Catalog;

public sealed class CatalogVocabularyTests
{
    private static CatalogVocabulary Vocabulary => IndicatorCatalog.Vocabulary;

    [Fact]
    public void Every_assessment_procedure_kind_has_a_catalogue_procedure()
    {
        var linked = Vocabulary.Procedures.Values.Where(p => p.Kind is not null).ToDictionary(p => p.Kind!.Value, p => p.Code);

        Assert.Equal(Enum.GetValues<ProcedureKind>().Order(), linked.Keys.Order());
        Assert.Equal("Vpr", linked[ProcedureKind.Vpr]);
        Assert.Equal("RegionalDiagnostic", linked[ProcedureKind.RegionalDiagnostic]);
    }

    [Fact]
    public void Measures_name_only_known_procedures()
    {
        Assert.All(Vocabulary.Measures.Values, m => Assert.All(m.Procedures, p => Assert.Contains(p, Vocabulary.Procedures.Keys)));
    }

    [Theory]
    [InlineData("vpr.mark2.count", MeasureRole.Count, MeasureRequirement.None)]
    [InlineData("vpr.mark.sum", MeasureRole.Sum, MeasureRequirement.None)]
    [InlineData("ege.highScorers.count", MeasureRole.Count, MeasureRequirement.None)]
    [InlineData("teachers.diagnosed.count", MeasureRole.Count, MeasureRequirement.None)]
    [InlineData("schools.withEvidence.count", MeasureRole.Count, MeasureRequirement.Evidence)]
    [InlineData("schools.positiveDynamics.count", MeasureRole.Count, MeasureRequirement.DynamicsOf)]
    [InlineData("results.score.histogram", MeasureRole.Distribution, MeasureRequirement.None)]
    [InlineData("term.mark.byStudent", MeasureRole.Variable, MeasureRequirement.None)]
    public void Measures_have_their_role(string code, MeasureRole role, MeasureRequirement requires)
    {
        var measure = Vocabulary.Measures[code];

        Assert.Equal((role, requires), (measure.Role, measure.Requires));
        Assert.False(string.IsNullOrWhiteSpace(measure.Description));
    }

    [Fact]
    public void A_measure_without_procedures_fits_any_indicator()
    {
        Assert.True(Vocabulary.Measures["students.count"].FitsAny(["Vpr"]));
        Assert.True(Vocabulary.Measures["gia.belowMinimum.count"].FitsAny(["Vpr", "Ege"]));
        Assert.False(Vocabulary.Measures["gia.belowMinimum.count"].FitsAny(["Vpr"]));
    }

    [Fact]
    public void Terms_carry_russian_and_english_names()
    {
        var terms = Vocabulary.Systems.Values.Concat(Vocabulary.EvidenceTypes.Values).Concat(Vocabulary.Populations.Values);

        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.NameRu) || string.IsNullOrWhiteSpace(t.NameEn)));
        Assert.Equal("ФИС ОКО (база результатов ВПР)", Vocabulary.Systems["FisOko"].NameRu);
        Assert.Contains(CatalogVocabulary.AllPopulation, Vocabulary.Populations.Keys);
    }
}
