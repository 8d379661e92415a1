using EduQuality.Api.V1;
using EduQuality.Server.Tests.Infrastructure;

namespace EduQuality.Server.Tests.Analysis;

/// <summary>
/// SmallRegion with ten ЕГЭ Russian results per school, every result of a school the same (S11 50, S12 60, S21 70),
/// and equal contexts: the data of the cluster comparison tests, here and in the console.
/// </summary>
public static class ClusterPeersData
{
    /// <summary>Three schools whose integrals are −√1,5, 0 and +√1,5 (ClusterPeersTests explains the numbers).</summary>
    public static async Task IngestAsync(RunningServer server)
    {
        var scores = new Dictionary<string, int> { ["S11"] = 50, ["S12"] = 60, ["S21"] = 70 };
        await server.Ingest.SubmitBatchAsync(SmallRegion.Batch("ege-2025", Procedure.Ege, 2025,
            [.. SmallRegion.Schools.SelectMany(s => Enumerable.Range(0, 10).Select(i => SmallRegion.Ege($"{s}-{i}", s, scores[s])))]));
        await SmallRegion.SettleAsync(server, "R1", 2025);
        await new ContextService.ContextServiceClient(server.Channel).SubmitSchoolContextAsync(new SchoolContextBatch
        {
            BatchId = "ctx",
            Rows = { SchoolContextIngestTests.Row("S11", 2025, 0.1), SchoolContextIngestTests.Row("S12", 2025, 0.1), SchoolContextIngestTests.Row("S21", 2025, 0.1) },
        });
    }
}
