namespace EduQuality.Demo;

/// <summary>A kind of anomaly planted in the demo data.</summary>
public enum PlantedAnomalyKind
{
    /// <summary>ВПР results inflated (признаки необъективности): marks lifted, scores bunched at cut points, above the journal.</summary>
    InflatedVpr = 1,

    /// <summary>Persistently low results in every procedure (устойчиво низкие результаты) in a school with adverse context.</summary>
    PersistentlyLowResults = 2,
}
