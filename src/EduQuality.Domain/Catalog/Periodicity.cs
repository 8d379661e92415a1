namespace EduQuality.Domain.Catalog;

/// <summary>When an indicator is collected (сроки мониторинга): a frequency and, where the source names them, the months.</summary>
public sealed record Periodicity(PeriodicityFrequency Frequency, IReadOnlyList<int> Months);
