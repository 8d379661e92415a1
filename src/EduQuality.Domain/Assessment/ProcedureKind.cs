namespace EduQuality.Domain.Assessment;

/// <summary>
/// An assessment procedure (оценочная процедура). Numeric values equal the public contract's enum numbers.
/// </summary>
public enum ProcedureKind
{
    /// <summary>ВПР, Всероссийские проверочные работы.</summary>
    Vpr = 1,

    /// <summary>ОГЭ, основной государственный экзамен (ГИА-9).</summary>
    Oge = 2,

    /// <summary>ЕГЭ, единый государственный экзамен (ГИА-11).</summary>
    Ege = 3,

    /// <summary>НИКО, национальные исследования качества образования.</summary>
    Niko = 4,

    /// <summary>Regional diagnostics (КДР, стартовая и итоговая диагностика).</summary>
    RegionalDiagnostic = 5,
}
