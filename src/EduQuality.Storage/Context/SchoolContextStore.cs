using EduQuality.Domain.Analysis.LowResults;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>A school's social context in one academic year: the natural key (school, year) and the nine factors.</summary>
public sealed record SchoolContextEntry(string SchoolCode, int Year, SchoolContextFactors Factors);

/// <summary>
/// School contexts (<c>school_context</c>), one row per school and year: a row with a known key replaces the stored one,
/// so resends and corrections are harmless.
/// </summary>
public sealed class SchoolContextStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "school_code, year, share_on_preventive_register, share_migrant_or_low_russian, share_not_certified, share_chronic_absence, " +
        "share_special_needs, remote, small_school, infrastructure_deficit, staff_shortage";

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
            reader.GetBoolean(10)));
}
