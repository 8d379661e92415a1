namespace EduQuality.Domain.Context;

/// <summary>One teacher of a school in a year: diagnostics of professional deficits and professional development taken.</summary>
public sealed record TeacherRecord(
    string SchoolCode,
    int Year,
    string TeacherCode,
    bool Diagnosed,
    bool PdByRequest,
    bool PdRiskStudents,
    bool Retrained,
    bool CoveredByEvents,
    bool SupportedRegional,
    bool SupportedMunicipal,
    bool DeficitWorkCovered);

/// <summary>ВсОШ stages; the numbers equal the contract's.</summary>
public enum OlympiadStage
{
    School = 1,
    Municipal = 2,
    Regional = 3,
    Final = 4,
}

/// <summary>A school's students at one ВсОШ stage in one subject.</summary>
public sealed record OlympiadRecord(string SchoolCode, int Year, OlympiadStage Stage, string Subject, int Participants, int Winners, int PrizeWinners);

/// <summary>A school's career guidance in a year: graduates and where they continue.</summary>
public sealed record CareerGuidanceRecord(
    string SchoolCode, int Year, int Graduates, int TargetContract, int ContinuingInPoo, int PriorityProgramme, int BiletVBudushee, int PartnerEnterprises);
