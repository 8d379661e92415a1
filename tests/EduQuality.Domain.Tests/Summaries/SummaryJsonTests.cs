using System.Text.Json;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Tests.Summaries;

public sealed class SummaryJsonTests
{
    [Fact]
    public void Serialize_EmptySet_IsAnEmptyEntryList()
    {
        Assert.Equal("{\"entries\":[]}", SummaryJson.Serialize(new SummarySet()));
    }

    [Fact]
    public void Deserialize_EmptyEntryList_IsAnEmptySet()
    {
        var set = SummaryJson.Deserialize("{\"entries\":[]}");

        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void Deserialize_Null_IsRefused()
    {
        Assert.Throws<JsonException>(() => SummaryJson.Deserialize("null"));
    }
}
