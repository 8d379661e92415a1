namespace EduQuality.Domain.Assessment;

/// <summary>Natural key of a result: a row with a known key is a correction of the earlier one.</summary>
public readonly record struct ResultKey(ProcedureKind Procedure, int Year, string Subject, int Grade, string ParticipantCode);
