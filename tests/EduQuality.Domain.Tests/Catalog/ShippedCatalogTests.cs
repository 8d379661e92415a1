using EduQuality.Domain.Catalog;
using EduQuality.Domain.Hierarchy;

namespace EduQuality.Domain.Tests.Catalog;

public sealed class ShippedCatalogTests
{
    private static readonly IndicatorCatalog Shipped = IndicatorCatalog.LoadOrThrow();

    [Fact]
    public void Shipped_catalogue_has_no_violations()
    {
        Assert.Empty(IndicatorCatalog.LoadShipped().Validate());
    }

    [Fact]
    public void Shipped_files_are_the_directions_and_the_indicator_files_by_direction()
    {
        Assert.Equal(
            [
                "directions.json", "indicators-A1.json", "indicators-A2.json", "indicators-A3.json", "indicators-A4.json",
                "indicators-A5.json", "indicators-R1.json", "indicators-R2-norilsk-teachers.json", "indicators-R2-norilsk.json",
                "indicators-R2.json",
                "indicators-R3.json", "indicators-R4.json",
            ],
            IndicatorCatalog.ShippedFiles);
    }

    [Fact]
    public void Has_the_nine_directions_in_two_groups()
    {
        Assert.Equal(["R1", "R2", "R3", "R4", "A1", "A2", "A3", "A4", "A5"], Shipped.Directions.Select(d => d.Code));
        Assert.Equal(4, Shipped.Directions.Count(d => d.Group == DirectionGroup.Results));
        Assert.Equal(5, Shipped.Directions.Count(d => d.Group == DirectionGroup.Activities));
        Assert.All(Shipped.Directions, d => Assert.True(d.Enabled));
    }

    [Fact]
    public void Every_direction_has_at_least_one_indicator()
    {
        Assert.All(Shipped.Directions, d => Assert.NotEmpty(Shipped.IndicatorsOf(d.Code)));
    }

    [Fact]
    public void Directions_name_their_source_documents()
    {
        var r2 = Shipped.FindDirection("R2")!;
        Assert.Equal(["000", "001", "002", "003", "004"], r2.Sources.Select(s => s.Document));
        Assert.Equal(SourceCoverage.Full, r2.Sources.Single(s => s.Document == "004").Coverage);
        Assert.Equal("Система развития таланта", Shipped.FindDirection("R3")!.Sources.Single(s => s.Document == "001").NameRu);
        Assert.Equal(["001", "002"], Shipped.FindDirection("A5")!.Sources.Select(s => s.Document));
    }

    [Fact]
    public void Every_indicator_cites_one_of_the_five_source_documents()
    {
        string[] documents = ["000", "001", "002", "003", "004"];
        Assert.All(Shipped.Indicators, i => Assert.All(i.Sources, s => Assert.Contains(s.Document, documents)));
    }

    [Fact]
    public void High_scorer_share_is_high_scorers_over_graduates()
    {
        var indicator = Shipped.Find("ШНОР-1")!;

        Assert.Equal("R2", indicator.Direction);
        Assert.Equal(IndicatorKind.Share, indicator.Kind);
        Assert.Equal("ege.highScorers.count", indicator.Formula.Numerator);
        Assert.Equal("ege.graduates.count", indicator.Formula.Denominator);
        Assert.Equal(IndicatorUnit.Percent, indicator.Unit);
        Assert.Equal(["Ege"], indicator.Procedures);
        Assert.Equal(IndicatorRollup.Pooled, indicator.Rollup);
        Assert.True(indicator.HigherIsBetter);
        Assert.Equal(Explicitness.Explicit, indicator.Explicitness);
        Assert.Contains("× 100", indicator.Sources[0].Section);
    }

    [Theory]
    [InlineData("ШНОР-2", "gia.belowMinimum.count", "gia.minimumKnown.count", false, Explicitness.Reconstructed)]
    [InlineData("ШНОР-3", "vpr.mark2.count", "students.count", false, Explicitness.Reconstructed)]
    [InlineData("ШНОР-T1", "teachers.diagnosed.count", "teachers.count", true, Explicitness.Explicit)]
    [InlineData("ШНОР-T2", "teachers.pdByRequest.count", "teachers.count", true, Explicitness.Explicit)]
    [InlineData("ШНСУ-1", "students.registeredOdnKdn.count", "students.count", false, Explicitness.Explicit)]
    public void Ishimbay_table_keeps_its_formulas(string code, string numerator, string denominator, bool higherIsBetter, Explicitness explicitness)
    {
        var indicator = Shipped.Find(code)!;

        Assert.Equal((numerator, denominator), (indicator.Formula.Numerator, indicator.Formula.Denominator));
        Assert.Equal(higherIsBetter, indicator.HigherIsBetter);
        Assert.Equal(explicitness, indicator.Explicitness);
        Assert.Equal("002", indicator.Sources[0].Document);
    }

    [Fact]
    public void Ishimbay_table_is_complete()
    {
        string[] codes =
        [
            "ШНОР-S", "ШНОР-1", "ШНОР-2", "ШНОР-3", "ШНОР-4", "ШНОР-5", "ШНСУ-S", "ШНСУ-IDX",
            "ШНСУ-1", "ШНСУ-2", "ШНСУ-3", "ШНСУ-4", "ШНСУ-5", "ШНСУ-6", "ШНСУ-7", "ШНСУ-8", "ШНСУ-9",
            "ШНОР-D1", "ШНОР-D2", "ШНОР-D2N", "ШНОР-D3", "ШНОР-T1", "ШНОР-T2", "ШНОР-T3", "ШНОР-T4", "ШНОР-T5",
        ];

        Assert.All(codes, code => Assert.Equal("R2", Shipped.Find(code)?.Direction));
        Assert.Equal(IndicatorKind.Correlation, Shipped.Find("ШНОР-4")!.Kind);
        Assert.Equal(9, Shipped.Find("ШНСУ-IDX")!.Formula.Components.Count);
        Assert.Equal(OrganizationLevel.Region, Shipped.Find("ШНОР-D1")!.Levels.Single());
    }

