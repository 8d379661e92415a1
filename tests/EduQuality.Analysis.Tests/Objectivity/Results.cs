using EduQuality.Domain.Analysis.Objectivity;
using EduQuality.Domain.Assessment;
using EduQuality.Domain.Summaries;

namespace EduQuality.Analysis.Tests.Objectivity;

/// <summary>Hand-made summaries for detector tests: counts a reader can check, added as individual results.</summary>
internal sealed class Results
{
    private readonly Dictionary<string, Dictionary<int, SummarySet>> _schools = [];
    private readonly Dictionary<int, SummarySet> _region = [];
    private readonly Dictionary<string, string> _municipalities = [];

    public static SliceKey Vpr(string subject, int grade, string classLabel = "") => new(ProcedureKind.Vpr, subject, grade, classLabel);

    /// <summary>Adds <paramref name="count"/> identical results to a school (and to the region, unless told not to).</summary>
    public Results School(string school, int year, SliceKey slice, int count, int score = 10, int? mark = 3, int? termComparison = null, bool alsoRegion = true)
    {
        if (!_schools.TryGetValue(school, out var years))
        {
            years = [];
            _schools[school] = years;
        }

        Add(years, year, slice, count, Facts(score, mark, termComparison));
        if (alsoRegion)
        {
            Region(year, slice.ToWholeOrganization(), count, score, mark, termComparison);
        }

        return this;
    }

    /// <summary>Adds results to the region only: the rest of the region beside the schools under test.</summary>
    public Results Region(int year, SliceKey slice, int count, int score = 10, int? mark = 3, int? termComparison = null)
    {
        if (!_region.TryGetValue(year, out var set))
        {
            set = new SummarySet();
            _region[year] = set;
        }

        for (var i = 0; i < count; i++)
        {
            set.Apply(slice, Facts(score, mark, termComparison), 1);
        }

        return this;
    }

    /// <summary>The region's histogram flat: <paramref name="perScore"/> participants at every score 0..max.</summary>
    public Results RegionFlat(int year, SliceKey slice, int maxScore, int perScore)
    {
        for (var score = 0; score <= maxScore; score++)
        {
            Region(year, slice, perScore, score);
        }

        return this;
    }

    /// <summary>Journal comparison of a school's work: so many lowered, confirmed and raised.</summary>
    public Results SchoolJournal(string school, int year, SliceKey slice, int lowered, int confirmed, int raised, bool alsoRegion = false) =>
        School(school, year, slice, lowered, termComparison: -1, alsoRegion: alsoRegion)
            .School(school, year, slice, confirmed, termComparison: 0, alsoRegion: alsoRegion)
            .School(school, year, slice, raised, termComparison: 1, alsoRegion: alsoRegion);

    /// <summary>Journal comparison of the region's work.</summary>
    public Results RegionJournal(int year, SliceKey slice, int lowered, int confirmed, int raised) =>
        Region(year, slice, lowered, termComparison: -1).Region(year, slice, confirmed, termComparison: 0).Region(year, slice, raised, termComparison: 1);

    /// <summary>Marks «2», «3», «4», «5» of a school's work.</summary>
    public Results SchoolMarks(string school, int year, SliceKey slice, int twos, int threes, int fours, int fives, bool alsoRegion = false) =>
        School(school, year, slice, twos, mark: 2, alsoRegion: alsoRegion)
            .School(school, year, slice, threes, mark: 3, alsoRegion: alsoRegion)
            .School(school, year, slice, fours, mark: 4, alsoRegion: alsoRegion)
            .School(school, year, slice, fives, mark: 5, alsoRegion: alsoRegion);

    /// <summary>Marks of the region's work.</summary>
    public Results RegionMarks(int year, SliceKey slice, int twos, int threes, int fours, int fives) =>
        Region(year, slice, twos, mark: 2).Region(year, slice, threes, mark: 3).Region(year, slice, fours, mark: 4).Region(year, slice, fives, mark: 5);

    public Results Municipality(string school, string municipality)
    {
        _municipalities[school] = municipality;
        return this;
    }

    public ObjectivityInput Input(Func<ProcedureKind, string, int, int, MarkScale?>? scales = null) => new()
    {
        Schools = _schools.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<int, SummarySet>)s.Value),
        Region = _region,
        MunicipalityOfSchool = _municipalities,
        MarkScales = scales ?? MarkScaleTable.Find,
    };

    public ObjectivityContext Context(ObjectivityOptions? options = null, Func<ProcedureKind, string, int, int, MarkScale?>? scales = null) =>
        new(Input(scales), options ?? ObjectivityOptions.Default);

    private static ResultFacts Facts(int score, int? mark, int? termComparison) => new()
    {
        Score = score,
        Mark = mark,
        HighScorer = false,
        TermComparison = termComparison,
    };

    private static void Add(Dictionary<int, SummarySet> years, int year, SliceKey slice, int count, ResultFacts facts)
    {
        if (!years.TryGetValue(year, out var set))
        {
            set = new SummarySet();
            years[year] = set;
        }

        for (var i = 0; i < count; i++)
        {
            set.Apply(slice, facts, 1);
        }
    }
}
