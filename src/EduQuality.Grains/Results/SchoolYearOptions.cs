namespace EduQuality.Grains.Results;

/// <summary>How a school-year grain keeps its cached summaries.</summary>
public sealed class SchoolYearOptions
{
    /// <summary>
    /// How often changed class summaries are written to grain storage. They are a cache of rows that are already
    /// durable at acknowledgement (docs/adr/0001), so the write stays off the ingest path.
    /// </summary>
    public TimeSpan StateFlushInterval { get; set; } = TimeSpan.FromSeconds(2);
}
