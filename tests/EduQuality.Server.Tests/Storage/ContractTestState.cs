namespace EduQuality.Server.Tests.Storage;

/// <summary>State of <see cref="ContractTestGrain"/>: a few field kinds, enough to see the JSON round trip.</summary>
[GenerateSerializer]
public sealed class ContractTestState
{
    [Id(0)]
    public string Title { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }

    [Id(2)]
    public List<string> Tags { get; set; } = [];
}
