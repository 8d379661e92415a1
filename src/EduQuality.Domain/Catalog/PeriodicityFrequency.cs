namespace EduQuality.Domain.Catalog;

/// <summary>How often an indicator is collected (периодичность).</summary>
public enum PeriodicityFrequency
{
    Annual,

    /// <summary>Several waves a year, in the months listed.</summary>
    SeveralPerYear,

    /// <summary>After every administration of the source procedure.</summary>
    PerProcedure,
}
