namespace EduQuality.Demo;

/// <summary>The outcome of loading a demo region through the public API.</summary>
/// <param name="OrganizationsCreated">Organisations the server created.</param>
/// <param name="OrganizationsUpdated">Organisations that already existed and were updated.</param>
/// <param name="RowsSent">Result rows acknowledged by the server.</param>
/// <param name="Batches">Batches acknowledged by the server.</param>
/// <param name="DuplicateBatches">Acknowledged batches the server had already applied with the same content.</param>
/// <param name="Retries">Streams or registration calls repeated after UNAVAILABLE or DEADLINE_EXCEEDED.</param>
/// <param name="Elapsed">Time for the whole load, registration included.</param>
/// <param name="ResultsElapsed">Time spent streaming results.</param>
public sealed record DemoLoadReport(
    int OrganizationsCreated,
    int OrganizationsUpdated,
    long RowsSent,
    int Batches,
    int DuplicateBatches,
    int Retries,
    TimeSpan Elapsed,
    TimeSpan ResultsElapsed)
{
    /// <summary>Result rows acknowledged per second of streaming.</summary>
    public double RowsPerSecond => ResultsElapsed > TimeSpan.Zero ? RowsSent / ResultsElapsed.TotalSeconds : 0;
}
