using EduQuality.Api.V1;
using EduQuality.Demo.Layout;
using EduQuality.Demo.Randomness;
using EduQuality.Demo.Scoring;
using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Results;

/// <summary>
/// Writes the result rows of one school for one procedure and year. A student's ability in a work is the school
/// effect (plus any planted shift for the year), the student's lifelong ability and a work-specific noise; each work
/// has its own random stream keyed by school, year, subject and grade, so output does not depend on generation order.
/// One writer per enumeration: it reuses buffers and is not thread-safe.
/// </summary>
internal sealed class ResultWriter(int seed, CohortModel cohorts, WorkCatalog works)
{
    /// <summary>Weight of the student's own ability and of the work-specific noise on the latent scale.</summary>
    private const double StudentWeight = 0.75;
    private const double WorkNoise = 0.4;

    /// <summary>Share of students absent from a ВПР work; higher in a low-result year.</summary>
    private const double Absence = 0.06;
    private const double LowYearAbsence = 0.09;

    private const ulong WorkTag = 0x776F726BUL;

    private readonly List<RosterStudent> roster = [];
    private readonly List<int> choices = [];

    public void Append(SchoolPlan school, int year, ProcedureKind procedure, List<ResultRow> rows)
    {
        if (!school.WritesAssessments)
        {
            return;
        }

        switch (procedure)
        {
            case ProcedureKind.Vpr:
                AppendVpr(school, year, rows);
                break;
            case ProcedureKind.Oge:
                AppendOge(school, year, rows);
                break;
            case ProcedureKind.Ege:
                AppendEge(school, year, rows);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(procedure), procedure, "The demo writes ВПР, ОГЭ and ЕГЭ only.");
        }
    }

    private void AppendVpr(SchoolPlan school, int year, List<ResultRow> rows)
    {
        var absence = school.ShiftIn(year) < 0 ? LowYearAbsence : Absence;
        foreach (var grade in Curriculum.VprGrades)
        {
            cohorts.FillRoster(school, year, grade, roster);
            var drawn = ExamChoices.VprDrawn((ulong)seed, school.Ordinal, year, grade);
            foreach (var subject in Curriculum.VprCompulsory(grade).Concat(drawn))
            {
                var work = works.Get(ProcedureKind.Vpr, subject, grade, year);
                var random = WorkRandom(school, year, work);
                var inflated = school.InflatedSlices.Contains((year, grade, subject));
                var points = new int[work.TaskCount];
                foreach (var student in roster)
                {
                    if (random.Chance(absence))
                    {
                        continue;
                    }

                    var score = ScoreModel.Draw(work, Ability(school, year, student, random), random, points);
                    var termMark = JournalMarks.For(work.Scale!.MarkFor(score), random);
                    if (inflated)
                    {
                        score = ScoreModel.Inflate(work, points, score, random);
                    }

                    var row = Row(work, school, student, points, score);
                    row.TermMark = termMark;
                    rows.Add(row);
                }
            }
        }
    }

    private void AppendOge(SchoolPlan school, int year, List<ResultRow> rows)
    {
        cohorts.FillRoster(school, year, Curriculum.OgeGrade, roster);
        choices.Clear();
        choices.AddRange(roster.Select(s => ExamChoices.OgeElectives(s.ChoiceSeed)));
        AppendExam(school, year, ProcedureKind.Oge, SubjectCodes.Russian, rows, _ => true);
        AppendExam(school, year, ProcedureKind.Oge, SubjectCodes.Mathematics, rows, _ => true);
        for (var e = 0; e < Curriculum.OgeElectives.Length; e++)
        {
            var bit = 1 << e;
            AppendExam(school, year, ProcedureKind.Oge, Curriculum.OgeElectives[e].Subject, rows, i => (choices[i] & bit) != 0);
        }
    }

    private void AppendEge(SchoolPlan school, int year, List<ResultRow> rows)
    {
        cohorts.FillRoster(school, year, Curriculum.EgeGrade, roster);
        choices.Clear();
        foreach (var student in roster)
        {
            var (profile, electives) = ExamChoices.Ege(student.ChoiceSeed, student.Ability);
            choices.Add((electives << 1) | (profile ? 1 : 0));
        }

        AppendExam(school, year, ProcedureKind.Ege, SubjectCodes.Russian, rows, _ => true);
        AppendExam(school, year, ProcedureKind.Ege, SubjectCodes.ProfileMathematics, rows, i => (choices[i] & 1) != 0);
        AppendExam(school, year, ProcedureKind.Ege, SubjectCodes.BaseMathematics, rows, i => (choices[i] & 1) == 0);
        for (var e = 0; e < Curriculum.EgeElectives.Length; e++)
        {
            var bit = 1 << (e + 1);
            AppendExam(school, year, ProcedureKind.Ege, Curriculum.EgeElectives[e].Subject, rows, i => (choices[i] & bit) != 0);
        }
    }

    /// <summary>Rows of one ОГЭ or ЕГЭ work for the roster students it selects; exams are never inflated.</summary>
    private void AppendExam(SchoolPlan school, int year, ProcedureKind procedure, string subject, List<ResultRow> rows, Func<int, bool> takes)
    {
        var grade = procedure == ProcedureKind.Oge ? Curriculum.OgeGrade : Curriculum.EgeGrade;
        var work = works.Get(procedure, subject, grade, year);
        var random = WorkRandom(school, year, work);
        var points = new int[work.TaskCount];
        for (var i = 0; i < roster.Count; i++)
        {
            if (!takes(i))
            {
                continue;
            }

            var score = ScoreModel.Draw(work, Ability(school, year, roster[i], random), random, points);
            rows.Add(Row(work, school, roster[i], points, score));
        }
    }

    private static double Ability(SchoolPlan school, int year, in RosterStudent student, DemoRandom random) =>
        school.SchoolEffect + school.ShiftIn(year) + (StudentWeight * student.Ability) + (WorkNoise * random.NextGaussian());

    private DemoRandom WorkRandom(SchoolPlan school, int year, WorkDefinition work) =>
        new(StableHash.Of((ulong)seed, WorkTag, (ulong)school.Ordinal, (ulong)year, StableHash.Of(work.Subject) ^ (ulong)work.Procedure, (ulong)work.Grade));

    private static ResultRow Row(WorkDefinition work, SchoolPlan school, in RosterStudent student, int[] points, int score)
    {
        var row = new ResultRow
        {
            ParticipantCode = student.Code,
            SchoolCode = school.Code,
            ClassLabel = student.ClassLabel,
            Grade = work.Grade,
            Subject = work.Subject,
            PrimaryScore = score,
            MaxPrimaryScore = work.MaxPrimaryScore,
        };
        row.TaskPoints.Add(points);
        row.TaskMaxPoints.Add(work.TaskMaxPoints);
        if (work.Scale is { } scale)
        {
            row.Mark = scale.MarkFor(score);
        }
        else
        {
            row.TestScore = EgeWorks.TestScore(score, work.MaxPrimaryScore);
        }

        return row;
    }
}
