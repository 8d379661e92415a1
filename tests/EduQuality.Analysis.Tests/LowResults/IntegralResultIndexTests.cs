using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Analysis.Tests.LowResults;

public sealed class IntegralResultIndexTests
{
    private const int Year = 2024;

    /// <summary>
    /// ВПР MA grade 4: A scores 10 and 10 (two classes), B 20 and 20, C 30 and 30 → all students: mean 20, SD √(400/6).
    /// ОГЭ RU grade 9: A 15, B 25 and 35, C 25 → all students: mean 25, SD √50.
    /// </summary>
    private static readonly SchoolYearResults[] Results =
    [
        Results_("A", (ProcedureKind.Vpr, "MA", 4, "4А", 10), (ProcedureKind.Vpr, "MA", 4, "4Б", 10), (ProcedureKind.Oge, "RU", 9, "", 15)),
        Results_("B", (ProcedureKind.Vpr, "MA", 4, "4А", 20), (ProcedureKind.Vpr, "MA", 4, "4А", 20), (ProcedureKind.Oge, "RU", 9, "", 25), (ProcedureKind.Oge, "RU", 9, "", 35)),
        Results_("C", (ProcedureKind.Vpr, "MA", 4, "4А", 30), (ProcedureKind.Vpr, "MA", 4, "4А", 30), (ProcedureKind.Oge, "RU", 9, "", 25)),
    ];

    [Fact]
    public void School_means_are_standardised_against_all_students_of_the_work()
    {
        var table = WorkScoreTable.Build(Results, maximum: w => w.Procedure == ProcedureKind.Vpr ? 40 : 50);

        var vpr = new WorkKey(Year, ProcedureKind.Vpr, "MA", 4);
        Assert.Equal(20, table.Norm(vpr)!.Mean, 12);
        Assert.Equal(Math.Sqrt(400.0 / 6), table.Norm(vpr)!.StandardDeviation, 12);
        var a = table.For("A", Year).Single(w => w.Work == vpr);
        Assert.Equal(2, a.Participants);
        Assert.Equal(-Math.Sqrt(1.5), a.Z, 12);         // (10 − 20) / √(400/6)
        Assert.Equal(25, a.PercentOfMaximum!.Value, 12); // 10 of 40
        Assert.Equal(2, a.LowResults);                   // both marked «2»
        var oge = table.For("B", Year).Single(w => w.Work.Procedure == ProcedureKind.Oge);
        Assert.Equal(Math.Sqrt(0.5), oge.Z, 12);        // (30 − 25) / √50
    }

    [Fact]
    public void Integral_is_the_mean_of_procedure_parts_weighted_by_participants_within_a_procedure()
    {
        var table = WorkScoreTable.Build(Results);
        var integrals = IntegralResultIndex.ComputeAll(table, new IntegralResultOptions { MinParticipants = 1 });

        // A: (ВПР −√1.5 + ОГЭ −√2) / 2; B: (0 + √0.5) / 2; C: (√1.5 + 0) / 2.
        Assert.Equal((-Math.Sqrt(1.5) - Math.Sqrt(2)) / 2, integrals[Year]["A"].Value, 12);
        Assert.Equal(Math.Sqrt(0.5) / 2, integrals[Year]["B"].Value, 12);
        Assert.Equal(Math.Sqrt(1.5) / 2, integrals[Year]["C"].Value, 12);
        Assert.Equal(3, integrals[Year]["A"].Participants);
        Assert.Equal([ProcedureKind.Vpr, ProcedureKind.Oge], integrals[Year]["A"].Procedures.Select(p => p.Procedure));
    }

    [Fact]
    public void Procedures_weights_and_minimum_participants_are_configurable()
    {
        var table = WorkScoreTable.Build(Results);

        var vprOnly = IntegralResultIndex.ComputeAll(table, new IntegralResultOptions
        {
            ProcedureWeights = new Dictionary<ProcedureKind, double> { [ProcedureKind.Vpr] = 1 },
            MinParticipants = 1,
        });
        var ogeTwice = IntegralResultIndex.Compute(table, "A", Year, new IntegralResultOptions
        {
            ProcedureWeights = new Dictionary<ProcedureKind, double> { [ProcedureKind.Vpr] = 1, [ProcedureKind.Oge] = 2 },
            MinParticipants = 1,
        });
        var atLeastFour = IntegralResultIndex.ComputeAll(table, new IntegralResultOptions { MinParticipants = 4 });

        Assert.Equal(-Math.Sqrt(1.5), vprOnly[Year]["A"].Value, 12);
        Assert.Equal((-Math.Sqrt(1.5) - (2 * Math.Sqrt(2))) / 3, ogeTwice!.Value, 12);
        Assert.Equal(["B"], atLeastFour[Year].Keys);
    }

    [Fact]
    public void School_means_standardisation_uses_the_spread_of_school_means()
    {
        var table = WorkScoreTable.Build(Results, IntegralStandardisation.SchoolMeans);

        // ОГЭ school means 15, 30, 25: mean 70/3, population SD √(350/9).
        var a = table.For("A", Year).Single(w => w.Work.Procedure == ProcedureKind.Oge);
        Assert.Equal((15 - (70.0 / 3)) / Math.Sqrt(350.0 / 9), a.Z, 12);
    }

    private static SchoolYearResults Results_(string school, params (ProcedureKind Procedure, string Subject, int Grade, string Class, int Score)[] rows)
    {
        var set = new SummarySet();
        foreach (var row in rows)
        {
            var mark = row.Score < 15 ? 2 : 4;
            set.Apply(new SliceKey(row.Procedure, row.Subject, row.Grade, row.Class), new ResultFacts
            {
                Score = row.Score,
                Mark = mark,
                BelowMinimum = mark < 3,
                HighScorer = false,
            }, 1);
        }

        return new SchoolYearResults(school, Year, set);
    }
}
