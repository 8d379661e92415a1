namespace EduQuality.Domain.Analysis.Indicators;

/// <summary>A value of an indicator not computed from results, reported for an organisation and year.</summary>
public sealed record ReportedValue(string OrganizationCode, int Year, string IndicatorCode, double Value);

/// <summary>Whose reference value: the region's published mean or the federal one. Numbers equal the contract's.</summary>
public enum ReferenceLevel
{
    Regional = 1,
    Federal = 2,
}

/// <summary>A reference value of an indicator in a year (среднее значение для сравнения).</summary>
public sealed record ReferenceValue(string IndicatorCode, int Year, ReferenceLevel Level, double Value);
