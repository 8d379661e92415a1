using System.Globalization;
using System.Security.Cryptography;
using EduQuality.Api.V1;
using EduQuality.Domain.Validation;
using EduQuality.Server.Ingest;
using EduQuality.Server.Rpc;
using EduQuality.Server.Security;
using EduQuality.Storage.Context;
using EduQuality.Storage.Ingest;
using Google.Protobuf;
using Grpc.Core;

namespace EduQuality.Server.Context;

/// <summary>What one kind of context batch does: its id, rows and first year, how it is validated and stored, what is audited.</summary>
public sealed record ContextBatchWork(
    IMessage Batch,
    string BatchId,
    string Kind,
    int Rows,
    int Year,
    Func<CancellationToken, Task<IReadOnlyList<Violation>>> Validate,
    Func<CancellationToken, Task<UpsertCounts>> Store,
    IEnumerable<(string OrganizationCode, object Details)> Audit);

/// <summary>
/// The one way every context batch is applied: a resend is recognised by its id (the same content is a duplicate, other
/// content under a used id is ALREADY_EXISTS), the whole batch is validated before anything is stored, the rows are
/// upserted by natural key, the write is audited and the batch recorded (docs/adr/0007-context-data.md).
/// </summary>
public sealed class ContextBatches(BatchRegistry batches, Auditor auditor, ILogger<ContextBatches> logger)
{
    /// <summary>Context batches share the batch registry with results under procedure 0.</summary>
    private const int ContextProcedure = 0;

    public async Task<ContextAck> ApplyAsync(ContextBatchWork work, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var hash = SHA256.HashData(work.Batch.ToByteArray());
        if (await BatchResend.FindAsync(batches, work.BatchId, hash, cancellationToken) is { } applied)
        {
            return Ack(applied, duplicate: true);
        }

        var violations = await work.Validate(cancellationToken);
        if (violations.Count > 0)
        {
            throw new InvalidInputException(
                string.Create(CultureInfo.InvariantCulture, $"Batch '{work.BatchId}' refused: {violations.Count} problems; nothing of it was applied"),
                violations);
        }

        var counts = await work.Store(cancellationToken);
        await auditor.RecordAsync(context, $"context.{work.Kind}.ingested", work.Audit);
        var result = new AppliedBatch(work.BatchId, hash, work.Rows, counts.Inserted, counts.Corrected, counts.Unchanged);
        await batches.RecordAsync(result, ContextProcedure, work.Year, cancellationToken);
        logger.LogInformation("Context batch {BatchId} ({Kind}): {Rows} rows, {Inserted} new, {Corrected} corrected, {Unchanged} unchanged",
            work.BatchId, work.Kind, work.Rows, counts.Inserted, counts.Corrected, counts.Unchanged);
        return Ack(result, duplicate: false);
    }

    private static ContextAck Ack(AppliedBatch batch, bool duplicate) => new()
    {
        BatchId = batch.BatchId,
        Rows = batch.Rows,
        Inserted = batch.Inserted,
        Corrected = batch.Corrected,
        Unchanged = batch.Unchanged,
        Duplicate = duplicate,
    };
}
