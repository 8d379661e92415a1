using EduQuality.Api.V1;
using EduQuality.WebConsole.Data;
using Xunit;

namespace EduQuality.WebConsole.Tests.Pages;

/// <summary>The bars charted of a large cluster: 25 around the school, moved inwards at the ends of the cluster.</summary>
public sealed class ClusterPeersWindowTests
{
    private static readonly ClusterPeersResponse Forty = new()
    {
        Size = 40,
        Peers = { Enumerable.Range(1, 40).Select(r => new ClusterPeer { SchoolCode = $"S{r:00}", Rank = r, Integral = r / 10.0 }) },
    };

    [Theory]
    [InlineData("S20", 8, 32)] // places 20 − 12 = 8 .. 8 + 24 = 32: the school in the middle
    [InlineData("S02", 1, 25)] // the window cannot start before the first place
    [InlineData("S39", 16, 40)] // nor end after the last: 40 − 24 = 16
    public void A_large_cluster_is_charted_as_25_places_around_the_school(string school, int first, int last)
    {
        var charted = ClusterPeersTable.Window(Forty, school);

        Assert.Equal(25, charted.Count);
        Assert.Equal((first, last), (charted[0].Rank, charted[^1].Rank));
        Assert.Contains(charted, p => p.SchoolCode == school);
    }

    [Fact]
    public void A_cluster_of_at_most_25_is_charted_whole()
    {
        var small = new ClusterPeersResponse { Peers = { Forty.Peers.Take(3) } };

        Assert.Equal(["S01", "S02", "S03"], ClusterPeersTable.Window(small, "S02").Select(p => p.SchoolCode));
    }
}
