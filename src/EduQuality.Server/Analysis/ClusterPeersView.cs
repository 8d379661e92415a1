using EduQuality.Api.V1;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Analysis.Region;
using EduQuality.Server.Mapping;

namespace EduQuality.Server.Analysis;

/// <summary>
/// The comparison of a school with the peers of its cluster, from the region's findings: the cluster's figures and
/// every school of the cluster, lowest integral first. Codes of peers the caller may not see are blanked: the values
/// stay (the distribution is what the school is compared with), the identity does not.
/// </summary>
public static class ClusterPeersView
{
    public static ClusterPeersResponse Build(AnalysisRequest request, RegionFindings findings, Func<string, bool> visible)
    {
        var response = new ClusterPeersResponse
        {
            OrganizationCode = request.OrganizationCode,
            Year = request.Year,
            Stamp = AnalysisMapper.Stamp(findings),
        };
        if (findings.Clusters?.Schools.GetValueOrDefault(request.OrganizationCode) is not { } school)
        {
            return response;
        }

        var cluster = findings.Clusters.Clusters.First(c => c.Label == school.Cluster);
        response.Clustered = true;
        response.ClusterKey = cluster.Label.Key;
        response.ClusterNameRu = cluster.Label.NameRu;
        response.Size = cluster.Size;
        response.Cut = cluster.Cut;
        response.Median = cluster.Median;
        response.School = Peer(school, true);
        response.Peers.AddRange(findings.Clusters.Schools.Values
            .Where(s => s.Cluster == school.Cluster)
            .OrderBy(s => s.Integral).ThenBy(s => s.SchoolCode, StringComparer.Ordinal)
            .Select(s => Peer(s, visible(s.SchoolCode))));
        return response;
    }

    private static ClusterPeer Peer(ClusterSchool school, bool visible) => new()
    {
        SchoolCode = visible ? school.SchoolCode : "",
        Integral = school.Integral,
        Rank = school.Rank,
        Flagged = school.Flagged,
    };
}
