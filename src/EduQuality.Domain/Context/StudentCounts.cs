using System.Globalization;
using EduQuality.Domain.Analysis.LowResults;
using EduQuality.Domain.Validation;

namespace EduQuality.Domain.Context;

/// <summary>
/// The students of a school in a context row (контингент) and the counts behind the five ШНСУ shares, as sent: a count is
/// null when it was not given. Each count is named after its measure of the vocabulary (students.*.count).
/// </summary>
public sealed record StudentCounts(
    int Students,
    int? RegisteredOdnKdn,
    int? MigrantOrLowRussian,
    int? NotAttested,
    int? SystematicAbsence,
    int? LearningDisability,
    int? IndividualPlan)
{
    /// <summary>The counts that stand beside a share: contract field, measure, the count and the share's field and value.</summary>
    public IEnumerable<(string Field, string Measure, int? Count, string ShareField, Func<SchoolContextFactors, double> Share)> ShareCounts() =>
    [
        ("students_registered_odn_kdn", "students.registeredOdnKdn.count", RegisteredOdnKdn, "share_on_preventive_register", f => f.ShareOnPreventiveRegister),
        ("students_migrant_or_low_russian", "students.migrantOrLowRussian.count", MigrantOrLowRussian, "share_migrant_or_low_russian", f => f.ShareMigrantOrLowRussian),
        ("students_not_attested", "students.notAttested.count", NotAttested, "share_not_certified", f => f.ShareNotCertified),
        ("students_systematic_absence", "students.systematicAbsence.count", SystematicAbsence, "share_chronic_absence", f => f.ShareChronicAbsence),
        ("students_learning_disability", "students.learningDisability.count", LearningDisability, "share_special_needs", f => f.ShareSpecialNeeds),
    ];

    /// <summary>
    /// The problems of the counts of row <paramref name="row"/>: students ≥ 0; counts only with students, each
    /// 0..students; a non-zero share within half a student of its count (share × students − count within ±0.5).
    /// </summary>
    public IEnumerable<Violation> Check(int row, SchoolContextFactors factors)
    {
        if (Students < 0)
        {
            yield return new Violation(row, $"rows[{row}].students", Text(Students), "the number of students cannot be negative");
        }

        foreach (var (field, _, count, shareField, share) in ShareCounts().Append(("students_individual_plan", "", IndividualPlan, "", _ => 0)))
        {
            if (count is not { } c)
            {
                continue;
            }

            if (Students <= 0)
            {
                yield return new Violation(row, $"rows[{row}].{field}", Text(c), "a count of students needs the number of students (students)");
            }
            else if (c < 0 || c > Students)
            {
                yield return new Violation(row, $"rows[{row}].{field}", Text(c), $"the count must be between 0 and the school's {Text(Students)} students");
            }
            else if (share(factors) is var s && s != 0 && Math.Abs((s * Students) - c) > 0.5)
            {
                yield return new Violation(row, $"rows[{row}].{shareField}", s.ToString("R", CultureInfo.InvariantCulture),
                    $"the share does not agree with its count: {Text(c)} of {Text(Students)} students is {((double)c / Students).ToString("0.####", CultureInfo.InvariantCulture)}");
            }
        }
    }

    /// <summary>
    /// The row made whole, once it passed <see cref="Check"/>: a share sent as 0 beside a count becomes count / students;
    /// a count left out becomes share × students rounded half away from zero. Without students the row is as sent.
    /// </summary>
    public (SchoolContextFactors Factors, StudentCounts Counts) Resolve(SchoolContextFactors factors)
    {
        if (Students <= 0)
        {
            return (factors, this);
        }

        var resolved = ShareCounts().Select(p => p.Count is { } c
            ? (Count: c, Share: p.Share(factors) == 0 ? (double)c / Students : p.Share(factors))
            : (Count: (int)Math.Round(p.Share(factors) * Students, MidpointRounding.AwayFromZero), Share: p.Share(factors))).ToList();
        return (
            factors with
            {
                ShareOnPreventiveRegister = resolved[0].Share,
                ShareMigrantOrLowRussian = resolved[1].Share,
                ShareNotCertified = resolved[2].Share,
                ShareChronicAbsence = resolved[3].Share,
                ShareSpecialNeeds = resolved[4].Share,
            },
            this with
            {
                RegisteredOdnKdn = resolved[0].Count,
                MigrantOrLowRussian = resolved[1].Count,
                NotAttested = resolved[2].Count,
                SystematicAbsence = resolved[3].Count,
                LearningDisability = resolved[4].Count,
            });
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
