using EduQuality.Api.V1;

namespace EduQuality.Demo.Tests;

/// <summary>
/// The default 600-organisation region at a quarter of the class sizes, with its rows kept in a compact form so that
/// statistics over all of them stay cheap.
/// </summary>
public sealed class PlantedRegionFixture
{
    public static readonly DemoOptions Options = new() { Scale = 0.25 };

    public PlantedRegionFixture()
    {
        Demo = DemoRegion.Generate(Options);
        Rows = Demo.Batches()
            .SelectMany(b => b.Rows.Select(r => new CompactRow(
                r.SchoolCode,
                b.Year,
                b.Procedure,
                r.Subject,
                r.Grade,
                (double)r.PrimaryScore / r.MaxPrimaryScore,
                r.PrimaryScore,
                r.HasMark ? r.Mark : 0,
                r.HasTermMark ? r.TermMark : 0,
                r.HasTestScore ? r.TestScore : -1)))
            .ToList();
        Contexts = Demo.Contexts.ToDictionary(c => c.SchoolCode);
    }

    public DemoRegion Demo { get; }

    public IReadOnlyList<CompactRow> Rows { get; }

    public IReadOnlyDictionary<string, SchoolContext> Contexts { get; }

    public bool IsPlanted(string schoolCode) =>
        Demo.GroundTruth.InflatedSchools.Contains(schoolCode) || Demo.GroundTruth.LowResultSchools.Contains(schoolCode);

    public bool IsInflated(CompactRow row) =>
        row.Procedure == Procedure.Vpr && Demo.GroundTruth.IsInflated(row.School, row.Year, row.Grade, row.Subject);
}

/// <summary>The fields of a result row the statistics need.</summary>
public sealed record CompactRow(
    string School, int Year, Procedure Procedure, string Subject, int Grade, double Share, int Primary, int Mark, int TermMark, int TestScore)
{
    public bool Raised => TermMark > 0 && Mark > TermMark;
}
