using EduQuality.Domain.Analysis.LowResults;
using Npgsql;

namespace EduQuality.Storage.Context;

/// <summary>A school's social context in one academic year: the natural key (school, year) and the nine factors.</summary>
public sealed record SchoolContextEntry(string SchoolCode, int Year, SchoolContextFactors Factors);

/// <summary>What an upsert of context rows did.</summary>
public sealed record UpsertCounts(int Inserted, int Corrected, int Unchanged);

/// <summary>
/// School contexts (<c>school_context</c>), one row per school and year: a row with a known key replaces the stored one,
/// so resends and corrections are harmless.
/// </summary>
public sealed class SchoolContextStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "school_code, year, share_on_preventive_register, share_migrant_or_low_russian, share_not_certified, share_chronic_absence, " +
        "share_special_needs, remote, small_school, infrastructure_deficit, staff_shortage";

    /// <summary>Stores the rows in one transaction; the keys must be distinct.</summary>
    public async Task<UpsertCounts> UpsertAsync(IReadOnlyList<SchoolContextEntry> rows, string batchId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = new Dictionary<(string, int), SchoolContextFactors>();
        await using (var select = new NpgsqlCommand(
            $"SELECT {Columns} FROM school_context c JOIN unnest($1::text[], $2::int[]) AS k(school_code, year) USING (school_code, year) FOR UPDATE OF c",
            connection,
            transaction))
        {
            select.Parameters.AddWithValue(rows.Select(r => r.SchoolCode).ToArray());
            select.Parameters.AddWithValue(rows.Select(r => r.Year).ToArray());
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entry = Read(reader);
                stored[(entry.SchoolCode, entry.Year)] = entry.Factors;
            }
        }

        var changed = rows.Where(r => !(stored.TryGetValue((r.SchoolCode, r.Year), out var old) && old == r.Factors)).ToList();
        if (changed.Count > 0)
        {
            await using var upsert = new NpgsqlCommand(
                $"INSERT INTO school_context ({Columns}, batch_id) " +
                "SELECT *, $12 FROM unnest($1::text[], $2::int[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], " +
                "$8::bool[], $9::bool[], $10::bool[], $11::bool[]) " +
                "ON CONFLICT (school_code, year) DO UPDATE SET share_on_preventive_register = EXCLUDED.share_on_preventive_register, " +
                "share_migrant_or_low_russian = EXCLUDED.share_migrant_or_low_russian, share_not_certified = EXCLUDED.share_not_certified, " +
                "share_chronic_absence = EXCLUDED.share_chronic_absence, share_special_needs = EXCLUDED.share_special_needs, " +
                "remote = EXCLUDED.remote, small_school = EXCLUDED.small_school, infrastructure_deficit = EXCLUDED.infrastructure_deficit, " +
                "staff_shortage = EXCLUDED.staff_shortage, batch_id = EXCLUDED.batch_id, updated_at = now()",
                connection,
                transaction);
            upsert.Parameters.AddWithValue(changed.Select(r => r.SchoolCode).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Year).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.ShareOnPreventiveRegister).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.ShareMigrantOrLowRussian).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.ShareNotCertified).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.ShareChronicAbsence).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.ShareSpecialNeeds).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.Remote).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.SmallSchool).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.InfrastructureDeficit).ToArray());
            upsert.Parameters.AddWithValue(changed.Select(r => r.Factors.StaffShortage).ToArray());
            upsert.Parameters.AddWithValue(batchId);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var corrected = changed.Count(r => stored.ContainsKey((r.SchoolCode, r.Year)));
        return new UpsertCounts(changed.Count - corrected, corrected, rows.Count - changed.Count);
    }

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
