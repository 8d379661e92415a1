namespace EduQuality.Demo;

/// <summary>
/// The nine components of a school's social-wellbeing context (компоненты индекса социального благополучия школы, ШНСУ-1..9).
/// Shares are 0..1; flags are yes/no.
/// </summary>
/// <param name="ShareOnPreventiveRegister">ШНСУ-1: share of students on the register of ОДН or КДН.</param>
/// <param name="ShareMigrantOrLowRussian">ШНСУ-2: share from migrant families or with a low command of Russian.</param>
/// <param name="ShareNotCertified">ШНСУ-3: share not certified at the end of the year (неаттестованные).</param>
/// <param name="ShareChronicAbsence">ШНСУ-4: share with systematic unexcused absences.</param>
/// <param name="ShareSpecialNeeds">ШНСУ-5: share with a confirmed ПМПК diagnosis (ЗПР, intellectual disability) on adapted programmes.</param>
/// <param name="Remote">ШНСУ-6: far from other educational centres or hard to reach by transport.</param>
/// <param name="SmallSchool">ШНСУ-7: a small rural school (малокомплектная школа).</param>
/// <param name="InfrastructureDeficit">ШНСУ-8: short of basic infrastructure, stable internet or computers.</param>
/// <param name="StaffShortage">ШНСУ-9: teaching or specialist posts left unfilled.</param>
public sealed record SocialFactors(
    double ShareOnPreventiveRegister,
    double ShareMigrantOrLowRussian,
    double ShareNotCertified,
    double ShareChronicAbsence,
    double ShareSpecialNeeds,
    bool Remote,
    bool SmallSchool,
    bool InfrastructureDeficit,
    bool StaffShortage);
