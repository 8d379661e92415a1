using EduQuality.Api.V1;

namespace EduQuality.WebConsole.Data;

/// <summary>
/// A school among the schools of its cluster (сравнение со школами кластера): every school of the cluster, lowest
/// integral result index first, with its place and whether it is below the cluster's cut. Schools outside the reader's
/// access come without their codes.
/// </summary>
public static class ClusterPeersTable
{
    public const string Name = "cluster-peers";

    /// <summary>The label of a peer whose code the reader may not see.</summary>
    public const string Hidden = "школа вне области доступа";

    public static ReportTable Of(ClusterPeersResponse peers) => new(
        Name, $"Сравнение со школами кластера «{peers.ClusterNameRu}»: {peers.OrganizationCode}, {Labels.Year(peers.Year)} уч. г.",
        [new("Место в кластере", "N0"), new("Школа"), new("Интегральный показатель", "N3"), new("Ниже отсечения")],
        peers.Peers.Select(p => (IReadOnlyList<object>)[(long)p.Rank, Label(p), p.Integral, p.Flagged ? "да" : "нет"]).ToList());

    /// <summary>Most bars a chart of the peers shows: a large cluster (the demo region is one of 600) is charted as a window.</summary>
    public const int ChartedPeers = 25;

    /// <summary>The peers charted: all of a small cluster; of a large one, the window of <see cref="ChartedPeers"/> around the school.</summary>
    public static IReadOnlyList<ClusterPeer> Window(ClusterPeersResponse peers, string schoolCode)
    {
        var at = Math.Max(0, peers.Peers.ToList().FindIndex(p => p.SchoolCode == schoolCode));
        var start = Math.Clamp(at - (ChartedPeers / 2), 0, Math.Max(0, peers.Peers.Count - ChartedPeers));
        return peers.Peers.Skip(start).Take(ChartedPeers).ToList();
    }

    public static string Label(ClusterPeer peer) => peer.SchoolCode.Length > 0 ? peer.SchoolCode : Hidden;
}
