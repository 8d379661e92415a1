using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>What the objectivity analysis reads (исходные данные анализа объективности): summaries only, no raw rows.</summary>
public sealed record ObjectivityInput
{
    /// <summary>
    /// School code → academic year → the school's summaries by class slice, as the school-year grain keeps them
    /// (rows without a class under an empty class label). Whole-school slices are merged from these.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<int, SummarySet>> Schools { get; init; }

    /// <summary>Academic year → the region's summaries (whole-organisation slices; class slices are merged if present).</summary>
    public required IReadOnlyDictionary<int, SummarySet> Region { get; init; }

    /// <summary>School code → municipality code, for the lists per municipality; a school not in it is listed under none.</summary>
    public IReadOnlyDictionary<string, string> MunicipalityOfSchool { get; init; } = new Dictionary<string, string>();

    /// <summary>The mark scale in force for a procedure, subject, grade and year; the shipped table by default.</summary>
    public Func<ProcedureKind, string, int, int, MarkScale?> MarkScales { get; init; } = MarkScaleTable.Find;
}
