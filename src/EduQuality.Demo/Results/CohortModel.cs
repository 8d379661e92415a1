using EduQuality.Demo.Layout;
using EduQuality.Demo.Randomness;

namespace EduQuality.Demo.Results;

/// <summary>
/// The students of every school as cohorts. A cohort is the set of students who were in grade 0 in the same year, so
/// grade g in year y is grade g + 1 in year y + 1; everything about a student (code, ability, whether they stay for
/// grades 10–11, exam choices) is a pure function of seed, school, cohort and index, so any year can be generated
/// on its own and still follow the same students.
/// </summary>
internal sealed class CohortModel
{
    /// <summary>Largest class; a grade with more students is split into classes А, Б, В…</summary>
    public const int MaxClassSize = 25;

    private const string ClassLetters = "АБВГДЕЖИКЛМНОПРСТУФХЦЧШЭЮЯ";
    private const ulong CohortTag = 0x636F686FUL;
    private const ulong StudentTag = 0x73747564UL;

    private static readonly string[][] ClassLabels = Enumerable.Range(0, 12)
        .Select(grade => ClassLetters.Select(letter => $"{grade}{letter}").ToArray())
        .ToArray();

    private readonly ulong seed;
    private readonly double scale;
    private readonly ParticipantCodes codes;

    public CohortModel(int seed, double scale)
    {
        this.seed = (ulong)seed;
        this.scale = scale;
        codes = new ParticipantCodes(seed);
    }

    /// <summary>Students of the cohort at the school (after scaling), varying ±15% around the school's typical size.</summary>
    public int CohortSize(SchoolPlan school, int cohort)
    {
        var variation = 0.85 + (0.3 * StableHash.Unit(StableHash.Of(seed, CohortTag, (ulong)school.Ordinal, (ulong)cohort)));
        return Math.Max(1, (int)Math.Round(school.BaseCohortSize * variation * scale, MidpointRounding.AwayFromZero));
    }

    /// <summary>Fills <paramref name="roster"/> with the students of the grade in the year, in a fixed order.</summary>
    public void FillRoster(SchoolPlan school, int year, int grade, List<RosterStudent> roster)
    {
        roster.Clear();
        if (!school.WritesAssessments || (grade >= 10 && !school.HasSeniorGrades))
        {
            return;
        }

        var cohort = year - grade;
        var size = CohortSize(school, cohort);
        var present = new List<(int Index, double Ability, ulong ChoiceSeed)>(size);
        for (var index = 0; index < size; index++)
        {
            var hash = StableHash.Of(seed, StudentTag, (ulong)school.Ordinal, (ulong)cohort, (ulong)index);
            var ability = StableHash.Gaussian(StableHash.Mix(hash ^ 1), StableHash.Mix(hash ^ 2));
            if (grade >= 10 && !Continues(school, ability, StableHash.Unit(StableHash.Mix(hash ^ 3))))
            {
                continue;
            }

            present.Add((index, ability, StableHash.Mix(hash ^ 4)));
        }

        var classes = Math.Max(1, (present.Count + MaxClassSize - 1) / MaxClassSize);
        for (var position = 0; position < present.Count; position++)
        {
            var (index, ability, choiceSeed) = present[position];
            roster.Add(new RosterStudent(codes.For(school.Ordinal, cohort, index), ClassLabels[grade][position % classes], ability, choiceSeed));
        }
    }

    /// <summary>Students enrolled in grades 1–11 in the year.</summary>
    public int Enrolment(SchoolPlan school, int year)
    {
        if (!school.WritesAssessments)
        {
            return school.FixedStudents;
        }

        var roster = new List<RosterStudent>();
        var total = 0;
        for (var grade = 1; grade <= 11; grade++)
        {
            if (grade < 10)
            {
                total += CohortSize(school, year - grade);
            }
            else
            {
                FillRoster(school, year, grade, roster);
                total += roster.Count;
            }
        }

        return total;
    }

    /// <summary>Abler students are likelier to stay on for grades 10–11.</summary>
    private static bool Continues(SchoolPlan school, double ability, double draw) =>
        draw < Math.Clamp(school.SeniorShare + (0.15 * ability), 0.05, 0.95);
}
