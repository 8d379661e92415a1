namespace EduQuality.Domain.Analysis.Objectivity;

/// <summary>A sign of biased results (признак необъективности результатов).</summary>
public enum ObjectivitySignKind
{
    /// <summary>Too many ВПР marks above the term mark (доля «повысили»).</summary>
    JournalRaised = 1,

    /// <summary>Too few ВПР marks equal to the term mark (доля «подтвердили»).</summary>
    JournalUnconfirmed = 2,

    /// <summary>Too many ВПР marks below the term mark (доля «понизили»): journal marks inflated.</summary>
    JournalLowered = 3,

    /// <summary>Peaks of the primary-score histogram at a mark's cut point (пики на границах отметок).</summary>
    BoundaryPeak = 4,

    /// <summary>Same work, grade and school, a year later: a rise beyond the region's (резкий рост результатов).</summary>
    YearOverYearJump = 5,

    /// <summary>The same cohort a grade and a year later: a rise beyond the region's (несогласованность по когорте).</summary>
    CohortJump = 6,

    /// <summary>High ВПР with low ОГЭ/ЕГЭ in the same school and subject (не подтверждается результатами ГИА).</summary>
    CrossProcedure = 7,
}

/// <summary>Families of signs: signs of one family measure the same thing and share one weight in the risk score.</summary>
public enum ObjectivitySignFamily
{
    /// <summary>The work's marks above the journal, or too little agreement with it.</summary>
    JournalMismatch = 1,

    /// <summary>Peaks at the cut points.</summary>
    BoundaryPeak = 2,

    /// <summary>A rise beyond the region's, year over year or along the cohort.</summary>
    ResultJump = 3,

    /// <summary>ВПР not confirmed by ОГЭ/ЕГЭ.</summary>
    CrossProcedure = 4,

    /// <summary>The journal's marks above the work's: a sign about current marking, not about the work.</summary>
    JournalAboveWork = 5,
}

/// <summary>Maps kinds to families.</summary>
public static class ObjectivitySignKinds
{
    public static ObjectivitySignFamily FamilyOf(ObjectivitySignKind kind) => kind switch
    {
        ObjectivitySignKind.JournalRaised or ObjectivitySignKind.JournalUnconfirmed => ObjectivitySignFamily.JournalMismatch,
        ObjectivitySignKind.JournalLowered => ObjectivitySignFamily.JournalAboveWork,
        ObjectivitySignKind.BoundaryPeak => ObjectivitySignFamily.BoundaryPeak,
        ObjectivitySignKind.YearOverYearJump or ObjectivitySignKind.CohortJump => ObjectivitySignFamily.ResultJump,
        ObjectivitySignKind.CrossProcedure => ObjectivitySignFamily.CrossProcedure,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of objectivity sign."),
    };
}
