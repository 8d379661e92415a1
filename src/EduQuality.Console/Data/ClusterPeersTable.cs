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

    public static string Label(ClusterPeer peer) => peer.SchoolCode.Length > 0 ? peer.SchoolCode : Hidden;
}
