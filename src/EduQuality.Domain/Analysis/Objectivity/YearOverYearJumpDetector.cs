namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>
/// The same work, grade and school a year later (динамика результатов той же параллели): results that rise far beyond the
/// region's change without a cause the data show. See <see cref="ResultJump"/> for the measure.
/// </summary>
public sealed class YearOverYearJumpDetector : IObjectivityDetector
{
    public IEnumerable<ObjectivitySign> Detect(ObjectivityContext context, string schoolCode, int year) =>
        context.SchoolUnits(schoolCode, year)
            .Select(unit => ResultJump.Evaluate(context, schoolCode, unit, gradeShift: 0, ObjectivitySignKind.YearOverYearJump))
            .OfType<ObjectivitySign>();
}