    [Theory]
    [InlineData("NOR-P1", 100)]
    [InlineData("NOR-P5", 20)]
    [InlineData("NOR-P6", 20)]
    [InlineData("NOR-R1", 20)]
    [InlineData("NOR-R7", 20)]
    [InlineData("NOR-T1", 100)]
    [InlineData("NOR-T3", 50)]
    [InlineData("NOR-M1", 100)]
    [InlineData("NOR-M6", 30)]
    [InlineData("NOR-M7", 20)]
    [InlineData("NOR-A3", 100)]
    [InlineData("NOR-S1", 20)]
    public void Norilsk_targets_are_at_least_the_programme_values(string code, int value)
    {
        var target = Shipped.Find(code)!.Target!;

        Assert.Equal(new IndicatorTarget(value, TargetComparator.AtLeast), target);
        Assert.True(target.IsMetBy(value));
        Assert.False(target.IsMetBy(value - 0.1m));
    }

    [Fact]
    public void Norilsk_interregional_participation_has_a_yes_target()
    {
        var indicator = Shipped.Find("NOR-X1")!;

        Assert.Equal(IndicatorKind.Presence, indicator.Kind);
        Assert.Equal(new IndicatorTarget(null, TargetComparator.Yes), indicator.Target);
        Assert.True(indicator.Target!.IsMetBy(true));
        Assert.False(indicator.Target.IsMetBy(false));
    }

    [Fact]
    public void Norilsk_target_values_are_the_five_of_the_source()
    {
        var norilsk = Shipped.Indicators.Where(i => i.Code.StartsWith("NOR-", StringComparison.Ordinal) && i.Target is not null).ToList();

        Assert.Equal([20m, 30m, 50m, 100m], norilsk.Where(i => i.Target!.Value is not null).Select(i => i.Target!.Value!.Value).Distinct().Order());
        Assert.Single(norilsk, i => i.Target!.Comparator == TargetComparator.Yes);
        Assert.Equal(33, norilsk.Count);
    }

    [Fact]
    public void Norilsk_teacher_diagnostics_pools_teachers_of_the_target_schools()
    {
        var indicator = Shipped.Find("NOR-T3")!;

        Assert.Equal(("teachers.diagnosed.count", "teachers.count"), (indicator.Formula.Numerator, indicator.Formula.Denominator));
        Assert.Equal("targetSchools", indicator.Population);
        Assert.Equal(IndicatorRollup.Pooled, indicator.Rollup);
        Assert.Equal(PeriodicityFrequency.SeveralPerYear, indicator.Periodicity.Frequency);
        Assert.Equal([6, 2], indicator.Periodicity.Months);
    }

    [Fact]
    public void Norilsk_positive_dynamics_names_subject_grade_and_measure()
    {
        var reading4 = Shipped.Find("NOR-R5")!;

        Assert.Equal("schools.positiveDynamics.count", reading4.Formula.Numerator);
        Assert.Equal("R1-M1", reading4.Formula.DynamicsOf);
        Assert.Equal(["RL"], reading4.Subjects);
        Assert.Equal([4], reading4.Grades);
        Assert.Equal(["RegionalDiagnostic"], reading4.Procedures);
        Assert.Equal(["MA"], Shipped.Find("NOR-R1")!.Subjects);
    }

    [Theory]
    [InlineData("NEG-1", IndicatorKind.Mean, "vpr.mark.sum")]
    [InlineData("NEG-2", IndicatorKind.Share, "vpr.mark4or5.count")]
    [InlineData("NEG-3", IndicatorKind.Share, "students.marks4or5.count")]
    [InlineData("NEG-4", IndicatorKind.Share, "students.noFailingMarks.count")]
    public void Forbidden_ratings_are_flagged_and_have_no_target(string code, IndicatorKind kind, string numerator)
    {
        var indicator = Shipped.Find(code)!;

        Assert.True(indicator.NegativeConsequence);
        Assert.Null(indicator.Target);
        Assert.Equal(kind, indicator.Kind);
        Assert.Equal(numerator, indicator.Formula.Numerator);
    }

    [Fact]
    public void Only_the_forbidden_ratings_carry_negative_consequences()
    {
        Assert.Equal(["NEG-1", "NEG-2", "NEG-3", "NEG-4"], Shipped.Indicators.Where(i => i.NegativeConsequence).Select(i => i.Code));
    }

    [Fact]
    public void Upbringing_direction_has_only_the_programme_indicators()
    {
        Assert.Equal(["A5-1", "PROG-A5"], Shipped.IndicatorsOf("A5").Select(i => i.Code));
    }

    [Fact]
    public void Counts_are_stable()
    {
        Assert.Equal(
            [("R1", 17), ("R2", 66), ("R3", 8), ("R4", 14), ("A1", 20), ("A2", 14), ("A3", 5), ("A4", 6), ("A5", 2)],
            Shipped.Directions.Select(d => (d.Code, Shipped.IndicatorsOf(d.Code).Count)));
        Assert.Equal(152, Shipped.Indicators.Count);
        Assert.Equal(33, Shipped.Indicators.Count(i => i.Target is not null));
        Assert.Equal(Shipped.Indicators.Count, Shipped.ActiveIndicators.Count);
    }
}
