using System.Text;
using EduQuality.Domain.Catalog;
using EduQuality.Domain.Cycle;
using EduQuality.Domain.Hierarchy;
using static EduQuality.Domain.Tests.Cycle.CycleBuilder;

namespace EduQuality.Domain.Tests.Cycle;

/// <summary>
/// Scoring against hand-checked cases from the criteria tables: source 003 «Критерии развития школьной системы
/// оценки качества образования… по направлению «Система оценки качества подготовки обучающихся»» (rows 1–17, both
/// columns) and source 001 App. 10, section «Система работы со школами с низкими образовательными результатами».
/// R1 has 14 positive criteria (003 rows 1–5, 7–9, 11–16; row 6, the justified refusal of procedures, applies only
/// when there are none and is not scored) and 2 negative ones (rows 10 and 17).
/// </summary>
public sealed class CriteriaTests
{
    private static readonly CriteriaChecklist Checklist =
        CriteriaChecklist.LoadShipped(IndicatorCatalog.LoadOrThrow().Directions.Select(d => d.Code).ToList());

    private static readonly IReadOnlySet<DataSignal> NoData = new HashSet<DataSignal>();

    [Fact]
    public void Shipped_checklist_has_the_R1_rows_of_003_and_the_A1_and_R2_rows_of_001_at_both_levels()
    {
        var municipal = Checklist.For("R1", OrganizationLevel.Municipality);
        Assert.Equal(16, municipal.Count);
        Assert.Equal(["R1.10", "R1.17"], municipal.Where(c => c.Negative).Select(c => c.Code));
        Assert.Equal(municipal.Select(c => c.Code), Checklist.For("R1", OrganizationLevel.School).Select(c => c.Code));
        Assert.Equal(8, Checklist.For("R2", OrganizationLevel.School).Count);
        Assert.Equal(11, Checklist.For("A1", OrganizationLevel.Municipality).Count);
        Assert.Equal("001 App.10 A1 row 3.1, school column", Checklist.For("A1", OrganizationLevel.School).Single(c => c.Code == "A1.3.1").Source);
        Assert.Empty(Checklist.For("R1", OrganizationLevel.Region));
    }

