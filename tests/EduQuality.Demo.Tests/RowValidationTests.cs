using System.Text.RegularExpressions;
using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Tests;

public sealed partial class RowValidationTests(SmallRegionFixture region) : IClassFixture<SmallRegionFixture>
{
    [Fact]
    public void Every_row_satisfies_the_ingest_rules()
    {
        var violations = region.Rows
            .Select(x => (x.Batch.BatchId, x.Row, Rule: RowRules.Violation(x.Batch, x.Row)))
            .Where(x => x.Rule is not null)
            .Take(5)
            .Select(x => $"{x.BatchId} {x.Row.ParticipantCode} {x.Row.Subject}: {x.Rule}")
            .ToList();

        Assert.Empty(violations);
        Assert.True(region.Rows.Count() > 20_000, "the small region should still have tens of thousands of rows");
    }

    [Fact]
    public void Every_batch_passes_the_domain_batch_validator()
    {
        var schools = region.Demo.Schools.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var violations = region.Batches
            .SelectMany(b => ResultBatchValidator.Validate(
                b.BatchId, (ProcedureKind)(int)b.Procedure, b.Year, b.Rows.Select(r => ToRecord(b, r)).ToList(), schools.Contains))
            .Take(5)
            .ToList();

        Assert.Empty(violations);
    }

    [Fact]
    public void Marks_follow_the_reference_scale_and_test_scores_rise_with_the_primary_score()
    {
        foreach (var (batch, row) in region.Rows.Where(x => x.Row.HasMark))
        {
            var scale = MarkScaleTable.Find((ProcedureKind)(int)batch.Procedure, row.Subject, row.Grade, batch.Year)!;
            Assert.Equal(scale.MaxPrimaryScore, row.MaxPrimaryScore);
            Assert.Equal(scale.MarkFor(row.PrimaryScore), row.Mark);
        }

        var russian = region.Rows.Where(x => x.Row is { Subject: "RU", HasTestScore: true }).Select(x => x.Row).ToList();
        Assert.All(russian, r => Assert.Equal(50, r.MaxPrimaryScore));
        var byPrimary = russian.GroupBy(r => r.PrimaryScore).ToDictionary(g => g.Key, g => g.Select(r => r.TestScore).Distinct().Single());
        var ordered = byPrimary.OrderBy(p => p.Key).Select(p => p.Value).ToList();
        Assert.Equal(ordered.Order(), ordered);
    }

    [Fact]
    public void Each_participant_has_one_row_per_subject_grade_procedure_and_year()
    {
        var keys = region.Rows.Select(x => (x.Batch.Procedure, x.Batch.Year, x.Row.Subject, x.Row.Grade, x.Row.ParticipantCode)).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Batches_have_unique_ids_stay_within_the_batch_size_and_hold_a_few_schools()
    {
        Assert.Equal(region.Batches.Count, region.Batches.Select(b => b.BatchId).Distinct().Count());
        Assert.All(region.Batches, b =>
        {
            Assert.InRange(b.Rows.Count, 1, SmallRegionFixture.Options.BatchSize);
            Assert.InRange(b.Rows.Select(r => r.SchoolCode).Distinct().Count(), 1, 8);
            Assert.Matches(BatchId(), b.BatchId);
            Assert.StartsWith($"{region.Demo.BatchIdPrefix}-{b.Year}-", b.BatchId, StringComparison.Ordinal);
        });
        Assert.Equal($"{region.Demo.BatchIdPrefix}-2023-VPR-000001", region.Batches[0].BatchId);
    }

    [Fact]
    public void Only_general_schools_write_and_codes_look_pseudonymous()
    {
        var kinds = region.Demo.Schools.ToDictionary(s => s.Code, s => s.Kind);
        var writers = region.Rows.Select(x => x.Row.SchoolCode).ToHashSet();

        Assert.All(writers, code => Assert.Equal(SchoolKind.General, kinds[code]));
        Assert.All(region.Rows.Select(x => x.Row.ParticipantCode).Distinct(), code => Assert.Matches(ParticipantCode(), code));
        Assert.All(region.Rows.Where(x => x.Row.ClassLabel.Length > 0), x => Assert.Matches(ClassLabel(), x.Row.ClassLabel));
    }

    [Fact]
    public void The_row_estimate_is_within_five_percent_of_the_real_count()
    {
        var actual = region.Rows.Count();

        Assert.InRange(region.Demo.EstimatedRowCount, actual * 0.95, actual * 1.05);
    }

    private static ResultRecord ToRecord(ResultBatch batch, ResultRow row) => new()
    {
        Procedure = (ProcedureKind)(int)batch.Procedure,
        Year = batch.Year,
        ParticipantCode = row.ParticipantCode,
        SchoolCode = row.SchoolCode,
        ClassLabel = row.ClassLabel,
        Grade = row.Grade,
        Subject = row.Subject,
        PrimaryScore = row.PrimaryScore,
        MaxPrimaryScore = row.MaxPrimaryScore,
        Mark = row.HasMark ? row.Mark : null,
        TestScore = row.HasTestScore ? row.TestScore : null,
        TermMark = row.HasTermMark ? row.TermMark : null,
        TaskPoints = [.. row.TaskPoints],
        TaskMaxPoints = [.. row.TaskMaxPoints],
    };

    [GeneratedRegex(@"^demo-[0-9a-f]{6}-20\d\d-(VPR|OGE|EGE)-\d{6}$")]
    private static partial Regex BatchId();

    [GeneratedRegex(@"^P[0-9]{13}$")]
    private static partial Regex ParticipantCode();

    [GeneratedRegex(@"^(4|5|6|7|8|9|11)[А-Я]$")]
    private static partial Regex ClassLabel();
}
