namespace EduQuality.Demo.Tests;

public sealed class CohortTests(SmallRegionFixture region) : IClassFixture<SmallRegionFixture>
{
    [Fact]
    public void A_grade_4_class_of_2023_writes_grade_5_in_2024_and_grade_6_in_2025_under_the_same_codes()
    {
        var grade4 = Codes("Vpr", 2023, 4);
        var grade5 = Codes("Vpr", 2024, 5);
        var grade6 = Codes("Vpr", 2025, 6);

        Assert.True(grade4.Count > 400, $"{grade4.Count} fourth-graders");
        Assert.True(grade4.Intersect(grade5).Count() >= 0.99 * grade4.Count);
        Assert.True(grade4.Intersect(grade6).Count() >= 0.99 * grade4.Count);
        Assert.Empty(grade4.Intersect(Codes("Vpr", 2023, 5)));
    }

    [Fact]
    public void Every_ege_taker_of_2025_sat_the_oge_of_2023_at_the_same_school()
    {
        var oge = region.Rows.Where(x => x.Batch is { Year: 2023, Procedure: Api.V1.Procedure.Oge })
            .Select(x => (x.Row.SchoolCode, x.Row.ParticipantCode)).ToHashSet();
        var ege = region.Rows.Where(x => x.Batch is { Year: 2025, Procedure: Api.V1.Procedure.Ege })
            .Select(x => (x.Row.SchoolCode, x.Row.ParticipantCode)).ToHashSet();
        var ogeTakers = oge.Select(p => p.ParticipantCode).ToHashSet();

        Assert.NotEmpty(ege);
        Assert.All(ege, taker => Assert.Contains(taker, oge));
        Assert.InRange(ege.Count, 0.3 * ogeTakers.Count, 0.8 * ogeTakers.Count);
    }

    [Fact]
    public void A_participant_code_belongs_to_one_school()
    {
        var schoolsPerCode = region.Rows
            .GroupBy(x => x.Row.ParticipantCode)
            .Select(g => g.Select(x => x.Row.SchoolCode).Distinct().Count());

        Assert.All(schoolsPerCode, count => Assert.Equal(1, count));
    }

    [Fact]
    public void A_student_keeps_the_class_letter_from_grade_to_grade()
    {
        var classIn2023 = region.Rows.Where(x => x.Batch.Year == 2023 && x.Row.Grade == 4)
            .GroupBy(x => x.Row.ParticipantCode).ToDictionary(g => g.Key, g => g.First().Row.ClassLabel[1..]);
        var moved = region.Rows.Where(x => x.Batch.Year == 2024 && x.Row.Grade == 5 && classIn2023.ContainsKey(x.Row.ParticipantCode))
            .Count(x => x.Row.ClassLabel[1..] != classIn2023[x.Row.ParticipantCode]);

        Assert.Equal(0, moved);
    }

    private HashSet<string> Codes(string procedure, int year, int grade) => region.Rows
        .Where(x => x.Batch.Procedure.ToString() == procedure && x.Batch.Year == year && x.Row.Grade == grade)
        .Select(x => x.Row.ParticipantCode)
        .ToHashSet();
}
