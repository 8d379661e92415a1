using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using EduQuality.Cli.Import.Tables;
using EduQuality.Cli.Import.Targets;
using Google.Protobuf;
using Grpc.Core;

namespace EduQuality.Cli.Import;

/// <summary>
/// Imports one file into one target: maps and validates every row first (nothing is sent while a row is refused,
/// unless asked to skip them), then sends the rows in batches whose ids follow from the file's content and the
/// batch's place in it, and records each acknowledged batch in a journal so that an interrupted import resumes
/// without sending a row twice.
/// </summary>
public sealed class FileImporter<TItem>(IImportTarget<TItem> target, ImportOptions options) where TItem : class, IMessage<TItem>
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public async Task<ImportSummary> RunAsync(SourceTable table, ImportLayout layout, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = new ImportSummary();
        var binding = LayoutBinding.Bind(layout, table, target.Fields);
        await CheckAsync(table, binding, summary, cancellationToken);
        if (summary.RefusedLines.Count > 0 && !options.SkipInvalid)
        {
            summary.Stopped = true;
            return summary;
        }

        var journal = ImportJournal.Open(options.JournalFolder, table.ContentHash, target.BatchTag);
        var toSend = new List<ImportChunk<TItem>>();
        foreach (var chunk in Chunks(table, binding, summary.RefusedLines))
        {
            if (journal.Find(chunk.BatchId) is { } done)
            {
                summary.BatchesResumed++;
                summary.RowsResumed += done.Rows;
            }
            else
            {
                toSend.Add(chunk);
            }
        }

        var total = toSend.Sum(c => c.Items.Count);
        var sending = Stopwatch.StartNew();
        var gate = new Lock();
        if (total > 0)
        {
            progress?.Report(new ImportProgress(0, total, TimeSpan.Zero));
        }

        try
        {
            await Parallel.ForEachAsync(
                toSend.Chunk(options.BatchesPerStream),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (group, token) =>
                {
                    var acks = await SendWithRetriesAsync(group, token);
                    journal.Record(acks);
                    lock (gate)
                    {
                        Count(summary, acks);
                        progress?.Report(new ImportProgress(summary.RowsSent, total, sending.Elapsed));
                    }
                });
        }
        catch (ChunkRefusedException refused)
        {
            var chunk = toSend.Single(c => c.BatchId == refused.BatchId);
            foreach (var violation in refused.Violations)
            {
                var line = violation.Row is { } row && row < chunk.Lines.Count ? chunk.Lines[row] : table.HeaderLine;
                Refuse(summary, table, line, binding.ColumnOf(violation.Field, target.TaskFields), violation.Value, "сервер: " + ProblemText.Russian(violation.Problem));
            }

            if (refused.Violations.Count == 0)
            {
                Refuse(summary, table, chunk.Lines[0], "", "", $"сервер отклонил пакет {refused.BatchId}: {refused.Message}");
            }

            summary.Stopped = true;
        }
        catch (Exception e) when (e is OperationCanceledException || (e is RpcException { StatusCode: StatusCode.Cancelled } && cancellationToken.IsCancellationRequested))
        {
            summary.Interrupted = true;
        }

        summary.Elapsed = clock.Elapsed;
        return summary;
    }

    /// <summary>
    /// Maps and validates every row, as the server will; records each problem by line and column. A key repeated
    /// anywhere in the file is refused, so the outcome does not depend on where batches are cut (the server refuses
    /// a repeat inside a batch, but would take one in a later batch as a correction).
    /// </summary>
    private async Task CheckAsync(SourceTable table, LayoutBinding binding, ImportSummary summary, CancellationToken cancellationToken)
    {
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rows in table.Rows().Chunk(options.BatchRows))
        {
            summary.RowsRead += rows.Length;
            var mapped = new List<(int Line, TItem Item)>();
            foreach (var row in rows)
            {
                var mappable = true;
                var item = target.Map(row, binding, (field, value, problem) =>
                {
                    mappable = false;
                    Refuse(summary, table, row.Line, binding.ColumnOf("row." + field, target.TaskFields), value, problem);
                });
                if (!mappable || item is null)
                {
                    continue;
                }

                if (firstLineOfKey.TryAdd(target.NaturalKey(item), row.Line))
                {
                    mapped.Add((row.Line, item));
                }
                else
                {
                    Refuse(summary, table, row.Line, binding.ColumnOf("row." + target.KeyField, target.TaskFields), binding.RawValue(row, target.KeyField),
                        string.Create(CultureInfo.InvariantCulture, $"повтор: та же запись уже в строке {firstLineOfKey[target.NaturalKey(item)]}"));
                }
            }

            if (mapped.Count == 0)
            {
                continue;
            }

            foreach (var violation in await target.ValidateAsync([.. mapped.Select(m => m.Item)], cancellationToken))
            {
                if (violation.Row is { } index)
                {
                    Refuse(summary, table, mapped[index].Line, binding.ColumnOf(violation.Field, target.TaskFields), violation.Value, ProblemText.Russian(violation.Problem));
                }
            }
        }
    }

    /// <summary>
    /// The file's batches: <see cref="ImportOptions.BatchRows"/> data rows each, refused rows left out. The id joins
    /// the target's tag, the file's hash, the batch's place and the hash of what it holds, so a rerun sends the same
    /// batches under the same ids and a changed batch never reuses an id.
    /// </summary>
    private IEnumerable<ImportChunk<TItem>> Chunks(SourceTable table, LayoutBinding binding, HashSet<int> refusedLines)
    {
        var index = 0;
        foreach (var rows in table.Rows().Chunk(options.BatchRows))
        {
            var kept = rows.Where(r => !refusedLines.Contains(r.Line)).ToList();
            var items = kept.Select(r => target.Map(r, binding, (_, _, _) => { })!).ToList();
            if (items.Count > 0)
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                foreach (var item in items)
                {
                    hash.AppendData(item.ToByteArray());
                }

                var content = Convert.ToHexStringLower(hash.GetHashAndReset());
                var batchId = string.Create(CultureInfo.InvariantCulture, $"{target.BatchTag}-{table.ContentHash[..16]}-{index:D5}-{content[..8]}");
                yield return new ImportChunk<TItem>(index, batchId, items, [.. kept.Select(r => r.Line)]);
            }

            index++;
        }
    }

    private async Task<IReadOnlyList<ChunkAck>> SendWithRetriesAsync(IReadOnlyList<ImportChunk<TItem>> group, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await target.SendAsync(group, cancellationToken);
            }
            catch (RpcException e) when (ServerRefusal.IsTransient(e) && attempt < RetryDelays.Length)
            {
                // Resending is harmless: the server recognises batch ids it has applied.
                await Task.Delay(RetryDelays[attempt], cancellationToken);
            }
        }
    }

    private static void Count(ImportSummary summary, IReadOnlyList<ChunkAck> acks)
    {
        foreach (var ack in acks)
        {
            summary.BatchesSent++;
            summary.RowsSent += ack.Rows;
            if (ack.Duplicate)
            {
                summary.DuplicateBatches++;
                continue;
            }

            summary.Inserted += ack.Inserted;
            summary.Corrected += ack.Corrected;
            summary.Unchanged += ack.Unchanged;
        }
    }

    private static void Refuse(ImportSummary summary, SourceTable table, int line, string column, string value, string problem)
    {
        summary.Problems.Add(new ImportProblem(table.Path, line, column, value, problem));
        summary.RefusedLines.Add(line);
    }
}
