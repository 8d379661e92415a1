using EduQuality.Domain.Analysis.Indicators;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Hierarchy;
using EduQuality.Domain.Summaries;

namespace EduQuality.Analysis.Tests.Indicators;

/// <summary>
/// Indicator values on hand-made data. School A wrote ВПР mathematics grade 5 (10 participants: 2 lowered, 6 confirmed,
/// 2 raised against the term mark); school B ВПР Russian grade 6 (30: 3 lowered, 24 confirmed, 3 raised). Their
/// municipality pools them: 30 confirmed of 40 = 75 %, not the 70 % an average of 60 % and 80 % would give.
/// </summary>
public sealed class IndicatorEvaluatorTests
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.LoadOrThrow();
    private static readonly IndicatorEvaluator Evaluator = new(Catalog);
    private static readonly Dictionary<string, double> None = [];

    [Fact]
    public void A_share_is_pooled_counts_over_pooled_counts_at_every_level()
    {
        var a = Measures("A", OrganizationLevel.School, 2025, Journal("MA", 5, 2, 6, 2));
        var b = Measures("B", OrganizationLevel.School, 2025, Journal("RU", 6, 3, 24, 3));
        var municipality = Measures("M", OrganizationLevel.Municipality, 2025, Pooled(a, b));

        var atA = Evaluator.Evaluate(Definition("A1-T1"), [a], municipality, []);
        var atM = Evaluator.Evaluate(Definition("A1-T1"), [municipality], null, []);

        Assert.Equal((EvaluationStatus.Computed, 60.0, 6.0, 10.0), (atA.Status, atA.Value!.Value, atA.Numerator!.Value, atA.Denominator!.Value));
        Assert.Equal((75.0, 30.0, 40.0), (atM.Value!.Value, atM.Numerator!.Value, atM.Denominator!.Value));
        Assert.Equal(75.0, atA.ParentValue);
        Assert.Equal(-15.0, atA.DifferenceFromParent);
        Assert.Null(atM.ParentValue);
    }

    [Fact]
    public void A_mean_is_the_pooled_score_sum_over_the_pooled_participants()
    {
        var set = new SummarySet();
        Add(set, new SliceKey(ProcedureKind.Oge, "RU", 9, "9А"), 4, score: 20);
        Add(set, new SliceKey(ProcedureKind.Oge, "RU", 9, "9Б"), 1, score: 10);

        var value = Evaluator.Evaluate(Definition("R1-S1"), [Measures("A", OrganizationLevel.School, 2025, set)], null, []);

        Assert.Equal(18.0, value.Value);
        Assert.Equal((90.0, 5.0), (value.Numerator!.Value, value.Denominator!.Value));
    }

    [Fact]
    public void Dynamics_respect_whether_higher_is_better()
    {
        // Confirmed 6 of 10 → 7 of 10 (higher is better: improved); raised 2 of 10 → 1 of 10 (lower is better: improved).
        var series = new[]
        {
            Measures("A", OrganizationLevel.School, 2023, Journal("MA", 5, 2, 6, 2)),
            Measures("A", OrganizationLevel.School, 2024, new SummarySet()),
            Measures("A", OrganizationLevel.School, 2025, Journal("MA", 5, 2, 7, 1)),
        };

        var confirmed = Evaluator.Evaluate(Definition("A1-T1"), series, null, []);
        var raised = Evaluator.Evaluate(Definition("A1-T2"), series, null, []);
        var worse = Evaluator.Evaluate(Definition("A1-T1"), [series[2], series[0]], null, []);

        Assert.Equal([60.0, null, 70.0], confirmed.Series.Select(v => v.Value));
        Assert.Equal(IndicatorDynamics.Improved, confirmed.Dynamics);
        Assert.Equal([20.0, null, 10.0], raised.Series.Select(v => v.Value));
        Assert.Equal(IndicatorDynamics.Improved, raised.Dynamics);
        Assert.Equal(IndicatorDynamics.Worsened, worse.Dynamics);
        Assert.Equal(IndicatorDynamics.Unchanged, Evaluator.Evaluate(Definition("A1-T1"), [series[0], series[0]], null, []).Dynamics);
    }

    [Fact]
    public void Reference_values_of_the_year_give_the_differences()
    {
        var municipality = Measures("M", OrganizationLevel.Municipality, 2025, Journal("RU", 6, 3, 24, 3));
        ReferenceValue[] references =
        [
            new("A1-T1", 2025, ReferenceLevel.Regional, 70),
            new("A1-T1", 2025, ReferenceLevel.Federal, 85),
            new("A1-T1", 2024, ReferenceLevel.Federal, 10),
        ];

        var value = Evaluator.Evaluate(Definition("A1-T1"), [municipality], null, references);

        Assert.Equal(80.0, value.Value);
        Assert.Equal((70.0, 10.0), (value.RegionalReference!.Value, value.DifferenceFromRegional!.Value));
        Assert.Equal((85.0, -5.0), (value.FederalReference!.Value, value.DifferenceFromFederal!.Value));
    }

    [Fact]
    public void An_indicator_not_computed_from_results_takes_its_reported_value_or_has_no_data()
    {
        var reported = Measures("M", OrganizationLevel.Municipality, 2025, new SummarySet()) with { Reported = new Dictionary<string, double> { ["NOR-T3"] = 55 } };
        var without = Measures("M", OrganizationLevel.Municipality, 2025, new SummarySet());

        var met = Evaluator.Evaluate(Definition("NOR-T3"), [reported], null, []);
        var missing = Evaluator.Evaluate(Definition("NOR-T3"), [without], null, []);

        Assert.Equal((EvaluationStatus.Reported, 55.0, true), (met.Status, met.Value!.Value, met.TargetMet!.Value));
        Assert.Equal(EvaluationStatus.NoData, missing.Status);
        Assert.Null(missing.Value);
        Assert.Null(missing.TargetMet);
        Assert.Equal(IndicatorDynamics.Unknown, missing.Dynamics);
    }

    [Fact]
    public void Measures_counted_from_context_data_are_pooled_counts_too()
    {
        var municipality = Measures("M", OrganizationLevel.Municipality, 2025, new SummarySet()) with
        {
            Counts = new Dictionary<string, double> { ["teachers.count"] = 40, ["teachers.diagnosed.count"] = 18 },
        };

        var value = Evaluator.Evaluate(Definition("NOR-T3"), [municipality], null, []);

        Assert.Equal((EvaluationStatus.Computed, 45.0, false), (value.Status, value.Value!.Value, value.TargetMet!.Value));
    }

    [Fact]
    public void A_share_without_participants_is_no_data_not_zero()
    {
        var value = Evaluator.Evaluate(Definition("A1-T1"), [Measures("A", OrganizationLevel.School, 2025, new SummarySet())], null, []);

        Assert.Equal(EvaluationStatus.NoData, value.Status);
        Assert.Null(value.Value);
    }

    [Fact]
    public void List_shares_count_the_listed_schools_of_the_subtree()
    {
        var region = Measures("R", OrganizationLevel.Region, 2025, new SummarySet()) with { Schools = 12, Shnor = 3, Shnsu = 4 };

        var values = Evaluator.Evaluate([region], null, [], direction: null).ToDictionary(v => v.Definition.Code);

        Assert.Equal(25.0, values["ШНОР-S"].Value);
        Assert.Equal(100.0 / 3, values["ШНСУ-S"].Value!.Value, 9);
        Assert.DoesNotContain("ШНОР-1", values.Keys);
    }

    private static IndicatorDefinition Definition(string code) => Catalog.Indicators.Single(d => d.Code == code);

    private static OrganizationMeasures Measures(string code, OrganizationLevel level, int year, SummarySet set) =>
        new(code, level, year, set, null, null, null, null, None, None);

    private static SummarySet Pooled(params OrganizationMeasures[] schools)
    {
        var set = new SummarySet();
        foreach (var school in schools)
        {
            set.Merge(school.Summaries!.WholeOrganization(), 1);
        }

        return set;
    }

    private static SummarySet Journal(string subject, int grade, int lowered, int confirmed, int raised)
    {
        var set = new SummarySet();
        var slice = new SliceKey(ProcedureKind.Vpr, subject, grade, "");
        Add(set, slice, lowered, termComparison: -1);
        Add(set, slice, confirmed, termComparison: 0);
        Add(set, slice, raised, termComparison: 1);
        return set;
    }

    private static void Add(SummarySet set, SliceKey slice, int count, int score = 10, int? termComparison = null)
    {
        for (var i = 0; i < count; i++)
        {
            set.Apply(slice, new ResultFacts { Score = score, Mark = 3, HighScorer = false, TermComparison = termComparison }, 1);
        }
    }
}
