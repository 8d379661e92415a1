using EduQuality.Domain.Assessment;

namespace EduQuality.Demo.Scoring;

/// <summary>
/// Every work the demo writes in its years, built up front so that generation only reads it. ВПР and ОГЭ works take
/// their maximum and cut points from the mark-scale reference table; a student of average ability is placed just
/// below the «4» cut point. ЕГЭ works aim at a median test score per subject.
/// </summary>
internal sealed class WorkCatalog
{
    private readonly Dictionary<(ProcedureKind, string, int, int), WorkDefinition> works = [];

    public WorkCatalog(IEnumerable<int> years)
    {
        foreach (var year in years)
        {
            foreach (var grade in Curriculum.VprGrades)
            {
                foreach (var subject in Curriculum.AllVprSubjects(grade))
                {
                    AddScaled(ProcedureKind.Vpr, subject, grade, year);
                }
            }

            foreach (var subject in Curriculum.AllOgeSubjects())
            {
                AddScaled(ProcedureKind.Oge, subject, Curriculum.OgeGrade, year);
            }

            foreach (var subject in Curriculum.AllEgeSubjects())
            {
                if (subject == SubjectCodes.BaseMathematics)
                {
                    AddScaled(ProcedureKind.Ege, subject, Curriculum.EgeGrade, year, EgeWorks.BaseMathematicsTakerAbility);
                }
                else
                {
                    AddEge(subject, year);
                }
            }
        }
    }

    public WorkDefinition Get(ProcedureKind procedure, string subject, int grade, int year) =>
        works.TryGetValue((procedure, subject, grade, year), out var work)
            ? work
            : throw new KeyNotFoundException($"No demo work {procedure} {subject} grade {grade} in {year}.");

    private void AddScaled(ProcedureKind procedure, string subject, int grade, int year, double typicalAbility = 0.0)
    {
        var scale = MarkScaleTable.Find(procedure, subject, grade, year)
            ?? throw new InvalidOperationException($"mark-scales.json has no scale for {procedure} {subject} grade {grade} in {year}.");
        var targetShare = (scale.MinScoreFor4 - 0.5) / scale.MaxPrimaryScore;
        Add(procedure, subject, grade, year, scale.FromYear, scale.MaxPrimaryScore, typicalAbility, targetShare, scale);
    }

    private void AddEge(string subject, int year)
    {
        var (maxPrimary, medianTestScore, takerAbility) = EgeWorks.For(subject);
        Add(ProcedureKind.Ege, subject, Curriculum.EgeGrade, year, Curriculum.FirstFormatYear, maxPrimary, takerAbility, EgeWorks.FractionFor(medianTestScore), null);
    }

    private void Add(
        ProcedureKind procedure, string subject, int grade, int year, int formatYear, int maxPrimary, double typicalAbility, double targetShare, MarkScale? scale)
    {
        var (taskMax, offsets) = TaskLayout.Build(procedure, subject, grade, formatYear, maxPrimary);
        works[(procedure, subject, grade, year)] = new WorkDefinition
        {
            Procedure = procedure,
            Subject = subject,
            Grade = grade,
            MaxPrimaryScore = maxPrimary,
            TaskMaxPoints = taskMax,
            TaskOffsets = offsets,
            Location = ScoreModel.LocationFor(taskMax, offsets, typicalAbility, targetShare),
            Scale = scale,
        };
    }
}
