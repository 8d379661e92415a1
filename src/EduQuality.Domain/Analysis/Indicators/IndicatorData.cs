using EduQuality.Domain.Assessment;

namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>A value of an indicator not computed from results, reported for an organisation and year.</summary>
public sealed record ReportedValue(string OrganizationCode, int Year, string IndicatorCode, double Value);

/// <summary>Whose reference value: the region's published mean or the federal one. Numbers equal the contract's.</summary>
public enum ReferenceLevel
{
    Regional = 1,
    Federal = 2,
}

/// <summary>
/// A reference value of an indicator in a year (среднее значение для сравнения), for one region or, with an empty
/// <paramref name="RegionCode"/>, for every region of the installation.
/// </summary>
public sealed record ReferenceValue(string IndicatorCode, int Year, ReferenceLevel Level, double Value, string RegionCode = "");

/// <summary>
/// A reference mean score of one work (procedure, subject, grade) in a year, for one region or, with an empty
/// <paramref name="RegionCode"/>, for every region of the installation.
/// </summary>
public sealed record ReferenceMean(string RegionCode, int Year, ProcedureKind Procedure, string Subject, int Grade, ReferenceLevel Level, double MeanScore);
