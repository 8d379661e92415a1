using EduQuality.Domain.Hierarchy;
using Npgsql;

namespace EduQuality.Storage.Organizations;

/// <summary>The organisation registry and the hierarchy over time (<c>organization</c>, <c>organization_parent</c>).</summary>
public sealed class OrganizationStore(NpgsqlDataSource dataSource)
{
    private const string ParentAt =
        "(SELECT p.parent_code FROM organization_parent p WHERE p.code = o.code AND p.valid_from <= $1 ORDER BY p.valid_from DESC LIMIT 1)";

    private const string Select = $"SELECT o.code, o.level, o.name, coalesce({ParentAt}, '') AS parent_code, o.kind, o.settlement, o.students FROM organization o";

    /// <summary>The organisations with these codes, with the parent in force on <paramref name="asOf"/>.</summary>
    public async Task<Dictionary<string, Organization>> FindAsync(IReadOnlyCollection<string> codes, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE o.code = ANY($2)");
        command.Parameters.AddWithValue(asOf);
        command.Parameters.AddWithValue(codes.ToArray());
        return (await ReadAllAsync(command, cancellationToken)).ToDictionary(o => o.Code, StringComparer.Ordinal);
    }

    public async Task<Organization?> GetAsync(string code, DateOnly asOf, CancellationToken cancellationToken) =>
        (await FindAsync([code], asOf, cancellationToken)).GetValueOrDefault(code);

