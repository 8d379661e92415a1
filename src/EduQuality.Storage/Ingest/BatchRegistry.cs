using Npgsql;

namespace EduQuality.Storage.Ingest;

/// <summary>Batches already applied (<c>ingest_batch</c>), so that a resend is recognised and answered from here.</summary>
public sealed class BatchRegistry(NpgsqlDataSource dataSource)
{
    public async Task<AppliedBatch?> FindAsync(string batchId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT content_hash, rows, inserted, corrected, unchanged FROM ingest_batch WHERE batch_id = $1");
        command.Parameters.AddWithValue(batchId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AppliedBatch(batchId, reader.GetFieldValue<byte[]>(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
    }

    /// <summary>Records an applied batch; a concurrent record of the same id keeps the first.</summary>
    public async Task RecordAsync(AppliedBatch batch, int procedure, int year, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "INSERT INTO ingest_batch (batch_id, procedure, year, content_hash, rows, inserted, corrected, unchanged) " +
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (batch_id) DO NOTHING");
        command.Parameters.AddWithValue(batch.BatchId);
        command.Parameters.AddWithValue((short)procedure);
        command.Parameters.AddWithValue(year);
        command.Parameters.AddWithValue(batch.ContentHash);
        command.Parameters.AddWithValue(batch.Rows);
        command.Parameters.AddWithValue(batch.Inserted);
        command.Parameters.AddWithValue(batch.Corrected);
        command.Parameters.AddWithValue(batch.Unchanged);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>An applied batch: its content hash and what it did.</summary>
public sealed record AppliedBatch(string BatchId, byte[] ContentHash, int Rows, int Inserted, int Corrected, int Unchanged);
