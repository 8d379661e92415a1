using EduQuality.Api.V1;

namespace EduQuality.Demo.Results;

/// <summary>
/// Packs the rows of one procedure and year into batches school by school: a batch takes whole schools while they
/// fit and it has fewer than <see cref="MaxSchoolsPerBatch"/>, so it holds one or a few schools; a school larger than
/// a batch is split over consecutive batches. Batch ids are "{prefix}-{year}-{VPR|OGE|EGE}-{number:D6}", numbered
/// from 1 within the procedure and year.
/// </summary>
internal sealed class BatchAssembler(string prefix, int year, Procedure procedure, int batchSize)
{
    /// <summary>Most schools in one batch, so that applying a batch touches few schools.</summary>
    public const int MaxSchoolsPerBatch = 8;

    private ResultBatch? current;
    private int schoolsInCurrent;
    private int number;

    /// <summary>Adds one school's rows; batches that became full are appended to <paramref name="completed"/>.</summary>
    public void Add(List<ResultRow> schoolRows, List<ResultBatch> completed)
    {
        if (schoolRows.Count == 0)
        {
            return;
        }

        if (current is not null && (current.Rows.Count + schoolRows.Count > batchSize || schoolsInCurrent >= MaxSchoolsPerBatch))
        {
            completed.Add(current);
            current = null;
        }

        var offset = 0;
        while (offset < schoolRows.Count)
        {
            if (current is null)
            {
                current = NewBatch();
                schoolsInCurrent = 0;
            }

            var take = Math.Min(batchSize - current.Rows.Count, schoolRows.Count - offset);
            for (var i = 0; i < take; i++)
            {
                current.Rows.Add(schoolRows[offset + i]);
            }

            offset += take;
            schoolsInCurrent++;
            if (current.Rows.Count == batchSize)
            {
                completed.Add(current);
                current = null;
            }
        }
    }

    /// <summary>The last, partly filled batch, if any.</summary>
    public ResultBatch? Flush()
    {
        var last = current;
        current = null;
        return last;
    }

    private ResultBatch NewBatch() => new()
    {
        BatchId = $"{prefix}-{year}-{Abbreviation(procedure)}-{++number:D6}",
        Procedure = procedure,
        Year = year,
    };

    private static string Abbreviation(Procedure procedure) => procedure switch
    {
        Procedure.Vpr => "VPR",
        Procedure.Oge => "OGE",
        Procedure.Ege => "EGE",
        _ => procedure.ToString().ToUpperInvariant(),
    };
}
