namespace EduQuality.Domain.Cycle;

/// <summary>Stable codes of refused cycle operations; clients branch on these, users read the Russian message.</summary>
public static class RefusalCode
{
    public const string ForbiddenTransition = "CYCLE_FORBIDDEN_TRANSITION";
    public const string StageIncomplete = "CYCLE_STAGE_INCOMPLETE";
    public const string CycleClosed = "CYCLE_CLOSED";
    public const string StageNotReached = "CYCLE_STAGE_NOT_REACHED";
    public const string ForbiddenStatusChange = "RECOMMENDATION_FORBIDDEN_STATUS_CHANGE";
    public const string NotEditable = "RECOMMENDATION_NOT_EDITABLE";
}
