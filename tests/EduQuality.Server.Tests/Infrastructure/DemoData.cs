using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Server.Mapping;
using EduQuality.Storage.Results;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EduQuality.Server.Tests.Infrastructure;

/// <summary>A scaled-down demo region for integration tests, and comparisons of every summary it produces.</summary>
public static class DemoData
{
    public static readonly DemoOptions SmallOptions = new() { Municipalities = 4, Schools = 24, Scale = 0.25, BatchSize = 400 };

    public static DemoRegion Small() => DemoRegion.Generate(SmallOptions);

    public static async Task<DemoLoadReport> LoadAsync(RunningServer server, DemoRegion demo) =>
        await new DemoLoader().LoadAsync(server.Channel, demo, parallelism: 4, progress: null, CancellationToken.None);

    public static async Task SettleAsync(RunningServer server, DemoRegion demo)
    {
        foreach (var year in demo.Options.Years)
        {
            await SmallRegion.SettleAsync(server, DemoRegion.RegionCode, year);
        }
    }

    /// <summary>Every organisation's slices for every year, as served over gRPC, with versions cleared.</summary>
    public static async Task<SortedDictionary<string, string>> ServedSummariesAsync(RunningServer server, DemoRegion demo)
    {
        var served = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in demo.Options.Years)
        {
            foreach (var org in demo.Organizations())
            {
                var list = await server.Query.ListSummariesAsync(new ListSummariesRequest { OrganizationCode = org.Code, Year = year });
                foreach (var summary in list.Summaries)
                {
                    summary.Version = 0;
                    served[Key(summary)] = summary.Summary.ToString();
                }
            }
        }

        return served;
    }

    /// <summary>The same, recomputed by SQL from the raw rows.</summary>
    public static async Task<SortedDictionary<string, string>> RecomputedSummariesAsync(RunningServer server, DemoRegion demo)
    {
        var query = server.Services.GetRequiredService<RawRollupQuery>();
        var recomputed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var year in demo.Options.Years)
        {
            foreach (var (org, set) in await query.ComputeAsync(year, CancellationToken.None))
            {
                foreach (var entry in set.Entries)
                {
                    var summary = SummaryMapper.ToContract(org, year, entry.Slice, entry.Summary, version: 0);
                    recomputed[Key(summary)] = summary.Summary.ToString();
                }
            }
        }

        return recomputed;
    }

    public static void AssertSame(SortedDictionary<string, string> expected, SortedDictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, value) in expected)
        {
            Assert.True(value == actual[key], $"{key}:\nexpected {value}\nactual   {actual[key]}");
        }
    }

    private static string Key(SliceSummary s) =>
        $"{s.Slice.Year}/{s.OrganizationCode}/{s.Slice.Procedure}/{s.Slice.Subject}/{s.Slice.Grade}/{s.Slice.ClassLabel}";
}
