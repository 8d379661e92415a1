using EduQuality.Api.V1;
using EduQuality.Domain.Assessment;

namespace EduQuality.Server.Mapping;

/// <summary>Maps a contract batch's rows to domain result records.</summary>
public static class ResultRowMapper
{
    public static List<ResultRecord> ToRecords(ResultBatch batch)
    {
        var procedure = (ProcedureKind)batch.Procedure;
        return batch.Rows.Select(row => new ResultRecord
        {
            Procedure = procedure,
            Year = batch.Year,
            ParticipantCode = row.ParticipantCode,
            SchoolCode = row.SchoolCode,
            ClassLabel = row.ClassLabel.Trim(),
            Grade = row.Grade,
            Subject = row.Subject,
            PrimaryScore = row.PrimaryScore,
            MaxPrimaryScore = row.MaxPrimaryScore,
            Mark = row.HasMark ? row.Mark : null,
            TestScore = row.HasTestScore ? row.TestScore : null,
            PassedMinimum = row.HasPassedMinimum ? row.PassedMinimum : null,
            TermMark = row.HasTermMark ? row.TermMark : null,
            TaskPoints = [.. row.TaskPoints],
            TaskMaxPoints = [.. row.TaskMaxPoints],
        }).ToList();
    }
}
