using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Context;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>
/// A school's social context in one academic year: the natural key (school, year), the nine factors and the student
/// counts made whole by <see cref="StudentCounts.Resolve"/> (<see cref="StudentCounts.Students"/> 0 when not given).
/// </summary>
public sealed record SchoolContextEntry(string SchoolCode, int Year, SchoolContextFactors Factors, StudentCounts Counts);

/// <summary>
/// School contexts (<c>school_context</c>), one row per school and year: a row with a known key replaces the stored one,
/// so resends and corrections are harmless.
/// </summary>
public sealed class SchoolContextStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "school_code, year, share_on_preventive_register, share_migrant_or_low_russian, share_not_certified, share_chronic_absence, " +
        "share_special_needs, remote, small_school, infrastructure_deficit, staff_shortage, coalesce(students, 0), students_registered_odn_kdn, " +
        "students_migrant_or_low_russian, students_not_attested, students_systematic_absence, students_learning_disability, students_individual_plan";

    /// <summary>The student measures of the vocabulary, in the order of the count columns.</summary>
    private static readonly string[] CountMeasures =
    [
        "students.registeredOdnKdn.count", "students.migrantOrLowRussian.count", "students.notAttested.count",
        "students.systematicAbsence.count", "students.learningDisability.count", "students.individualPlan.count",
    ];

    /// <summary>Stores the rows in one statement; the keys must be distinct.</summary>
    public Task<UpsertCounts> UpsertAsync(IReadOnlyList<SchoolContextEntry> rows, string batchId, CancellationToken cancellationToken) =>
        KeyedUpsert.RunAsync(
            dataSource,
            "school_context",
            [
                new("school_code", "text", rows.Select(r => r.SchoolCode).ToArray()),
                new("year", "int", rows.Select(r => r.Year).ToArray()),
            ],
            [
                new("share_on_preventive_register", "float8", rows.Select(r => r.Factors.ShareOnPreventiveRegister).ToArray()),
                new("share_migrant_or_low_russian", "float8", rows.Select(r => r.Factors.ShareMigrantOrLowRussian).ToArray()),
                new("share_not_certified", "float8", rows.Select(r => r.Factors.ShareNotCertified).ToArray()),
                new("share_chronic_absence", "float8", rows.Select(r => r.Factors.ShareChronicAbsence).ToArray()),
                new("share_special_needs", "float8", rows.Select(r => r.Factors.ShareSpecialNeeds).ToArray()),
                new("remote", "bool", rows.Select(r => r.Factors.Remote).ToArray()),
                new("small_school", "bool", rows.Select(r => r.Factors.SmallSchool).ToArray()),
                new("infrastructure_deficit", "bool", rows.Select(r => r.Factors.InfrastructureDeficit).ToArray()),
                new("staff_shortage", "bool", rows.Select(r => r.Factors.StaffShortage).ToArray()),
                new("students", "int", rows.Select(r => r.Counts.Students > 0 ? r.Counts.Students : (int?)null).ToArray()),
                new("students_registered_odn_kdn", "int", rows.Select(r => r.Counts.RegisteredOdnKdn).ToArray()),
                new("students_migrant_or_low_russian", "int", rows.Select(r => r.Counts.MigrantOrLowRussian).ToArray()),
                new("students_not_attested", "int", rows.Select(r => r.Counts.NotAttested).ToArray()),
                new("students_systematic_absence", "int", rows.Select(r => r.Counts.SystematicAbsence).ToArray()),
                new("students_learning_disability", "int", rows.Select(r => r.Counts.LearningDisability).ToArray()),
                new("students_individual_plan", "int", rows.Select(r => r.Counts.IndividualPlan).ToArray()),
            ],
            batchId,
            cancellationToken);

    /// <summary>The stored contexts of the given schools in the given years.</summary>
    public async Task<List<SchoolContextEntry>> ReadAsync(IReadOnlyCollection<string> schools, IReadOnlyCollection<int> years, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM school_context WHERE school_code = ANY($1) AND year = ANY($2) ORDER BY school_code, year");
        command.Parameters.AddWithValue(schools.ToArray());
        command.Parameters.AddWithValue(years.ToArray());
        var entries = new List<SchoolContextEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(Read(reader));
        }

        return entries;
    }

    /// <summary>
    /// students.count and the students.*.count measures summed over the schools' contexts of a year that give the number
    /// of students. Left out when none does (unknown, not zero); the individual-plan count only when every one of them
    /// gives it, so that numerator and denominator cover the same schools.
    /// </summary>
    public async Task<Dictionary<string, double>> MeasuresAsync(IReadOnlyCollection<string> schools, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(students), sum(students), sum(students_registered_odn_kdn), sum(students_migrant_or_low_russian), " +
            "sum(students_not_attested), sum(students_systematic_absence), sum(students_learning_disability), " +
            "CASE WHEN count(students_individual_plan) = count(students) THEN sum(students_individual_plan) END " +
            "FROM school_context WHERE year = $2 AND school_code = ANY($1) AND students IS NOT NULL");
        command.Parameters.AddWithValue(schools.ToArray());
        command.Parameters.AddWithValue(year);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        if (reader.GetInt64(0) == 0)
        {
            return measures;
        }

        measures["students.count"] = reader.GetInt64(1);
        for (var i = 0; i < CountMeasures.Length; i++)
        {
            if (!reader.IsDBNull(2 + i))
            {
                measures[CountMeasures[i]] = reader.GetInt64(2 + i);
            }
        }

        return measures;
    }

    private static int? Optional(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);

    private static SchoolContextEntry Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        new SchoolContextFactors(
            reader.GetDouble(2),
            reader.GetDouble(3),
            reader.GetDouble(4),
            reader.GetDouble(5),
            reader.GetDouble(6),
            reader.GetBoolean(7),
            reader.GetBoolean(8),
            reader.GetBoolean(9),
            reader.GetBoolean(10)),
        new StudentCounts(
            reader.GetInt32(11),
            Optional(reader, 12),
            Optional(reader, 13),
            Optional(reader, 14),
            Optional(reader, 15),
            Optional(reader, 16),
            Optional(reader, 17)));
}