    /// <summary>
    /// The codes among <paramref name="codes"/> that are not <paramref name="scope"/> itself or below it on
    /// <paramref name="asOf"/> (unknown codes included): the subtree check of every authorisation.
    /// </summary>
    public async Task<HashSet<string>> OutsideSubtreeAsync(string scope, IReadOnlyCollection<string> codes, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT c.code FROM unnest($2::text[]) AS c(code) " +
            "LEFT JOIN LATERAL (SELECT p.parent_code FROM organization_parent p WHERE p.code = c.code AND p.valid_from <= $1 ORDER BY p.valid_from DESC LIMIT 1) p1 ON true " +
            "LEFT JOIN LATERAL (SELECT p.parent_code FROM organization_parent p WHERE p.code = p1.parent_code AND p.valid_from <= $1 ORDER BY p.valid_from DESC LIMIT 1) p2 ON true " +
            "WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.code = c.code) " +
            "OR ($3 <> c.code AND $3 IS DISTINCT FROM p1.parent_code AND $3 IS DISTINCT FROM p2.parent_code)");
        command.Parameters.AddWithValue(asOf);
        command.Parameters.AddWithValue(codes.Distinct().ToArray());
        command.Parameters.AddWithValue(scope);
        var outside = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            outside.Add(reader.GetString(0));
        }

        return outside;
    }

    /// <summary>An organisation and every organisation below it on a date, in one query.</summary>
    public async Task<List<string>> SubtreeAsync(string code, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "WITH RECURSIVE below(code, depth) AS (SELECT $2::text, 0 UNION ALL " +
            "SELECT p.code, b.depth + 1 FROM below b JOIN organization_parent p ON p.parent_code = b.code AND p.valid_from <= $1 " +
            "WHERE b.depth < 2 AND p.valid_from = (SELECT max(q.valid_from) FROM organization_parent q WHERE q.code = p.code AND q.valid_from <= $1)) " +
            "SELECT DISTINCT code FROM below");
        command.Parameters.AddWithValue(asOf);
        command.Parameters.AddWithValue(code);
        var subtree = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subtree.Add(reader.GetString(0));
        }

        return subtree;
    }

    /// <summary>Whether any organisation is registered.</summary>
    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM organization)");
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Direct children in force on a date, ordered by code.</summary>
    public async Task<List<Organization>> ChildrenAsync(string code, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT * FROM ({Select} WHERE o.code IN (SELECT code FROM organization_parent WHERE parent_code = $2)) c " +
            "WHERE c.parent_code = $2 ORDER BY c.code");
        command.Parameters.AddWithValue(asOf);
        command.Parameters.AddWithValue(code);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>Organisations whose name or code contains the text, case-insensitively.</summary>
    public async Task<List<Organization>> SearchAsync(string text, int limit, DateOnly asOf, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"{Select} WHERE o.name ILIKE $2 OR o.code ILIKE $2 ORDER BY o.level, o.name LIMIT $3");
        command.Parameters.AddWithValue(asOf);
        command.Parameters.AddWithValue("%" + EscapeLike(text) + "%");
        command.Parameters.AddWithValue(limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// Creates or updates organisations in one transaction (already validated). New organisations get their parent
    /// from the beginning of time. Returns (created, updated).
    /// </summary>
    public async Task<(int Created, int Updated)> RegisterAsync(IReadOnlyList<Organization> organizations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = 0;
        foreach (var org in organizations.OrderBy(o => o.Level))
        {
            await using var upsert = new NpgsqlCommand(
                "INSERT INTO organization (code, level, name, kind, settlement, students) VALUES ($1, $2, $3, $4, $5, $6) " +
                "ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, settlement = EXCLUDED.settlement, " +
                "students = EXCLUDED.students, updated_at = now() RETURNING (xmax = 0)",
                connection,
                transaction);
            upsert.Parameters.AddWithValue(org.Code);
            upsert.Parameters.AddWithValue((short)org.Level);
            upsert.Parameters.AddWithValue(org.Name);
            upsert.Parameters.AddWithValue((short)org.Kind);
            upsert.Parameters.AddWithValue((short)org.Settlement);
            upsert.Parameters.AddWithValue(org.Students);
            var inserted = (bool)(await upsert.ExecuteScalarAsync(cancellationToken))!;
            if (inserted)
            {
                created++;
                if (org.ParentCode.Length > 0)
                {
                    await using var parent = new NpgsqlCommand(
                        "INSERT INTO organization_parent (code, valid_from, parent_code) VALUES ($1, '-infinity', $2)", connection, transaction);
                    parent.Parameters.AddWithValue(org.Code);
                    parent.Parameters.AddWithValue(org.ParentCode);
                    await parent.ExecuteNonQueryAsync(cancellationToken);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return (created, organizations.Count - created);
    }

    /// <summary>
    /// Records that a school belongs to another parent from a date, and returns the academic years that have
    /// data and whose parent (as of their first day) changed.
    /// </summary>
    public async Task<List<int>> MoveAsync(string code, string newParentCode, DateOnly effectiveFrom, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var yearsBefore = await ParentsByYearAsync(connection, transaction, code, cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO organization_parent (code, valid_from, parent_code) VALUES ($1, $2, $3) " +
            "ON CONFLICT (code, valid_from) DO UPDATE SET parent_code = EXCLUDED.parent_code",
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue(code);
            insert.Parameters.AddWithValue(effectiveFrom);
            insert.Parameters.AddWithValue(newParentCode);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var yearsAfter = await ParentsByYearAsync(connection, transaction, code, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return yearsAfter.Where(y => yearsBefore.GetValueOrDefault(y.Key) != y.Value).Select(y => y.Key).Order().ToList();
    }

    private static async Task<Dictionary<int, string>> ParentsByYearAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string code, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT r.year, (SELECT p.parent_code FROM organization_parent p WHERE p.code = r.school_code " +
            "AND p.valid_from <= make_date(r.year - 1, 9, 1) ORDER BY p.valid_from DESC LIMIT 1) " +
            "FROM school_year_revision r WHERE r.school_code = $1",
            connection,
            transaction);
        command.Parameters.AddWithValue(code);
        var parents = new Dictionary<int, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            parents[reader.GetInt32(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }

        return parents;
    }

    private static async Task<List<Organization>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var result = new List<Organization>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new Organization(
                reader.GetString(0),
                (OrganizationLevel)reader.GetInt16(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetInt16(4),
                reader.GetInt16(5),
                reader.GetInt32(6)));
        }

        return result;
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
