namespace EduQuality.Demo;

/// <summary>One school work touched by an anomaly: a year, grade and subject.</summary>
public sealed record PlantedSlice(int Year, int Grade, string Subject);
