using System.Globalization;
using EduQuality.Api.V1;

namespace EduQuality.Demo;

/// <summary>
/// The demo region's school contexts as the context service takes them: one batch per year with every general school's
/// nine social factors (the latent advantage they were drawn from stays in the ground truth), its students and the
/// counts behind the shares (each share × students, rounded, so shares and counts agree and the planted lists stay as
/// they were). The demo keeps one context per school, so every year carries the same rows.
/// </summary>
public static class DemoContextBatches
{
    public static IEnumerable<SchoolContextBatch> For(DemoRegion demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        foreach (var year in demo.Options.Years)
        {
            var batch = new SchoolContextBatch { BatchId = string.Create(CultureInfo.InvariantCulture, $"{demo.BatchIdPrefix}-context-{year}") };
            batch.Rows.AddRange(demo.Contexts.Where(c => c.Kind == SchoolKind.General).Select(c => new SchoolContextRow
            {
                SchoolCode = c.SchoolCode,
                Year = year,
                ShareOnPreventiveRegister = c.Factors.ShareOnPreventiveRegister,
                ShareMigrantOrLowRussian = c.Factors.ShareMigrantOrLowRussian,
                ShareNotCertified = c.Factors.ShareNotCertified,
                ShareChronicAbsence = c.Factors.ShareChronicAbsence,
                ShareSpecialNeeds = c.Factors.ShareSpecialNeeds,
                Remote = c.Factors.Remote,
                SmallSchool = c.Factors.SmallSchool,
                InfrastructureDeficit = c.Factors.InfrastructureDeficit,
                StaffShortage = c.Factors.StaffShortage,
                Students = c.Students,
                StudentsRegisteredOdnKdn = Count(c.Factors.ShareOnPreventiveRegister, c.Students),
                StudentsMigrantOrLowRussian = Count(c.Factors.ShareMigrantOrLowRussian, c.Students),
                StudentsNotAttested = Count(c.Factors.ShareNotCertified, c.Students),
                StudentsSystematicAbsence = Count(c.Factors.ShareChronicAbsence, c.Students),
                StudentsLearningDisability = Count(c.Factors.ShareSpecialNeeds, c.Students),
                // Most students with a ПМПК diagnosis learn by an adapted individual programme.
                StudentsIndividualPlan = (int)Math.Round(Count(c.Factors.ShareSpecialNeeds, c.Students) * 0.6, MidpointRounding.AwayFromZero),
            }));
            yield return batch;
        }
    }

    private static int Count(double share, int students) => (int)Math.Round(share * students, MidpointRounding.AwayFromZero);
}
