using EduQuality.Domain.Context;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>
/// Teachers (<c>teacher_record</c>), olympiad results (<c>olympiad_result</c>) and career guidance
/// (<c>career_guidance</c>), one row per natural key, and the vocabulary measures they give, pooled over a set of schools.
/// </summary>
public sealed class SchoolActivityStore(NpgsqlDataSource dataSource)
{
    public Task<UpsertCounts> UpsertTeachersAsync(IReadOnlyList<TeacherRecord> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "teacher_record",
            [
                new("school_code", "text", rows.Select(r => r.SchoolCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
                new("teacher_code", "text", rows.Select(r => r.TeacherCode).ToArray()),
            ],
            [
                new("diagnosed", "bool", rows.Select(r => r.Diagnosed).ToArray()),
                new("pd_by_request", "bool", rows.Select(r => r.PdByRequest).ToArray()),
                new("pd_risk_students", "bool", rows.Select(r => r.PdRiskStudents).ToArray()),
                new("retrained", "bool", rows.Select(r => r.Retrained).ToArray()),
                new("covered_by_events", "bool", rows.Select(r => r.CoveredByEvents).ToArray()),
                new("supported_regional", "bool", rows.Select(r => r.SupportedRegional).ToArray()),
                new("supported_municipal", "bool", rows.Select(r => r.SupportedMunicipal).ToArray()),
                new("deficit_work_covered", "bool", rows.Select(r => r.DeficitWorkCovered).ToArray()),
            ],
            batchId,
            cancellationToken);

    public Task<UpsertCounts> UpsertOlympiadsAsync(IReadOnlyList<OlympiadRecord> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "olympiad_result",
            [
                new("school_code", "text", rows.Select(r => r.SchoolCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
                new("stage", "smallint", rows.Select(r => (short)r.Stage).ToArray()),
                new("subject", "text", rows.Select(r => r.Subject).ToArray()),
            ],
            [
                new("participants", "int", rows.Select(r => r.Participants).ToArray()),
                new("winners", "int", rows.Select(r => r.Winners).ToArray()),
                new("prize_winners", "int", rows.Select(r => r.PrizeWinners).ToArray()),
            ],
            batchId,
            cancellationToken);

    public Task<UpsertCounts> UpsertCareerGuidanceAsync(IReadOnlyList<CareerGuidanceRecord> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "career_guidance",
            [
                new("school_code", "text", rows.Select(r => r.SchoolCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
            ],
            [
                new("graduates", "int", rows.Select(r => r.Graduates).ToArray()),
                new("target_contract", "int", rows.Select(r => r.TargetContract).ToArray()),
                new("continuing_in_poo", "int", rows.Select(r => r.ContinuingInPoo).ToArray()),
                new("priority_programme", "int", rows.Select(r => r.PriorityProgramme).ToArray()),
                new("bilet_v_budushee", "int", rows.Select(r => r.BiletVBudushee).ToArray()),
                new("partner_enterprises", "int", rows.Select(r => r.PartnerEnterprises).ToArray()),
            ],
            batchId,
            cancellationToken);

    /// <summary>
    /// The teacher, olympiad and career-guidance measures of the vocabulary summed over the schools in a year. A family of
    /// measures is left out when none of the schools has a row of it: unknown, not zero.
    /// </summary>
    public async Task<Dictionary<string, double>> MeasuresAsync(IReadOnlyCollection<string> schools, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT t.*, o.*, c.* FROM " +
            "(SELECT count(*), count(*) FILTER (WHERE diagnosed), count(*) FILTER (WHERE pd_by_request), count(*) FILTER (WHERE pd_risk_students), " +
            "count(*) FILTER (WHERE retrained), count(*) FILTER (WHERE covered_by_events), count(*) FILTER (WHERE supported_regional), " +
            "count(*) FILTER (WHERE supported_municipal), count(*) FILTER (WHERE deficit_work_covered) " +
            "FROM teacher_record WHERE year = $2 AND school_code = ANY($1)) t, " +
            "(SELECT count(*), coalesce(sum(participants) FILTER (WHERE stage = 2), 0), coalesce(sum(winners + prize_winners) FILTER (WHERE stage = 3), 0) " +
            "FROM olympiad_result WHERE year = $2 AND school_code = ANY($1)) o, " +
            "(SELECT count(*), coalesce(sum(graduates), 0), coalesce(sum(target_contract), 0), coalesce(sum(continuing_in_poo), 0), " +
            "coalesce(sum(priority_programme), 0), coalesce(sum(bilet_v_budushee), 0), coalesce(sum(partner_enterprises), 0) " +
            "FROM career_guidance WHERE year = $2 AND school_code = ANY($1)) c");
        command.Parameters.AddWithValue(schools.ToArray());
        command.Parameters.AddWithValue(year);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        void Family(int first, params string[] codes)
        {
            if (reader.GetInt64(first) == 0)
            {
                return;
            }

            for (var i = 0; i < codes.Length; i++)
            {
                measures[codes[i]] = reader.GetInt64(first + 1 + i);
            }
        }

        if (reader.GetInt64(0) > 0)
        {
            measures["teachers.count"] = reader.GetInt64(0);
        }

        Family(0, "teachers.diagnosed.count", "teachers.pdByRequest.count", "teachers.pdRiskStudents.count", "teachers.retrained.count",
            "teachers.coveredByEvents.count", "teachers.supportedRegional.count", "teachers.supportedMunicipal.count", "teachers.deficitWorkCovered.count");
        Family(9, "olympiad.municipalParticipants.count", "olympiad.regionalWinners.count");
        Family(12, "graduates.count", "graduates.targetContract.count", "graduates.continuingInPoo.count", "graduates.priorityProgramme.count",
            "students.biletVBudushee.count", "enterprises.partners.count");
        return measures;
    }
}
