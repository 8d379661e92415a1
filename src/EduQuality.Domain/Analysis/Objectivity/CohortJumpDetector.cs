namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// The same cohort a grade and a year later (несогласованность результатов когорты): grade g in year y against grade g + 1
/// in year y + 1 of the same school and subject. Mostly the same students, so a rise far beyond the region's change over
/// the same step is hard to explain by who wrote the work. See <see cref="ResultJump"/> for the measure.
/// </summary>
public sealed class CohortJumpDetector : IObjectivityDetector
{
    public IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year) =>
        context.SchoolUnits(schoolCode, year)
            .Select(unit => ResultJump.Evaluate(context, schoolCode, unit, gradeShift: 1, ObjectivitySignKind.CohortJump))
            .OfType<ObjectivitySign>();
}
