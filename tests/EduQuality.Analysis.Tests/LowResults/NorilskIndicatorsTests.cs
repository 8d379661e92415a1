using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Catalog;
using Xunit.Abstractions;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class NorilskIndicatorsTests(ITestOutputHelper output)
{
    private static readonly IndicatorCatalog Catalog = IndicatorCatalog.LoadOrThrow();

    [Fact]
    public void Results_indicators_are_computed_for_the_target_group_of_the_previous_list()
    {
        var data = DemoLowResultsData.ForSeed(20251);
        var report = LowResultsIdentification.Run(data.Input);

        var values = NorilskIndicators.Compute(report, Catalog);

        foreach (var value in values.Where(v => v.Scope == NorilskIndicators.RegionScope && v.Status == IndicatorStatus.Computed).OrderBy(v => v.Year))
        {
            output.WriteLine($"{value.Year} {value.Code,-9} {value.Value,7:F1} ({value.Numerator}/{value.Denominator}) target {value.Target?.ToString() ?? "—"} "
                + $"met {value.TargetMet?.ToString() ?? "—"}: {value.NoteEn}");
        }

        var r1 = values.Single(v => v.Code == "NOR-R1" && v.Year == 2025 && v.Scope == NorilskIndicators.RegionScope);
        Assert.Equal(IndicatorStatus.Computed, r1.Status);
        Assert.Equal(new IndicatorTarget(20, TargetComparator.AtLeast), r1.Target);
        var (numerator, denominator) = RecomputeOgeMathematics(report, 2024, 2025);
        Assert.Equal(numerator, r1.Numerator);
        Assert.Equal(denominator, r1.Denominator);
        Assert.Equal(100.0 * numerator / denominator, r1.Value!.Value, 9);
        Assert.Equal(r1.Value >= 20, r1.TargetMet);

        var e1 = values.Single(v => v.Code == "NOR-E1" && v.Year == 2025 && v.Scope == NorilskIndicators.RegionScope);
        Assert.Equal(100.0 * report.Latest!.Shnor.Count / report.Profiles.Count, e1.Value!.Value, 9);
        foreach (var code in new[] { "NOR-R2", "NOR-R3", "NOR-R4", "NOR-E3", "NOR-E4", "ШНОР-D2", "ШНОР-D2N", "ШНСУ-S" })
        {
            Assert.Equal(IndicatorStatus.Computed, values.Single(v => v.Code == code && v.Year == 2025 && v.Scope == NorilskIndicators.RegionScope).Status);
        }

        // No КДР in the demo: the krai diagnostic indicators are computable in principle but have no data.
        foreach (var code in new[] { "NOR-R5", "NOR-R6", "NOR-R7" })
        {
            Assert.Equal(IndicatorStatus.NoData, values.Single(v => v.Code == code && v.Year == 2025 && v.Scope == NorilskIndicators.RegionScope).Status);
        }

        Assert.DoesNotContain(values, v => v.Year == 2023 && v.Code.StartsWith("NOR-R", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_other_norilsk_indicator_is_reported_as_needing_other_data()
    {
        var data = DemoLowResultsData.ForSeed(20251);
        var report = LowResultsIdentification.Run(data.Input);

        var values = NorilskIndicators.Compute(report, Catalog).Where(v => v.Year == 2025).ToList();

        var norilsk = Catalog.ActiveIndicators.Where(d => d.Code.StartsWith("NOR-", StringComparison.Ordinal)).Select(d => d.Code).ToList();
        var other = values.Where(v => v.Status == IndicatorStatus.NeedsOtherData).Select(v => v.Code).ToHashSet();
        Assert.All(norilsk, code => Assert.True(NorilskIndicators.ComputedCodes.Contains(code) || other.Contains(code), code));
        Assert.Contains("NOR-T3", other);
        Assert.Contains("NOR-P1", other);
        Assert.Contains("NOR-M1", other);
        var t3 = values.Single(v => v.Code == "NOR-T3");
        Assert.Contains("Диагностика профессиональных дефицитов", t3.NoteRu);
        output.WriteLine($"needs other data ({other.Count}): {string.Join(", ", other.Order(StringComparer.Ordinal))}");
    }

    /// <summary>NOR-R1 by hand: ОГЭ mathematics, standardised mean up from the previous year, over the previous list's target group.</summary>
    private static (long Numerator, long Denominator) RecomputeOgeMathematics(LowResultsReport report, int previous, int year)
    {
        long positive = 0, comparable = 0;
        foreach (var school in report.ListsOf(previous)!.Codes(ListKind.Target))
        {
            double? Mean(int y)
            {
                var works = report.Table.For(school, y).Where(w => w.Work.Procedure == ProcedureKind.Oge && w.Work.Subject == "MA").ToList();
                var n = works.Sum(w => w.Participants);
                return n == 0 ? null : works.Sum(w => w.Participants * w.Z) / n;
            }

            if (Mean(year) is { } now && Mean(previous) is { } before)
            {
                comparable++;
                positive += now > before ? 1 : 0;
            }
        }

        return (positive, comparable);
    }
}
