using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace EduQuality.Storage.Results;

/// <summary>Creates the yearly partition of <c>assessment_result</c> the first time a year is written.</summary>
public sealed class ResultPartitions(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<int, Task> _ensured = new();

    public Task EnsureAsync(int year, CancellationToken cancellationToken) =>
        _ensured.GetOrAdd(year, y => CreateAsync(y, cancellationToken)).ContinueWith(
            task =>
            {
                if (!task.IsCompletedSuccessfully)
                {
                    _ensured.TryRemove(year, out _);
                }

                return task;
            },
            TaskScheduler.Default).Unwrap();

    private async Task CreateAsync(int year, CancellationToken cancellationToken)
    {
        // The year is a validated integer, so it is safe in the DDL; DDL cannot take parameters.
        var y = year.ToString(CultureInfo.InvariantCulture);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock(7331, {y}); CREATE TABLE IF NOT EXISTS assessment_result_{y} PARTITION OF assessment_result FOR VALUES IN ({y});",
            connection,
            transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
