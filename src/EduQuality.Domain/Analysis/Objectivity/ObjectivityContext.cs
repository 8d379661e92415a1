using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// The analysis input prepared for the detectors: whole-school summaries merged once, the units judged per school and
/// year, and the region's results of the same works. Built once per analysis; it caches what it computes, so one context
/// serves one thread.
/// </summary>
public sealed class ObjectivityContext
{
    private static readonly SummarySet NoResults = new();

    private readonly ObjectivityInput _input;
    private readonly Dictionary<(string School, int Year), SummarySet> _whole = [];
    private readonly Dictionary<int, SummarySet> _region = [];
    private readonly Dictionary<int, PercentileRanks> _ranks = [];
    private readonly Dictionary<(string School, int Year), IReadOnlyList<WorkUnit>> _schoolUnits = [];
    private readonly Dictionary<(string School, int Year), IReadOnlyList<WorkUnit>> _classUnits = [];

    public ObjectivityContext(ObjectivityInput input, ObjectivityOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _input = input;
        Options = options;
        foreach (var (school, years) in input.Schools)
        {
            foreach (var (year, set) in years)
            {
                _whole[(school, year)] = set.WholeOrganization();
            }
        }

        foreach (var (year, set) in input.Region)
        {
            _region[year] = set.WholeOrganization();
        }

        SchoolYears = _whole.Keys
            .OrderBy(k => k.School, StringComparer.Ordinal)
            .ThenBy(k => k.Year)
            .ToList();
    }

    public ObjectivityOptions Options { get; }

    /// <summary>Every school and year with results, ordered by school code and year.</summary>
    public IReadOnlyList<(string School, int Year)> SchoolYears { get; }

    /// <summary>The municipality of a school, or null.</summary>
    public string? MunicipalityOf(string school) => _input.MunicipalityOfSchool.GetValueOrDefault(school);

    /// <summary>The school's whole-school summaries in a year (empty when it has none).</summary>
    public SummarySet WholeSchool(string school, int year) => _whole.GetValueOrDefault((school, year)) ?? NoResults;

    /// <summary>The region's whole-organisation summaries in a year (empty when none were given).</summary>
    public SummarySet Region(int year) => _region.GetValueOrDefault(year) ?? NoResults;

    /// <summary>The mark scale in force for a work, or null.</summary>
    public MarkScale? Scale(ProcedureKind procedure, string subject, int grade, int year) => _input.MarkScales(procedure, subject, grade, year);

    /// <summary>
    /// The whole-school units of the judged procedures in a year: each work with at least the minimum of participants on
    /// its own, and the smaller works of each subject pooled over as few grades as reach the minimum.
    /// </summary>
    public IReadOnlyList<WorkUnit> SchoolUnits(string school, int year)
    {
        if (!_schoolUnits.TryGetValue((school, year), out var units))
        {
            units = BuildSchoolUnits(school, year);
            _schoolUnits[(school, year)] = units;
        }

        return units;
    }

    /// <summary>
    /// The class units of the judged procedures in a year: every class with at least the minimum of participants in a
    /// work written by two or more classes (a single class is the whole school again).
    /// </summary>
    public IReadOnlyList<WorkUnit> ClassUnits(string school, int year)
    {
        if (!_classUnits.TryGetValue((school, year), out var units))
        {
            units = BuildClassUnits(school, year);
            _classUnits[(school, year)] = units;
        }

        return units;
    }

    /// <summary>
    /// The whole school's results of the same subject in another year over the given grades, or null when it wrote none
    /// of them.
    /// </summary>
    public WorkUnit? WholeSchoolUnit(string school, WorkScope scope, int year) => Unit(WholeSchool(school, year), scope.WholeSchool(), year);

    /// <summary>The percentile ranks of the region's schools in a year, computed on first use.</summary>
    public PercentileRanks Ranks(int year)
    {
        if (!_ranks.TryGetValue(year, out var ranks))
        {
            ranks = PercentileRanks.Build(SchoolYears.Where(k => k.Year == year).Select(k => (k.School, WholeSchool(k.School, year))), Options);
            _ranks[year] = ranks;
        }

        return ranks;
    }

    private List<WorkUnit> BuildSchoolUnits(string school, int year)
    {
        var units = new List<WorkUnit>();
        var set = WholeSchool(school, year);
        foreach (var work in set.Keys.Where(k => Options.JudgedProcedures.Contains(k.Procedure))
                     .GroupBy(k => (k.Procedure, k.Subject))
                     .OrderBy(g => g.Key.Procedure).ThenBy(g => g.Key.Subject, StringComparer.Ordinal))
        {
            var participants = work.ToDictionary(k => k.Grade, k => set.Find(k)!.Participants);
            foreach (var grades in GradePooling.Group(participants, Options.MinimumParticipants))
            {
                units.Add(Unit(set, new WorkScope(work.Key.Procedure, work.Key.Subject, grades, null), year)!);
            }
        }

        return units;
    }

    private List<WorkUnit> BuildClassUnits(string school, int year)
    {
        if (!_input.Schools.TryGetValue(school, out var years) || !years.TryGetValue(year, out var classes))
        {
            return [];
        }

        var units = new List<WorkUnit>();
        foreach (var work in classes.Keys
                     .Where(k => Options.JudgedProcedures.Contains(k.Procedure) && k.ClassLabel.Length > 0)
                     .GroupBy(k => k.ToWholeOrganization())
                     .Where(g => g.Count() > 1)
                     .OrderBy(g => g.Key.Procedure).ThenBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Grade))
        {
            foreach (var slice in work.OrderBy(k => k.ClassLabel, StringComparer.Ordinal))
            {
                if (classes.Find(slice)!.Participants >= Options.MinimumParticipants)
                {
                    units.Add(Unit(classes, new WorkScope(slice.Procedure, slice.Subject, [slice.Grade], slice.ClassLabel), year)!);
                }
            }
        }

        return units;
    }

    private WorkUnit? Unit(SummarySet set, WorkScope scope, int year)
    {
        var region = Region(year);
        var parts = new List<WorkPart>();
        var summary = new ResultSummary();
        var regional = new ResultSummary();
        foreach (var grade in scope.Grades)
        {
            var slice = new SliceKey(scope.Procedure, scope.Subject, grade, scope.ClassLabel ?? "");
            if (set.Find(slice) is not { } part)
            {
                continue;
            }

            var regionPart = region.Find(slice.ToWholeOrganization()) ?? new ResultSummary();
            parts.Add(new WorkPart(grade, part, regionPart));
            summary.Merge(part, 1);
            regional.Merge(regionPart, 1);
        }

        return parts.Count == 0 ? null : new WorkUnit(scope, year, parts, summary, regional);
    }
}