    [Fact]
    public void Municipality_with_only_its_MSOKO_regulation_meets_row_1()
    {
        // 003 row 1, municipal column: «Положение о МСОКО» evidences "учитывающей федеральные тенденции".
        var instance = At_(CycleStage.Goals);
        instance.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ConceptDocument));

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, instance.Key, instance, NoData);

        Assert.Equal(["R1.01"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal(14, assessment.PositiveTotal);
        Assert.Equal(1, assessment.Score);
        Assert.Equal(1 / 14.0, assessment.Maturity, 10);
    }

    [Fact]
    public void School_with_indicator_list_a_class_rating_and_results_data()
    {
        // 003 rows 7–9 (school column: «Утвержденный перечень показателей… Положение о ВСОКО») met by the list;
        // row 10 (school column: «рейтинг классов по среднему баллу ВПР») present, counting against;
        // rows 11 and 13 (monitoring of basic and high-level training) met by the period's results data;
        // row 12 (individualisation) needs the monitoring order and stays unmet; row 1 is met by the ШСОКО
        // regulation recorded when the goals stage was left.
        var instance = At_(CycleStage.Indicators, Key("S11"));
        instance.AddEvidence(Evidence(CycleStage.Indicators, EvidenceType.IndicatorList));
        instance.AddEvidence(Evidence(CycleStage.Indicators, EvidenceType.NegativeIndicator));

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, instance.Key, instance, new HashSet<DataSignal> { DataSignal.Results });

        Assert.Equal(["R1.01", "R1.07", "R1.08", "R1.09", "R1.10", "R1.11", "R1.13"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.True(assessment.Results.Single(r => r.Criterion.Code == "R1.11").ByData);
        Assert.Equal(6, assessment.PositiveMet);
        Assert.Equal(1, assessment.NegativePresent);
        Assert.Equal(5, assessment.Score);
        Assert.Equal(5 / 14.0, assessment.Maturity, 10);
    }

    [Fact]
    public void Municipality_with_each_stage_minimally_evidenced_and_a_negative_decision()
    {
        // The documents the stages require: МСОКО regulation (row 1), indicator list (rows 7–9), monitoring order
        // (rows 11–13), analytical report (row 14), address recommendations (row 15), decision (row 16) = 10 of 14;
        // rows 2–5 need the analytical justification of procedures. Row 17 (municipal column: «рейтинг школ по
        // среднему баллу ВПР» used for incentives) is present: 10 − 1 = 9.
        var instance = At_(CycleStage.Effectiveness);
        Complete(instance, CycleStage.Effectiveness);
        instance.AddEvidence(Evidence(CycleStage.Measures, EvidenceType.NegativeDecision));

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, instance.Key, instance, NoData);

        Assert.Equal(10, assessment.PositiveMet);
        Assert.Equal(["R1.02", "R1.03", "R1.04", "R1.05"], assessment.Results.Where(r => !r.Met && !r.Criterion.Negative).Select(r => r.Criterion.Code));
        Assert.Equal(9, assessment.Score);
        Assert.Equal(9 / 14.0, assessment.Maturity, 10);
    }

    [Fact]
    public void Justification_of_procedures_meets_rows_2_to_5_together()
    {
        // 003 rows 2–5 share one source cell: «Аналитическое обоснование… спецификация, кодификатор, демо-варианты, регламенты».
        var instance = At_(CycleStage.Goals);
        instance.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ProcedureJustification));

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, instance.Key, instance, NoData);

        Assert.Equal(["R1.02", "R1.03", "R1.04", "R1.05"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
    }

    [Fact]
    public void Negative_criteria_alone_floor_maturity_at_zero()
    {
        var instance = new CycleInstance(Key(), CycleStage.Measures, 1,
            [Evidence(CycleStage.Indicators, EvidenceType.NegativeIndicator), Evidence(CycleStage.Measures, EvidenceType.NegativeDecision)]);

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, instance.Key, instance, NoData);

        Assert.Equal(-2, assessment.Score);
        Assert.Equal(0, assessment.Maturity);
    }

    [Fact]
    public void R2_school_with_a_support_programme_and_recommendations_recorded()
    {
        // 001 App. 10, R2: row 1.3 (цели: «программа работы… со школами с низкими образовательными результатами»)
        // and row 4.6 (адресные рекомендации, met by the recommendations recorded in the system): 2 of 7 positive.
        var key = Key("S11", "R2");
        var instance = At_(CycleStage.Goals, key);
        instance.AddEvidence(Evidence(CycleStage.Goals, EvidenceType.ActionPlan));

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, key, instance, new HashSet<DataSignal> { DataSignal.Recommendations });

        Assert.Equal(["R2.1.3", "R2.4.6"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal(2 / 7.0, assessment.Maturity, 10);
    }

    [Fact]
    public void A1_monitoring_is_not_credited_to_a_municipality_that_uses_negative_indicators_but_is_to_a_school()
    {
        // 001 App. 10, «Система обеспечения объективности процедур ОКО», row 3.1: the municipal column says monitoring
        // by indicators with negative consequences «не оценивается», the school column «оценивается». Same documents:
        // a monitoring order and an indicator with negative consequences (row 2.4, counting against at both levels).
        var evidence = new[] { Evidence(CycleStage.Indicators, EvidenceType.NegativeIndicator), Evidence(CycleStage.Monitoring, EvidenceType.MonitoringOrder) };
        var municipality = new CycleInstance(Key("M1", "A1"), CycleStage.Monitoring, 1, evidence);
        var school = new CycleInstance(Key("S11", "A1"), CycleStage.Monitoring, 1, evidence);

        var municipal = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, municipality.Key, municipality, NoData);
        var atSchool = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, school.Key, school, NoData);

        Assert.Equal(["A1.2.4"], municipal.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal(["A1.2.4", "A1.3.1"], atSchool.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal((10, -1, 0.0), (municipal.PositiveTotal, municipal.Score, municipal.Maturity));
        Assert.Equal((10, 0, 0.0), (atSchool.PositiveTotal, atSchool.Score, atSchool.Maturity));
    }

    [Theory]
    [InlineData("A2", "Municipality", 20, 1)]
    [InlineData("A2", "School", 20, 1)]
    [InlineData("A3", "Municipality", 7, 0)]
    [InlineData("A3", "School", 6, 0)]
    [InlineData("A4", "Municipality", 10, 1)]
    [InlineData("A4", "School", 9, 1)]
    [InlineData("R3", "Municipality", 8, 1)]
    [InlineData("R3", "School", 8, 1)]
    [InlineData("R4", "Municipality", 10, 0)]
    [InlineData("R4", "School", 9, 0)]
    public void Shipped_checklist_has_the_remaining_directions_of_001_per_level(string direction, string level, int positive, int negative)
    {
        // 001 App. 10: A2 rows 1.1–1.11, 2.1, 3.1, 4.1, 6.1, 7.1, 7.2, 8.1, 9.1, 10.1 and negative row 5.1; A3 rows 1.1–1.4,
        // 3.1, section 4 and, municipal column only (the school cell is empty), row 2.1; A4 rows 1.1–1.6, 3.1, 5.1, 6.1,
        // municipal-only 4.1 and negative row 2.1; R3 rows 1.1, 1.2, 2.1, 2.2, 3.1–3.4 and the negative heading of
        // section 3; R4 rows 1.1–1.3, 2.1–7.1 and municipal-only 1.4 (no negative row).
        var criteria = Checklist.For(direction, Enum.Parse<OrganizationLevel>(level));

        Assert.Equal((positive, negative), (criteria.Count(c => !c.Negative), criteria.Count(c => c.Negative)));
        Assert.All(criteria, c => Assert.StartsWith("001 App.10 " + direction, c.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A2_municipality_with_a_roadmap_a_negative_indicator_and_decisions_recorded()
    {
        // 001 App. 10, «Система мониторинга эффективности руководителей ОУ»: a roadmap/complex of measures (action plan)
        // is the source cell of goals rows 1.1, 1.3, 1.4, 1.6–1.11, not of 1.2 (monitoring of heads' effectiveness) nor
        // 1.5 (schedule of that monitoring); row 5.1 (ineffective indicators or ones with negative consequences) counts
        // against; row 10.1 (measures raising heads' effectiveness) is met by the decisions recorded. 10 − 1 of 20.
        var key = Key("M1", "A2");
        var instance = new CycleInstance(key, CycleStage.Indicators, 0,
            [Evidence(CycleStage.Goals, EvidenceType.ActionPlan), Evidence(CycleStage.Indicators, EvidenceType.NegativeIndicator)]);

        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, key, instance, new HashSet<DataSignal> { DataSignal.Decisions });

        Assert.Equal(["A2.1.1", "A2.1.3", "A2.1.4", "A2.1.6", "A2.1.7", "A2.1.8", "A2.1.9", "A2.1.10", "A2.1.11", "A2.5.1", "A2.10.1"],
            assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal((10, 1, 9), (assessment.PositiveMet, assessment.NegativePresent, assessment.Score));
        Assert.Equal(9 / 20.0, assessment.Maturity, 10);
    }

    [Fact]
    public void A3_cycle_with_each_stage_minimally_evidenced_differs_by_level_on_row_2_1()
    {
        // 001 App. 10, «Система мониторинга качества повышения квалификации педагогов»: the documents each stage
        // requires meet row 1.4 (indicators reflecting the schools' specifics: the indicator list), row 3.1 (address
        // recommendations) and section 4 (decisions), not rows 1.1–1.3 (their sources are diagnostics schedules,
        // deficit reports and roadmaps, not a regulation). Row 2.1 (analytical materials) has a municipal cell only.
        var municipality = At_(CycleStage.Effectiveness, Key("M1", "A3"));
        var school = At_(CycleStage.Effectiveness, Key("S11", "A3"));

        var municipal = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, municipality.Key, municipality, NoData);
        var atSchool = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, school.Key, school, NoData);

        Assert.Equal(["A3.1.4", "A3.2.1", "A3.3.1", "A3.4.1"], municipal.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal(["A3.1.4", "A3.3.1", "A3.4.1"], atSchool.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal((4 / 7.0, 3 / 6.0), (municipal.Maturity, atSchool.Maturity));
    }

    [Fact]
    public void A4_and_R4_goals_met_by_a_regulation_or_a_programme()
    {
        // A4 (методическая работа) rows 1.1, 1.2 and 3.1 name the methodological service's regulation (concept
        // document): 3 of 10 at a municipality, 3 of 9 at a school. R4 (профориентация) rows 1.1–1.4 name programmes and
        // roadmaps (action plan); row 1.4 (work with enterprises) has a municipal cell only: 4 of 10 and 3 of 9.
        var a4 = new CycleInstance(Key("M1", "A4"), CycleStage.Goals, 0, [Evidence(CycleStage.Goals, EvidenceType.ConceptDocument)]);
        var r4 = new CycleInstance(Key("M1", "R4"), CycleStage.Goals, 0, [Evidence(CycleStage.Goals, EvidenceType.ActionPlan)]);

        var a4Municipal = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, a4.Key, a4, NoData);
        var a4School = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, a4.Key, a4, NoData);
        var r4Municipal = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.Municipality, r4.Key, r4, NoData);
        var r4School = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, r4.Key, r4, NoData);

        Assert.Equal(["A4.1.1", "A4.1.2", "A4.3.1"], a4Municipal.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal((3 / 10.0, 3 / 9.0), (a4Municipal.Maturity, a4School.Maturity));
        Assert.Equal(["R4.1.1", "R4.1.2", "R4.1.3", "R4.1.4"], r4Municipal.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal((4 / 10.0, 3 / 9.0), (r4Municipal.Maturity, r4School.Maturity));
    }

    [Fact]
    public void R3_cycle_never_started_meets_its_recommendation_and_decision_rows_from_data()
    {
        // 001 App. 10, «Система развития таланта»: row 3.3 (recommendations to heads, teachers, parents) and row 3.4
        // (the order for teachers' training) are met by what is recorded in the system: 2 of 8.
        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, Key("S11", "R3"), null,
            new HashSet<DataSignal> { DataSignal.Recommendations, DataSignal.Decisions, DataSignal.Results });

        Assert.Equal(["R3.3.3", "R3.3.4"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
        Assert.Equal(2 / 8.0, assessment.Maturity, 10);
    }

    [Fact]
    public void A_cycle_never_started_meets_only_data_criteria()
    {
        var assessment = CriteriaEvaluator.Evaluate(Checklist, OrganizationLevel.School, Key("S12"), null, new HashSet<DataSignal> { DataSignal.Results });

        Assert.Equal(["R1.11", "R1.13"], assessment.Results.Where(r => r.Met).Select(r => r.Criterion.Code));
    }

    [Fact]
    public void Bad_checklist_is_refused_naming_entry_field_and_value()
    {
        const string json = """
            { "description": "x", "criteria": [
              { "code": "X1", "direction": "Z9", "stage": "goals", "textRu": "т", "source": "s", "evidence": ["actionPlan"] },
              { "code": "X1", "direction": "R1", "stage": "notStarted", "textRu": "т", "source": "s", "evidence": [] }
            ] }
            """;

        var error = Assert.Throws<InvalidDataException>(() =>
            CriteriaChecklist.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json", ["R1"]));

        Assert.Contains("test.json: criteria[0].direction = 'Z9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("criteria[1].code = 'X1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("criteria[1].stage = 'NotStarted'", error.Message, StringComparison.Ordinal);
        Assert.Contains("criteria[1].evidence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_evidence_type_is_refused()
    {
        const string json = """{ "description": "x", "criteria": [ { "code": "X1", "direction": "R1", "stage": "goals", "textRu": "т", "source": "s", "evidence": ["actionPlna"] } ] }""";

        Assert.Throws<InvalidDataException>(() => CriteriaChecklist.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json", ["R1"]));
    }
}
