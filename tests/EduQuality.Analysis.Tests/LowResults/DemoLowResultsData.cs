using System.Collections.Concurrent;
using System.Diagnostics;
using EduQuality.Api.V1;
using EduQuality.Demo;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Reference;
using EduQuality.Domain.Summaries;
using EduQuality.Server.Mapping;

namespace EduQuality.Analysis.Tests.LowResults;

/// <summary>
/// A demo region turned into the identification's input in memory: batches → domain rows (the ingest's mapper) →
/// facts with the shipped thresholds → one summary set per school and year; contexts → profiles of general schools.
/// </summary>
public sealed class DemoLowResultsData
{
    private static readonly ConcurrentDictionary<int, Lazy<DemoLowResultsData>> Cache = new();

    private DemoLowResultsData(DemoRegion region, LowResultsInput input, TimeSpan generationTime)
    {
        Region = region;
        Input = input;
        GenerationTime = generationTime;
    }

    /// <summary>Time to generate the region and build the summaries.</summary>
    public TimeSpan GenerationTime { get; }

    public DemoRegion Region { get; }

    public LowResultsInput Input { get; }

    public IReadOnlySet<string> Planted => Region.GroundTruth.LowResultSchools;

    /// <summary>The scaled-down region of the end-to-end tests: 10 municipalities, 200 organisations, half-size classes.</summary>
    public static DemoOptions TestOptions(int seed) => new() { Seed = seed, Municipalities = 10, Schools = 200, Scale = 0.5 };

    /// <summary>The test region of a seed, generated once per test run.</summary>
    public static DemoLowResultsData ForSeed(int seed) =>
        Cache.GetOrAdd(seed, s => new Lazy<DemoLowResultsData>(() => Generate(TestOptions(s)))).Value;

    public static DemoLowResultsData Generate(DemoOptions options)
    {
        var clock = Stopwatch.StartNew();
        var region = DemoRegion.Generate(options);
        var sets = new Dictionary<(string School, int Year), SummarySet>();
        foreach (var batch in region.Batches())
        {
            foreach (var row in ResultRowMapper.ToRecords(batch))
            {
                if (!sets.TryGetValue((row.SchoolCode, row.Year), out var set))
                {
                    set = new SummarySet();
                    sets[(row.SchoolCode, row.Year)] = set;
                }

                set.Apply(SliceKey.Of(row), ResultFactsDeriver.Derive(row, ThresholdTable.Default), 1);
            }
        }

        var profiles = region.Contexts
            .Where(c => c.Kind == SchoolKind.General)
            .Select(ToProfile)
            .ToList();
        var results = sets.Select(s => new SchoolYearResults(s.Key.School, s.Key.Year, s.Value)).ToList();
        return new DemoLowResultsData(region, new LowResultsInput(profiles, results), clock.Elapsed);
    }

    /// <summary>The demo's context in the domain's terms (the analysis never sees the latent social advantage).</summary>
    public static SchoolProfile ToProfile(SchoolContext context) => new(
        context.SchoolCode,
        context.MunicipalityCode,
        context.Settlement switch
        {
            Settlement.Rural => SchoolSettlement.Rural,
            Settlement.Urban => SchoolSettlement.Urban,
            _ => SchoolSettlement.Unspecified,
        },
        context.Students,
        new SchoolContextFactors(
            context.Factors.ShareOnPreventiveRegister,
            context.Factors.ShareMigrantOrLowRussian,
            context.Factors.ShareNotCertified,
            context.Factors.ShareChronicAbsence,
            context.Factors.ShareSpecialNeeds,
            context.Factors.Remote,
            context.Factors.SmallSchool,
            context.Factors.InfrastructureDeficit,
            context.Factors.StaffShortage));

    /// <summary>Precision and recall of a list against the planted low-result schools.</summary>
    public (double Precision, double Recall, int Listed, int Hits) Score(IReadOnlyCollection<string> listed)
    {
        var hits = listed.Count(Planted.Contains);
        return (listed.Count == 0 ? 0 : (double)hits / listed.Count, Planted.Count == 0 ? 0 : (double)hits / Planted.Count, listed.Count, hits);
    }
}
