using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Cli.Import.Tables;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Validation;
using EduQuality.Server.Mapping;
using Grpc.Core;

namespace EduQuality.Cli.Import.Targets;

/// <summary>
/// Participants' results of one procedure and year, sent through IngestService.UploadBatches and validated locally by
/// the server's own <see cref="ResultBatchValidator"/>.
/// </summary>
public sealed class ResultTarget(
    IngestService.IngestServiceClient ingest,
    OrganizationService.OrganizationServiceClient organizations,
    string layoutName,
    Procedure procedure,
    int year) : IImportTarget<ResultRow>
{
    private const string ShortAnswers = "short_answers";
    private const string LongAnswers = "long_answers";

    private readonly OrganizationLookup _schools = new(organizations);

    public IReadOnlySet<string> Fields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "participant_code", "school_code", "class_label", "grade", "subject", "primary_score", "max_primary_score", "mark",
        "test_score", "passed_minimum", "term_mark", ShortAnswers, LongAnswers,
    };

    public IReadOnlyList<string> TaskFields { get; } = [ShortAnswers, LongAnswers];

    public string BatchTag => string.Create(CultureInfo.InvariantCulture, $"{layoutName}-{year}");

    public string KeyField => "participant_code";

    public string NaturalKey(ResultRow item) => string.Create(CultureInfo.InvariantCulture, $"{item.Subject}/{item.Grade}/{item.ParticipantCode}");

    public ResultRow? Map(SourceRow row, LayoutBinding binding, Action<string, string, string> problem)
    {
        int? Number(string field, bool required)
        {
            var value = binding.Value(row, field);
            if (string.IsNullOrEmpty(value))
            {
                if (required)
                {
                    problem(field, "", "значение обязательно");
                }

                return null;
            }

            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            problem(field, binding.RawValue(row, field), "ожидается целое число");
            return null;
        }

        var result = new ResultRow
        {
            ParticipantCode = binding.Value(row, "participant_code") ?? "",
            SchoolCode = binding.Value(row, "school_code") ?? "",
            ClassLabel = binding.Value(row, "class_label") ?? "",
            Subject = binding.Value(row, "subject") ?? "",
            Grade = Number("grade", required: true) ?? 0,
        };
        if (Number("mark", required: false) is { } mark)
        {
            result.Mark = mark;
        }

        if (Number("test_score", required: false) is { } testScore)
        {
            result.TestScore = testScore;
        }

        if (Number("term_mark", required: false) is { } termMark)
        {
            result.TermMark = termMark;
        }

        if (binding.Value(row, "passed_minimum") is { Length: > 0 } passed)
        {
            if (bool.TryParse(passed, out var value))
            {
                result.PassedMinimum = value;
            }
            else
            {
                problem("passed_minimum", binding.RawValue(row, "passed_minimum"), "ожидается «Да» или «Нет»");
            }
        }

        var tasks = Tasks(row, binding, problem);
        result.TaskPoints.AddRange(tasks.Select(t => t.Points));
        result.TaskMaxPoints.AddRange(tasks.Select(t => t.Max));
        var noTasks = tasks.Count == 0;
        result.PrimaryScore = Number("primary_score", required: noTasks) ?? tasks.Sum(t => t.Points);
        result.MaxPrimaryScore = Number("max_primary_score", required: noTasks) ?? tasks.Sum(t => t.Max);
        return result;
    }

    private List<(int Points, int Max)> Tasks(SourceRow row, LayoutBinding binding, Action<string, string, string> problem)
    {
        var tasks = new List<(int Points, int Max)>();
        foreach (var (column, max) in binding.TaskColumns)
        {
            var cell = row.Cell(column);
            // ФИС ОКО marks a task not attempted with "X" (Latin or Cyrillic) or leaves it empty: no points.
            if (cell is "" or "X" or "x" or "Х" or "х" or "-")
            {
                tasks.Add((0, max));
            }
            else if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var points))
            {
                tasks.Add((points, max));
            }
            else
            {
                problem(string.Create(CultureInfo.InvariantCulture, $"task_points[{tasks.Count}]"), cell, "ожидается число баллов за задание или «X»");
                tasks.Add((0, max));
            }
        }

        foreach (var field in TaskFields)
        {
            if (binding.Value(row, field) is { Length: > 0 } text)
            {
                var (parsed, parseProblem) = TaskAnswers.Parse(text);
                if (parseProblem is not null)
                {
                    problem(field, text, parseProblem);
                }

                tasks.AddRange(parsed);
            }
        }

        return tasks;
    }

    public async Task<IReadOnlyList<Violation>> ValidateAsync(IReadOnlyList<ResultRow> chunk, CancellationToken cancellationToken)
    {
        await _schools.LoadAsync(chunk.Select(r => (r.SchoolCode, year)), cancellationToken);
        var records = ResultRowMapper.ToRecords(Batch("local", chunk));
        return ResultBatchValidator.Validate("local", (ProcedureKind)procedure, year, records, code => _schools.IsSchool(code, year));
    }

    public async Task<IReadOnlyList<ChunkAck>> SendAsync(IReadOnlyList<ImportChunk<ResultRow>> chunks, CancellationToken cancellationToken)
    {
        try
        {
            using var call = ingest.UploadBatches(cancellationToken: cancellationToken);
            foreach (var chunk in chunks)
            {
                await call.RequestStream.WriteAsync(Batch(chunk.BatchId, chunk.Items), cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            var summary = await call;
            return [.. summary.Batches.Select(a => new ChunkAck(a.BatchId, a.Rows, a.Inserted, a.Corrected, a.Unchanged, a.Duplicate))];
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.InvalidArgument)
        {
            // A stream reports only the error: send its batches one by one to learn which was refused (resends are harmless).
            return await ServerRefusal.SendEachAsync(chunks, async chunk =>
            {
                var ack = await ingest.SubmitBatchAsync(Batch(chunk.BatchId, chunk.Items), cancellationToken: cancellationToken);
                return new ChunkAck(ack.BatchId, ack.Rows, ack.Inserted, ack.Corrected, ack.Unchanged, ack.Duplicate);
            });
        }
    }

    private ResultBatch Batch(string batchId, IEnumerable<ResultRow> rows) => new() { BatchId = batchId, Procedure = procedure, Year = year, Rows = { rows } };
}
