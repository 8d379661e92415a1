namespace EduQuality.Domain.Analysis.LowResults;

/// <summary>
/// The nine components of a school's social-wellbeing context (компоненты индекса социального благополучия школы,
/// ШНСУ-1…9 of the Ishimbay table, DOMAIN.md §3.6.3). Shares are 0..1; flags are yes/no. Every component counts
/// against wellbeing: a higher share or a «да» means a less advantaged school.
/// </summary>
/// <param name="ShareOnPreventiveRegister">ШНСУ-1: share of students on the register of ОДН or КДН.</param>
/// <param name="ShareMigrantOrLowRussian">ШНСУ-2: share from migrant families or with a low command of Russian.</param>
/// <param name="ShareNotCertified">ШНСУ-3: share not certified at the interim attestation (неаттестованные).</param>
/// <param name="ShareChronicAbsence">ШНСУ-4: share with systematic unexcused absences.</param>
/// <param name="ShareSpecialNeeds">ШНСУ-5: share with a confirmed ПМПК diagnosis (ЗПР, intellectual disability).</param>
/// <param name="Remote">ШНСУ-6: far from other educational centres or hard to reach by transport.</param>
/// <param name="SmallSchool">ШНСУ-7: a small school (малокомплектная школа).</param>
/// <param name="InfrastructureDeficit">ШНСУ-8: short of basic infrastructure, stable internet or computers.</param>
/// <param name="StaffShortage">ШНСУ-9: teaching or specialist posts left unfilled.</param>
public sealed record SchoolContextFactors(
    double ShareOnPreventiveRegister,
    double ShareMigrantOrLowRussian,
    double ShareNotCertified,
    double ShareChronicAbsence,
    double ShareSpecialNeeds,
    bool Remote,
    bool SmallSchool,
    bool InfrastructureDeficit,
    bool StaffShortage)
{
    /// <summary>The value of a component as a number: the share, or 1 for «да» and 0 for «нет».</summary>
    public double Value(SocialComponent component) => component switch
    {
        SocialComponent.PreventiveRegister => ShareOnPreventiveRegister,
        SocialComponent.MigrantOrLowRussian => ShareMigrantOrLowRussian,
        SocialComponent.NotCertified => ShareNotCertified,
        SocialComponent.ChronicAbsence => ShareChronicAbsence,
        SocialComponent.SpecialNeeds => ShareSpecialNeeds,
        SocialComponent.Remote => Remote ? 1 : 0,
        SocialComponent.SmallSchool => SmallSchool ? 1 : 0,
        SocialComponent.InfrastructureDeficit => InfrastructureDeficit ? 1 : 0,
        SocialComponent.StaffShortage => StaffShortage ? 1 : 0,
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown social component."),
    };
}

/// <summary>A component of the social-wellbeing index; the number is the catalogue's ШНСУ-n.</summary>
public enum SocialComponent
{
    PreventiveRegister = 1,
    MigrantOrLowRussian = 2,
    NotCertified = 3,
    ChronicAbsence = 4,
    SpecialNeeds = 5,
    Remote = 6,
    SmallSchool = 7,
    InfrastructureDeficit = 8,
    StaffShortage = 9,
}

/// <summary>Names and catalogue codes of the social components.</summary>
public static class SocialComponents
{
    /// <summary>All nine components in catalogue order.</summary>
    public static IReadOnlyList<SocialComponent> All { get; } = Enum.GetValues<SocialComponent>();

    /// <summary>The catalogue code, «ШНСУ-1» … «ШНСУ-9».</summary>
    public static string Code(SocialComponent component) => $"ШНСУ-{(int)component}";

    /// <summary>A short Russian name for explanations.</summary>
    public static string NameRu(SocialComponent component) => component switch
    {
        SocialComponent.PreventiveRegister => "доля на учете в ОДН/КДН",
        SocialComponent.MigrantOrLowRussian => "доля детей мигрантов / с низким владением русским языком",
        SocialComponent.NotCertified => "доля неаттестованных",
        SocialComponent.ChronicAbsence => "доля систематически пропускающих занятия",
        SocialComponent.SpecialNeeds => "доля обучающихся с ЗПР/УО",
        SocialComponent.Remote => "отдаленность, транспортная недоступность",
        SocialComponent.SmallSchool => "малокомплектная школа",
        SocialComponent.InfrastructureDeficit => "дефицит инфраструктуры",
        SocialComponent.StaffShortage => "неукомплектованность штата",
        _ => component.ToString(),
    };

    /// <summary>A short English name for explanations.</summary>
    public static string NameEn(SocialComponent component) => component switch
    {
        SocialComponent.PreventiveRegister => "share on the ОДН/КДН register",
        SocialComponent.MigrantOrLowRussian => "share from migrant families / low Russian",
        SocialComponent.NotCertified => "share not certified",
        SocialComponent.ChronicAbsence => "share with chronic absence",
        SocialComponent.SpecialNeeds => "share with learning delay / disability",
        SocialComponent.Remote => "remote, hard to reach",
        SocialComponent.SmallSchool => "small school",
        SocialComponent.InfrastructureDeficit => "infrastructure deficit",
        SocialComponent.StaffShortage => "staff shortage",
        _ => component.ToString(),
    };
}
