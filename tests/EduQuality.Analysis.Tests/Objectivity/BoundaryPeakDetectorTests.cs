using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;

namespace EduQuality.Analysis.Tests.Objectivity;

public sealed class BoundaryPeakDetectorTests
{
    private const int Year = 2024;

    /// <summary>Mathematics grade 5: 0–20 points, «3» from 5, «4» from 10, «5» from 15.</summary>
    private static readonly MarkScale Grade5 = new(ProcedureKind.Vpr, "MA", 5, 2023, 20, 5, 10, 15, null);

    /// <summary>Mathematics grade 6: 0–20 points, «3» from 6, «4» from 12, «5» from 16.</summary>
    private static readonly MarkScale Grade6 = new(ProcedureKind.Vpr, "MA", 6, 2023, 20, 6, 12, 16, null);

    [Fact]
    public void Participants_bunched_on_a_cut_point_and_one_above_are_a_sign()
    {
        // Around the «4» cut (10): 2, 2 | 10, 8 | 2, 2 → (18 ÷ 2) ÷ (8 ÷ 4) = 4.5; 34 more far from every cut; n = 60.
        var context = PeakAtFour(new Results(), "S1", 5, outside: 34).RegionFlat(Year, Results.Vpr("MA", 5), maxScore: 20, perScore: 100).Context(scales: Scales);

        var sign = Assert.Single(Detect(context));

        Assert.Equal(ObjectivitySignKind.BoundaryPeak, sign.Kind);
        Assert.Equal(60, sign.Participants);
        Assert.Equal(4.5, sign.Measured, 9);
        Assert.Equal(1.0, sign.Reference, 9);
        Assert.Equal(2.0, sign.Threshold, 9);
        Assert.False(sign.LowConfidence);
        Assert.Equal(1.0, sign.Strength, 9);
        Assert.Equal(
            "ВПР, математика, 5 класс: пик у границы отметки «4» (10 баллов): 18 участников на границе и следующем балле против 8 "
            + "на четырёх соседних, отношение 4,5 при 1,0 по региону (порог 2,0).",
            sign.ExplanationRu);
        Assert.Equal(
            "VPR, Mathematics, grade 5: peak at the «4» cut point (score 10): 18 participants at the cut and one above against 8 "
            + "on the four neighbouring scores, ratio 4.5 against 1.0 in the region (threshold 2.0).",
            sign.ExplanationEn);
    }

    [Fact]
    public void A_histogram_of_twenty_to_fifty_participants_gives_a_low_confidence_sign_of_half_strength()
    {
        var context = PeakAtFour(new Results(), "S1", 5, outside: 0).RegionFlat(Year, Results.Vpr("MA", 5), maxScore: 20, perScore: 100).Context(scales: Scales);

        var sign = Assert.Single(Detect(context));

        Assert.Equal(26, sign.Participants);
        Assert.True(sign.LowConfidence);
        Assert.Equal(0.5, sign.Strength, 9);
        Assert.EndsWith("выборка меньше 50, низкая надёжность.", sign.ExplanationRu);
    }

    [Fact]
    public void A_school_shaped_like_its_region_is_no_sign()
    {
        // The region has the same peak (180 against 80), so 18 against 8 is what the region expects.
        var results = PeakAtFour(new Results(), "S1", 5, outside: 34);
        var slice = Results.Vpr("MA", 5);
        foreach (var (score, count) in new[] { (8, 20), (9, 20), (10, 100), (11, 80), (12, 20), (13, 20), (0, 300) })
        {
            results.Region(Year, slice, count, score);
        }

        Assert.Empty(Detect(results.Context(scales: Scales)));
    }

    [Fact]
    public void A_smooth_histogram_is_no_sign()
    {
        // 4, 4 | 5, 5 | 4, 4 → (10 ÷ 2) ÷ (16 ÷ 4) = 1.25.
        var results = new Results();
        foreach (var (score, count) in new[] { (8, 4), (9, 4), (10, 5), (11, 5), (12, 4), (13, 4), (0, 34) })
        {
            results.School("S1", Year, Results.Vpr("MA", 5), count, score, alsoRegion: false);
        }

        Assert.Empty(Detect(results.RegionFlat(Year, Results.Vpr("MA", 5), maxScore: 20, perScore: 100).Context(scales: Scales)));
    }

    [Fact]
    public void Small_works_are_pooled_each_aligned_on_its_own_cut_point()
    {
        // Grade 5 (cut 10) and grade 6 (cut 12), 12 participants each: 1 | 5, 3 | 1 around each cut, 2 at 0.
        // Pooled: (16 ÷ 2) ÷ (4 ÷ 4) = 8 over 24 participants, low confidence.
        var results = new Results();
        foreach (var (grade, cut) in new[] { (5, 10), (6, 12) })
        {
            var slice = Results.Vpr("MA", grade);
            results.School("S1", Year, slice, 1, cut - 1, alsoRegion: false)
                .School("S1", Year, slice, 5, cut, alsoRegion: false)
                .School("S1", Year, slice, 3, cut + 1, alsoRegion: false)
                .School("S1", Year, slice, 1, cut + 2, alsoRegion: false)
                .School("S1", Year, slice, 2, 0, alsoRegion: false)
                .RegionFlat(Year, slice, maxScore: 20, perScore: 100);
        }

        var sign = Assert.Single(Detect(results.Context(scales: Scales)));

        Assert.Equal([5, 6], sign.Scope.Grades);
        Assert.Equal(8.0, sign.Measured, 9);
        Assert.True(sign.LowConfidence);
        Assert.StartsWith("ВПР, математика, 5, 6 классы вместе: пик у границы отметки «4»: 16 участников", sign.ExplanationRu);
    }

    private static MarkScale? Scales(ProcedureKind procedure, string subject, int grade, int year) => grade switch
    {
        5 => Grade5,
        6 => Grade6,
        _ => null,
    };

    private static Results PeakAtFour(Results results, string school, int grade, int outside)
    {
        var slice = Results.Vpr("MA", grade);
        foreach (var (score, count) in new[] { (8, 2), (9, 2), (10, 10), (11, 8), (12, 2), (13, 2), (0, outside / 2), (20, outside - (outside / 2)) })
        {
            results.School(school, Year, slice, count, score, alsoRegion: false);
        }

        return results;
    }

    private static List<ObjectivitySign> Detect(ObjectivityContext context) => new BoundaryPeakDetector().Detect(context, "S1", Year).ToList();
}
