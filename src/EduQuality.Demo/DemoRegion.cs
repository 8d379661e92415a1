using System.Globalization;
using EduQuality.Api.V1;
using EduQuality.Demo.Layout;
using EduQuality.Demo.Randomness;
using EduQuality.Demo.Results;
using EduQuality.Demo.Scoring;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo;

/// <summary>
/// A deterministic demo region (демонстрационный регион): organisations, school context, planted anomalies and the
/// results of ВПР (grades 4–8), ОГЭ and ЕГЭ over several years. The same <see cref="DemoOptions"/> always give
/// byte-identical output. Results are generated lazily by <see cref="Batches"/>, so millions of rows never need to
/// sit in memory.
/// </summary>
public sealed class DemoRegion
{
    /// <summary>Code of the demo region.</summary>
    public const string RegionCode = "R99";

    private static readonly ProcedureKind[] Procedures = [ProcedureKind.Vpr, ProcedureKind.Oge, ProcedureKind.Ege];

    private readonly IReadOnlyList<SchoolPlan> plans;
    private readonly CohortModel cohorts;
    private readonly WorkCatalog works;

    private DemoRegion(DemoOptions options)
    {
        Options = options with { Years = [.. options.Years] };
        var random = new DemoRandom(StableHash.Of((ulong)options.Seed, 0x6C61796FUL));
        var (municipalities, schools) = RegionBuilder.Build(Options, random);
        plans = schools;
        GroundTruth = AnomalyPlanner.Plant(plans, Options.Years, random);
        cohorts = new CohortModel(options.Seed, options.Scale);
        works = new WorkCatalog(Options.Years);
        BatchIdPrefix = "demo-" + Fingerprint(Options).ToString("x6", CultureInfo.InvariantCulture);

        Region = new Organization { Code = RegionCode, Level = OrganizationLevel.Region, Name = RussianNames.RegionName };
        Municipalities = municipalities
            .Select(m => new Organization { Code = m.Code, Level = OrganizationLevel.Municipality, Name = m.Name, ParentCode = RegionCode })
            .ToList();
        var lastYear = Options.Years[^1];
        var enrolment = plans.ToDictionary(s => s.Code, s => cohorts.Enrolment(s, lastYear), StringComparer.Ordinal);
        Schools = plans.Select(s => new Organization
        {
            Code = s.Code,
            Level = OrganizationLevel.School,
            Name = s.Name,
            ParentCode = s.MunicipalityCode,
            Kind = s.Kind,
            Settlement = s.Settlement,
            Students = enrolment[s.Code],
        }).ToList();
        Contexts = plans.Select(s => new SchoolContext(
            s.Code,
            s.MunicipalityCode,
            s.Kind,
            s.Settlement,
            enrolment[s.Code],
            s.WritesAssessments ? cohorts.CohortSize(s, lastYear - 5) : 0,
            s.Factors,
            s.SocialAdvantage)).ToList();
        EstimatedRowCount = EstimateRows();
    }

    /// <summary>The options the region was generated with.</summary>
    public DemoOptions Options { get; }

    /// <summary>The region (субъект РФ) at the root of the hierarchy.</summary>
    public Organization Region { get; }

    /// <summary>Municipalities, ordered by code.</summary>
    public IReadOnlyList<Organization> Municipalities { get; }

    /// <summary>Educational organisations of every kind, ordered by municipality and code.</summary>
    public IReadOnlyList<Organization> Schools { get; }

    /// <summary>Context of every organisation in <see cref="Schools"/>, in the same order.</summary>
    public IReadOnlyList<SchoolContext> Contexts { get; }

    /// <summary>What was planted, for checking the analysis.</summary>
    public DemoGroundTruth GroundTruth { get; }

    /// <summary>Expected number of result rows over all years (the exact count comes from <see cref="Batches"/>).</summary>
    public long EstimatedRowCount { get; }

    /// <summary>Start of every batch id, "demo-" and a fingerprint of the options, so different regions never share ids.</summary>
    public string BatchIdPrefix { get; }

    /// <summary>Generates a region.</summary>
    public static DemoRegion Generate(DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new DemoRegion(options);
    }

    /// <summary>Region, municipalities and schools in registration order (parents before children).</summary>
    public IEnumerable<Organization> Organizations() => new[] { Region }.Concat(Municipalities).Concat(Schools);

    /// <summary>
    /// The result batches: year by year, then ВПР, ОГЭ and ЕГЭ, then schools in code order. Each enumeration generates
    /// fresh messages with identical content.
    /// </summary>
    public IEnumerable<ResultBatch> Batches()
    {
        var writer = new ResultWriter(Options.Seed, cohorts, works);
        var rows = new List<ResultRow>();
        var completed = new List<ResultBatch>();
        foreach (var year in Options.Years)
        {
            foreach (var procedure in Procedures)
            {
                var assembler = new BatchAssembler(BatchIdPrefix, year, (Procedure)(int)procedure, Options.BatchSize);
                foreach (var school in plans)
                {
                    rows.Clear();
                    writer.Append(school, year, procedure, rows);
                    assembler.Add(rows, completed);
                    foreach (var batch in completed)
                    {
                        yield return batch;
                    }

                    completed.Clear();
                }

                if (assembler.Flush() is { } last)
                {
                    yield return last;
                }
            }
        }
    }

    private long EstimateRows()
    {
        const double VprAttendance = 0.94;
        const double EgeWorksPerStudent = 3.48;
        var roster = new List<RosterStudent>();
        var total = 0.0;
        foreach (var school in plans.Where(s => s.WritesAssessments))
        {
            foreach (var year in Options.Years)
            {
                foreach (var grade in Curriculum.VprGrades)
                {
                    var subjects = Curriculum.VprCompulsory(grade).Length + Math.Min(Curriculum.VprDrawnCount, Curriculum.VprDrawn(grade).Length);
                    total += cohorts.CohortSize(school, year - grade) * subjects * VprAttendance;
                }

                total += cohorts.CohortSize(school, year - Curriculum.OgeGrade) * 4.0;
                cohorts.FillRoster(school, year, Curriculum.EgeGrade, roster);
                total += roster.Count * EgeWorksPerStudent;
            }
        }

        return (long)Math.Round(total);
    }

    private static ulong Fingerprint(DemoOptions options)
    {
        var hash = StableHash.Of((ulong)options.Seed, (ulong)options.Municipalities, (ulong)options.Schools,
            (ulong)BitConverter.DoubleToInt64Bits(options.Scale), (ulong)options.BatchSize);
        foreach (var year in options.Years)
        {
            hash = StableHash.Combine(hash, (ulong)year);
        }

        return hash & 0xFFFFFF;
    }
}
