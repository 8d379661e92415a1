namespace EduQuality.Demo;

/// <summary>How far a demo load has got.</summary>
/// <param name="RowsAcknowledged">Result rows the server has acknowledged.</param>
/// <param name="BatchesAcknowledged">Batches the server has acknowledged.</param>
/// <param name="EstimatedTotalRows">The region's row estimate, for a percentage.</param>
/// <param name="Elapsed">Time since the load started.</param>
public sealed record DemoLoadProgress(long RowsAcknowledged, int BatchesAcknowledged, long EstimatedTotalRows, TimeSpan Elapsed);
